package org.infera.core.random;

import java.util.SplittableRandom;
import org.hipparchus.special.Gamma;

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

    /**
     * A Poisson count of the given mean: inversion of the cumulative distribution below mean 10, and
     * Hörmann's transformed rejection with squeeze (PTRS, Insurance: Math. Econ. 12 (1993) 39) above,
     * which takes about two uniforms a draw whatever the mean.
     */
    public long poisson(double mean) {
        if (!(mean >= 0) || Double.isInfinite(mean)) throw new IllegalArgumentException("Poisson mean " + mean);
        if (mean == 0) return 0;
        return mean < 10 ? poissonByInversion(mean) : poissonByRejection(mean);
    }

    private long poissonByInversion(double mean) {
        double u = uniform.nextDouble();
        double p = Math.exp(-mean);
        double cdf = p;
        long k = 0;
        while (u > cdf && k < 1000) { // the cap guards against rounding of a cdf that never reaches u
            k++;
            p *= mean / k;
            cdf += p;
        }
        return k;
    }

    private long poissonByRejection(double mean) {
        double sqrtMean = Math.sqrt(mean), logMean = Math.log(mean);
        double b = 0.931 + 2.53 * sqrtMean;
        double a = -0.059 + 0.02483 * b;
        double invAlpha = 1.1239 + 1.1328 / (b - 3.4);
        double vr = 0.9277 - 3.6224 / (b - 2);
        while (true) {
            double u = uniform.nextDouble() - 0.5;
            double v = uniform.nextDouble();
            double us = 0.5 - Math.abs(u);
            long k = (long) Math.floor((2 * a / us + b) * u + mean + 0.43);
            if (us >= 0.07 && v <= vr) return k;
            if (k < 0 || (us < 0.013 && v > us)) continue;
            double lhs = Math.log(v) + Math.log(invAlpha) - Math.log(a / (us * us) + b);
            if (lhs <= -mean + k * logMean - Gamma.logGamma(k + 1.0)) return k;
        }
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
