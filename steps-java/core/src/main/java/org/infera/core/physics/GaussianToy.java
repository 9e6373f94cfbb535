package org.infera.core.physics;

import org.infera.core.data.MadMinerEventFile;
import org.infera.core.random.Rng;

/**
 * The score-regression toy with a tractable joint likelihood: a latent z ~ N(θ, 2²) and an
 * observable x ~ N(z, 1). Its joint score is t(x, z | θ) = (z − θ)/4; the true score of x alone is
 * (x − θ)/5 (x ~ N(θ, 5)), so the Fisher information is 0.2 per event, and the lowest mean squared
 * error a score regressor can reach is E[Var(t | x)] = Var(z | x)/16 = 0.05.
 *
 * <p>It is not morphable (the weights' θ dependence is not a polynomial), so its weighted events carry a
 * weight at every benchmark of a grid, from the joint likelihood ratio p(z | θ_k) / p(z | θ_ref) as MadMiner
 * reweights a simulator it can evaluate; the cross section is 1 at every θ, so a luminosity is the expected
 * number of events.
 */
public final class GaussianToy {
    public static final String NAME = "gaussian-toy";
    public static final String PARAMETER = "theta";
    public static final String OBSERVABLE = "x";
    public static final double LATENT_SIGMA = 2;
    public static final double FISHER_PER_EVENT = 0.2;
    public static final double MSE_FLOOR = 0.05;

    private GaussianToy() {}

    /** {x, t(x, z | θ)} of one event simulated at θ. */
    public static double[] event(Rng rng, double theta) {
        double z = latent(rng, theta);
        return new double[] {observe(z, rng), (z - theta) / (LATENT_SIGMA * LATENT_SIGMA)};
    }

    /** z ~ N(θ, 2²). */
    public static double latent(Rng rng, double theta) {
        return theta + LATENT_SIGMA * rng.gaussian();
    }

    /** x ~ N(z, 1). */
    public static double observe(double z, Rng rng) {
        return z + rng.gaussian();
    }

    /** The joint likelihood ratio p(x, z | θ) / p(x, z | θ_ref) = p(z | θ) / p(z | θ_ref) (x depends on z alone). */
    public static double jointRatio(double z, double theta, double reference) {
        double s2 = 2 * LATENT_SIGMA * LATENT_SIGMA;
        return Math.exp(((z - reference) * (z - reference) - (z - theta) * (z - theta)) / s2);
    }

    /**
     * n events drawn at θ_ref (benchmark 0) with weights at θ_ref and at every grid value unlike it,
     * w_k = p(z | θ_k) / p(z | θ_ref) / total, total the events of all shards, so the weights of all shards add up
     * to σ(θ_k) = 1 in expectation. No morphing group: weights are known at the benchmarks only.
     */
    public static MadMinerEventFile weightedEvents(int n, long total, long seed, double reference, double[] grid) {
        double[] values = java.util.stream.DoubleStream.concat(
                        java.util.stream.DoubleStream.of(reference),
                        java.util.Arrays.stream(grid).filter(v -> v != reference))
                .toArray();
        String[] names = new String[values.length];
        double[][] benchmarkValues = new double[values.length][];
        for (int k = 0; k < values.length; k++) {
            names[k] = k == 0 ? "reference" : "grid_" + k;
            benchmarkValues[k] = new double[] {values[k]};
        }
        Rng rng = new Rng(Rng.derivedSeed(seed, 0));
        double[][] observations = new double[n][1];
        double[][] weights = new double[n][values.length];
        for (int i = 0; i < n; i++) {
            double z = latent(rng, reference);
            observations[i][0] = observe(z, rng);
            for (int k = 0; k < values.length; k++) weights[i][k] = jointRatio(z, values[k], reference) / total;
        }
        return new MadMinerEventFile(
                new String[] {PARAMETER},
                names,
                benchmarkValues,
                null,
                null,
                new String[] {OBSERVABLE},
                observations,
                weights,
                new long[n]);
    }
}
