package org.infera.core.morphing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.infera.core.data.MadMinerEventFile;
import org.junit.jupiter.api.Test;

/** Morphing and the joint score against the design notes' test vector, MadMiner's fixture and finite differences. */
class MorphingTest {
    @Test
    void theDesignNotesTestVector() {
        long[][] components = {{4, 0}, {3, 1}, {2, 2}, {1, 3}, {0, 4}};
        double[][] basis = {{1, -5}, {1, -4}, {1, -3}, {1, -2}, {1, -1}};
        double[] w = Morphing.fromBasis(components, basis).benchmarkWeights(new double[] {1, 1});
        assertArrayEquals(new double[] {5, -24, 45, -40, 15}, w, 1e-9);
        // at a basis point, the weights select that benchmark
        assertArrayEquals(
                new double[] {0, 0, 1, 0, 0},
                Morphing.fromBasis(components, basis).benchmarkWeights(basis[2]),
                1e-12);
    }

    @Test
    void theMatrixFromTheFixturesBenchmarksIsTheOneMadMinerStored() {
        MadMinerEventFile f = MadMinerEventFile.read(org.infera.core.data.MadMinerEventFileTest.fixture());
        double[][] ours =
                Morphing.fromBasis(f.morphingComponents(), f.benchmarkValues()).matrix();
        double scale = 0;
        for (double[] row : f.morphingMatrix()) for (double v : row) scale = Math.max(scale, Math.abs(v));
        double worst = 0;
        for (int c = 0; c < ours.length; c++) {
            for (int b = 0; b < ours[c].length; b++)
                worst = Math.max(worst, Math.abs(ours[c][b] - f.morphingMatrix()[c][b]));
        }
        System.out.printf(
                "morphing matrix of the fixture: largest difference from MadMiner's %.1e (largest entry %.3g)%n",
                worst, scale);
        assertEquals(0, worst, 1e-12 * Math.max(1, scale));
    }

    @Test
    void weightGradientsMatchFiniteDifferences() {
        MadMinerEventFile f = MadMinerEventFile.read(org.infera.core.data.MadMinerEventFileTest.fixture());
        Morphing m = new Morphing(f.morphingComponents(), f.morphingMatrix());
        double[] theta = {0.3, -0.7};
        double[][] g = m.benchmarkWeightGradients(theta);
        double h = 1e-6;
        for (int p = 0; p < 2; p++) {
            double[] tp = theta.clone(), tm = theta.clone();
            tp[p] += h;
            tm[p] -= h;
            double[] wp = m.benchmarkWeights(tp), wm = m.benchmarkWeights(tm);
            for (int b = 0; b < m.benchmarks(); b++)
                assertEquals((wp[b] - wm[b]) / (2 * h), g[p][b], 1e-7, "dw_" + b + "/dθ_" + p);
        }
    }

    @Test
    void theJointScoreAveragesToZeroOverTheSample() {
        // Σ_events (w/σ) t = Σ ∇w/σ − ∇σ/σ Σ w/σ = 0
        MadMinerEventFile f = MadMinerEventFile.read(org.infera.core.data.MadMinerEventFileTest.fixture());
        Morphing m = new Morphing(f.morphingComponents(), f.morphingMatrix());
        double[] theta = {0, 0};
        double[] w = m.eventWeights(f.weights(), theta);
        double sigma = 0;
        for (double v : w) sigma += v;
        double[][] t = JointScore.at(m, f.weights(), theta);
        for (int p = 0; p < 2; p++) {
            double sum = 0, scale = 0;
            for (int e = 0; e < w.length; e++) {
                sum += w[e] / sigma * t[e][p];
                scale += Math.abs(w[e] / sigma * t[e][p]);
            }
            assertEquals(0, sum, 1e-10 * Math.max(1, scale), "Σ p(x) t_" + p);
        }
        // the joint ratio at equal parameter points is one
        double[] r = JointScore.ratio(m, f.weights(), theta, theta);
        for (double v : r) assertEquals(1, v, 1e-12);
    }

    @Test
    void theEftToyMorphsExactlyFromItsSixBasisBenchmarks() {
        Morphing m = Morphing.fromBasis(
                org.infera.core.physics.EftToy.COMPONENTS, org.infera.core.physics.EftToy.BENCHMARK_VALUES);
        double[][] thetas = {{0.3, -0.7}, {2.5, 1.5}, {-1.2, 0.4}};
        for (double z : new double[] {-0.9, -0.2, 0.35, 0.8}) {
            double[][] basis = new double[1][6];
            for (int b = 0; b < 6; b++)
                basis[0][b] = org.infera.core.physics.EftToy.squaredAmplitude(
                        z, org.infera.core.physics.EftToy.BENCHMARK_VALUES[b]);
            for (double[] theta : thetas) {
                assertEquals(
                        org.infera.core.physics.EftToy.squaredAmplitude(z, theta),
                        m.eventWeights(basis, theta)[0],
                        1e-12,
                        "|M|² at z = " + z);
            }
        }
    }

    @Test
    void theJointScoreIsTheLogWeightGradientLessTheLogCrossSectionGradient() {
        Morphing m = Morphing.fromBasis(
                org.infera.core.physics.EftToy.COMPONENTS, org.infera.core.physics.EftToy.BENCHMARK_VALUES);
        double[] zs = {-0.9, -0.2, 0.35, 0.8};
        double[][] weights = new double[zs.length][6];
        for (int e = 0; e < zs.length; e++) {
            for (int b = 0; b < 6; b++)
                weights[e][b] = org.infera.core.physics.EftToy.squaredAmplitude(
                        zs[e], org.infera.core.physics.EftToy.BENCHMARK_VALUES[b]);
        }
        double[] theta = {0.4, -0.3};
        double[][] t = JointScore.at(m, weights, theta);
        // ∂ ln|M|²/∂θ = 2 (z, z² − 1/3) / M; σ of this four-event sample is Σ |M|²
        double sigma = 0;
        double[] dSigma = new double[2];
        for (double z : zs) {
            double amp = org.infera.core.physics.EftToy.amplitude(z, theta);
            sigma += amp * amp;
            dSigma[0] += 2 * amp * z;
            dSigma[1] += 2 * amp * (z * z - 1.0 / 3);
        }
        for (int e = 0; e < zs.length; e++) {
            double amp = org.infera.core.physics.EftToy.amplitude(zs[e], theta);
            assertEquals(2 * zs[e] / amp - dSigma[0] / sigma, t[e][0], 1e-10);
            assertEquals(2 * (zs[e] * zs[e] - 1.0 / 3) / amp - dSigma[1] / sigma, t[e][1], 1e-10);
        }
    }
}
