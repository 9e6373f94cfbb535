package org.infera.core.physics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.infera.core.cli.InputException;
import org.infera.core.data.RatioSamplesFile;
import org.infera.core.data.Split;
import org.infera.core.random.Rng;
import org.junit.jupiter.api.Test;

/**
 * The Gaussian toy's ratio samples against what the model implies, computed here from the densities: events at θ0
 * have x ~ N(θ0, 5); the joint ratio of each event equals N(z; θ0, 4)/N(z; θ1, 4) with z recovered from its joint
 * score at θ1 (z = θ1 + 4 t1); E_θ1[r(x, z)] = 1 and E_θ0[1/r(x, z)] = 1; the joint score at θ0 has mean 0 at θ0.
 * And the prior: flat draws stay in their range with the uniform's mean and variance, Gaussian draws have theirs.
 */
class GaussianToyRatiosTest {
    static double gaussian(double v, double mean, double variance) {
        return Math.exp(-(v - mean) * (v - mean) / (2 * variance)) / Math.sqrt(2 * Math.PI * variance);
    }

    @Test
    void samplesFollowTheModel() {
        double theta1 = 0.3;
        double[] theta0 = {-1, 0.5};
        RatioSamplesFile file = GaussianToyRatios.simulate(theta0, theta1, new int[] {80_000, 100, 100}, 7);
        RatioSamplesFile.Ratios train = file.splits().get(Split.TRAIN);
        double meanR = 0, meanInverse = 0, meanT0 = 0, x0 = 0, x0Squares = 0;
        int at1 = 0, at0 = 0;
        for (int i = 0; i < train.size(); i++) {
            if (train.theta0()[i][0] != -1) continue; // the first pair
            double z = theta1 + 4 * train.tXz1()[i][0];
            double r = gaussian(z, -1, 4) / gaussian(z, theta1, 4);
            assertEquals(r, train.rXz()[i], 1e-12 * r);
            assertEquals((z + 1) / 4, train.tXz0()[i][0], 1e-12);
            if (train.y()[i] == 1) {
                meanR += r;
                at1++;
            } else {
                meanInverse += 1 / r;
                meanT0 += train.tXz0()[i][0];
                x0 += train.x()[i][0];
                x0Squares += train.x()[i][0] * train.x()[i][0];
                at0++;
            }
        }
        assertEquals(20_000, at0);
        assertEquals(20_000, at1);
        // standard errors: r at |θ0 − θ1| = 1.3 has sd ≈ 0.5, so 4 SE ≈ 0.015; x at θ0 has sd √5
        assertEquals(1, meanR / at1, 0.02);
        assertEquals(1, meanInverse / at0, 0.02);
        assertEquals(0, meanT0 / at0, 4 * 0.5 / Math.sqrt(at0));
        double mean = x0 / at0;
        assertEquals(-1, mean, 4 * Math.sqrt(5.0 / at0));
        assertEquals(5, x0Squares / at0 - mean * mean, 0.2);
    }

    @Test
    void priorDrawsFollowTheirDistributions() {
        double[][] drawn = ParameterPrior.parse("--theta0-prior", "flat:-1:3, gaussian:2:0.5", 2)
                .draw(new Rng(3), 40_000);
        double[] sum = new double[2], squares = new double[2];
        for (double[] p : drawn) {
            assertTrue(p[0] >= -1 && p[0] < 3);
            for (int a = 0; a < 2; a++) {
                sum[a] += p[a];
                squares[a] += p[a] * p[a];
            }
        }
        int n = drawn.length;
        assertEquals(1, sum[0] / n, 0.02); // uniform on [−1, 3]: mean 1, variance 16/12
        assertEquals(16.0 / 12, squares[0] / n - Math.pow(sum[0] / n, 2), 0.05);
        assertEquals(2, sum[1] / n, 0.01);
        assertEquals(0.25, squares[1] / n - Math.pow(sum[1] / n, 2), 0.01);
    }

    @Test
    void badPriorsAreRejectedNamingTheOption() {
        for (String bad :
                new String[] {"flat:1:1", "flat:0:1,flat:0:1", "gaussian:0:0", "beta:0:1", "flat:0", "flat:x:1"}) {
            InputException e =
                    assertThrows(InputException.class, () -> ParameterPrior.parse("--theta0-prior", bad, 1), bad);
            assertTrue(e.getMessage().contains("--theta0-prior"), e.getMessage());
        }
    }
}
