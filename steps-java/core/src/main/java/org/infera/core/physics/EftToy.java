package org.infera.core.physics;

import org.infera.core.cli.Progress;
import org.infera.core.data.MadMinerEventFile;
import org.infera.core.morphing.Morphing;
import org.infera.core.random.Rng;

/**
 * An EFT-like process with quadratic morphing in two parameters θ = (θ1, θ2): a latent z uniform in
 * [−1, 1] (the parton-level kinematics), the amplitude M(z; θ) = M_SM + θ1 M1 + θ2 M2 with
 * M_SM = 1, M1 = z, M2 = z² − 1/3, so dσ/dz = |M|² is a quadratic polynomial in θ and six basis
 * benchmarks determine it exactly. The observables are smeared by the detector:
 * x1 = z + N(0, 0.1²), x2 = z² + N(0, 0.1²).
 *
 * <p>Closed forms to test against: σ(θ) = 2 + (2/3) θ1² + (8/45) θ2² (in the toy's units), the
 * joint score at θ = 0 is t = 2 (z, z² − 1/3), and the Fisher information per event there is
 * diag(4/3, 16/45).
 */
public final class EftToy {
    public static final String NAME = "eft-toy";
    public static final String[] PARAMETERS = {"theta1", "theta2"};
    public static final String[] OBSERVABLES = {"x1", "x2"};
    /** Quadratic morphing in two parameters: the monomials 1, θ1, θ2, θ1², θ1θ2, θ2². */
    public static final long[][] COMPONENTS = {{0, 0}, {1, 0}, {0, 1}, {2, 0}, {1, 1}, {0, 2}};
    /** The six basis benchmarks; the first, the Standard Model, is the one events are drawn at. */
    public static final String[] BENCHMARKS = {
        "sm", "theta1_plus", "theta2_plus", "theta1_minus", "theta2_minus", "mixed"
    };

    public static final double[][] BENCHMARK_VALUES = {{0, 0}, {1, 0}, {0, 1}, {-1, 0}, {0, -1}, {1, 1}};
    public static final double SMEARING = 0.1;

    private EftToy() {}

    public static double amplitude(double z, double[] theta) {
        return 1 + theta[0] * z + theta[1] * (z * z - 1.0 / 3);
    }

    /** dσ/dz at θ. */
    public static double squaredAmplitude(double z, double[] theta) {
        double m = amplitude(z, theta);
        return m * m;
    }

    /** σ(θ) = ∫_{−1}^{1} |M|² dz. */
    public static double crossSection(double[] theta) {
        return 2 + 2.0 / 3 * theta[0] * theta[0] + 8.0 / 45 * theta[1] * theta[1];
    }

    /** A latent z drawn at the Standard Model (|M|² = 1: uniform). */
    public static double latent(Rng rng) {
        return 2 * rng.uniform() - 1;
    }

    public static double[] observe(double z, Rng rng) {
        return new double[] {z + SMEARING * rng.gaussian(), z * z + SMEARING * rng.gaussian()};
    }

    /**
     * n events drawn at the Standard Model, with weights at the six basis benchmarks
     * w_b = (σ_SM / total) |M(z; θ_b)|² / |M(z; 0)|², where total counts the events of all shards, so the
     * weights of all shards add up to the cross sections; the morphing matrix from the basis.
     */
    public static MadMinerEventFile events(int n, long total, long seed, Progress progress) {
        Rng latentRng = new Rng(Rng.derivedSeed(seed, 0));
        Rng detectorRng = new Rng(Rng.derivedSeed(seed, 1));
        double[][] observations = new double[n][];
        double[][] weights = new double[n][BENCHMARK_VALUES.length];
        double perEvent = crossSection(new double[] {0, 0}) / total;
        for (int i = 0; i < n; i++) {
            double z = latent(latentRng);
            observations[i] = observe(z, detectorRng);
            for (int b = 0; b < weights[i].length; b++)
                weights[i][b] = perEvent * squaredAmplitude(z, BENCHMARK_VALUES[b]);
            if ((i & 0xffff) == 0xffff) progress.step(0x10000);
        }
        Morphing morphing = Morphing.fromBasis(COMPONENTS, BENCHMARK_VALUES);
        return new MadMinerEventFile(
                PARAMETERS.clone(),
                BENCHMARKS.clone(),
                BENCHMARK_VALUES,
                COMPONENTS,
                morphing.matrix(),
                OBSERVABLES.clone(),
                observations,
                weights,
                new long[n]);
    }
}
