package org.infera.core.random;

import java.util.SplittableRandom;

/**
 * The project's random numbers: SplittableRandom for uniforms (its algorithm is fixed by the JDK
 * specification) and our own Gaussian and exponential transforms, so that the same seed gives the
 * same events on every JVM.
 */
public final class Rng {
    private final SplittableRandom uniform;
    private double spareGaussian;
    private boolean hasSpare;

    public Rng(long seed) {
        this.uniform = new SplittableRandom(seed);
    }

    /** An independent stream for one shard (or any other index) of a run with the given seed. */
    public static long derivedSeed(long seed, long index) {
        // SplitMix64 finaliser of a combination: neighbouring indices give unrelated streams.
        long z = seed * 0x9E3779B97F4A7C15L + index + 0x632BE59BD9B4E019L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Uniform in [0, 1). */
    public double uniform() {
        return uniform.nextDouble();
    }

    /** Uniform integer in [0, bound). */
    public int nextInt(int bound) {
        return uniform.nextInt(bound);
    }

    /** Standard normal, by Marsaglia's polar method. */
    public double gaussian() {
        if (hasSpare) {
            hasSpare = false;
            return spareGaussian;
        }
        double u, v, s;
        do {
            u = 2 * uniform.nextDouble() - 1;
            v = 2 * uniform.nextDouble() - 1;
            s = u * u + v * v;
        } while (s >= 1 || s == 0);
        double factor = Math.sqrt(-2 * Math.log(s) / s);
        spareGaussian = v * factor;
        hasSpare = true;
        return u * factor;
    }

    /** Exponential with the given rate (mean 1/rate), by inversion. */
    public double exponential(double rate) {
        return -Math.log1p(-uniform.nextDouble()) / rate;
    }

    /** Shuffles indices in place (Fisher–Yates). */
    public void shuffle(int[] indices) {
        for (int i = indices.length - 1; i > 0; i--) {
            int j = uniform.nextInt(i + 1);
            int t = indices[i];
            indices[i] = indices[j];
            indices[j] = t;
        }
    }
}
