package org.infera.core.physics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import org.hipparchus.distribution.continuous.NormalDistribution;
import org.infera.core.data.MadMinerEventFile;
import org.infera.core.morphing.BenchmarkCoefficients;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Gaussian toy's weighted events: drawn at θ_ref with weights at a grid from the joint likelihood ratio. Checked
 * against normal densities (hipparchus) and against what reweighting must give: x ~ N(θ_k, 5) under the weights at
 * θ_k, and σ(θ_k) = 1.
 */
class GaussianToyWeightsTest {
    @TempDir
    Path dir;

    @Test
    void theJointRatioIsTheRatioOfTheLatentDensities() {
        for (double z : new double[] {-3.1, 0, 0.7, 5}) {
            double expected = new NormalDistribution(0.8, 2).density(z) / new NormalDistribution(-0.4, 2).density(z);
            assertEquals(expected, GaussianToy.jointRatio(z, 0.8, -0.4), 1e-12 * expected);
        }
    }

    @Test
    void reweightedEventsFollowTheModelAtEveryBenchmark() {
        int n = 200_000;
        double reference = 0.5;
        double[] grid = {-1, 0, 0.5, 1.5};
        MadMinerEventFile f = GaussianToy.weightedEvents(n, n, 3, reference, grid);
        // benchmarks: the reference first, then the grid values unlike it
        assertArrayEquals(new double[][] {{0.5}, {-1}, {0}, {1.5}}, f.benchmarkValues());
        assertFalse(f.hasMorphing());
        for (int k = 0; k < f.benchmarks().length; k++) {
            double theta = f.benchmarkValues()[k][0];
            double sum = 0, mean = 0, second = 0, sum2 = 0;
            for (int e = 0; e < n; e++) {
                double w = f.weights()[e][k], x = f.observations()[e][0];
                sum += w;
                sum2 += w * w;
                mean += w * x;
                second += w * x * x;
            }
            mean /= sum;
            double variance = second / sum - mean * mean, effective = sum * sum / sum2;
            double tolerance = 5 * Math.sqrt(variance / effective); // 5σ of the weighted mean
            assertEquals(1, sum, 5 / Math.sqrt(effective), "σ(θ) = 1 at θ = " + theta);
            assertEquals(theta, mean, tolerance, "E[x] = θ under the weights at θ = " + theta);
            assertEquals(5, variance, 0.1, "Var x = 2² + 1 at θ = " + theta);
        }
        // at the reference every weight is 1/total: the events are unweighted there
        for (double[] w : f.weights()) assertEquals(1.0 / n, w[0], 1e-18);
    }

    @Test
    void withoutMorphingWeightsAreKnownAtTheBenchmarksOnly() throws Exception {
        Path p = dir.resolve("g.h5");
        GaussianToy.weightedEvents(10, 10, 1, 0, new double[] {-1, 1}).write(p);
        MadMinerEventFile f = MadMinerEventFile.read(p);
        BenchmarkCoefficients c = BenchmarkCoefficients.of(f, p);
        assertArrayEquals(new double[] {0, 0, 1}, c.benchmarkWeights(new double[] {1 + 1e-12}));
        double[] w = c.eventWeights(f.weights(), new double[] {-1});
        for (int e = 0; e < w.length; e++) assertEquals(f.weights()[e][1], w[e]);
        org.infera.core.cli.InputException error = org.junit.jupiter.api.Assertions.assertThrows(
                org.infera.core.cli.InputException.class, () -> c.benchmarkWeights(new double[] {0.5}));
        org.junit.jupiter.api.Assertions.assertTrue(error.getMessage().contains("benchmarks/values"));
    }
}
