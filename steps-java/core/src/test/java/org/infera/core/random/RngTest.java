package org.infera.core.random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RngTest {
    @Test
    void gaussianAndExponentialHaveTheRightMoments() {
        Rng rng = new Rng(1);
        int n = 400_000;
        double s = 0, s2 = 0, e = 0, e2 = 0;
        for (int i = 0; i < n; i++) {
            double g = rng.gaussian();
            s += g;
            s2 += g * g;
            double x = rng.exponential(3);
            e += x;
            e2 += x * x;
        }
        // Tolerances: about 5 standard errors of each estimate.
        assertEquals(0, s / n, 5 / Math.sqrt(n));
        assertEquals(1, s2 / n, 5 * Math.sqrt(2.0 / n));
        assertEquals(1.0 / 3, e / n, 5 * (1.0 / 3) / Math.sqrt(n));
        assertEquals(2.0 / 9, e2 / n, 5 * Math.sqrt(20.0 / 81 / n) * 2);
    }

    @Test
    void sameSeedSameStreamAndDerivedSeedsDiffer() {
        Rng a = new Rng(42), b = new Rng(42);
        for (int i = 0; i < 100; i++) assertEquals(a.gaussian(), b.gaussian());
        assertNotEquals(Rng.derivedSeed(42, 0), Rng.derivedSeed(42, 1));
        assertNotEquals(Rng.derivedSeed(42, 1), Rng.derivedSeed(43, 0));
    }

    /**
     * Poisson draws against the exact probability mass function, for means on both sides of the switch
     * from inversion to rejection at 10: Pearson's χ² over the cells holding most of the mass, with the
     * tails pooled, stays below the 99.9% quantile of its χ² distribution.
     */
    @Test
    void poissonDrawsFollowThePoissonDistribution() {
        for (double mean : new double[] {0.3, 3.7, 9.99, 10, 27.5, 400}) {
            Rng rng = new Rng(7);
            int n = 200_000;
            int lo = (int) Math.max(0, Math.floor(mean - 4 * Math.sqrt(mean)));
            int hi = (int) Math.ceil(mean + 4 * Math.sqrt(mean)) + 2;
            long[] counts = new long[hi - lo + 3]; // [0]: below lo, [last]: above hi
            double sum = 0, sum2 = 0;
            for (int i = 0; i < n; i++) {
                long k = rng.poisson(mean);
                sum += k;
                sum2 += (double) k * k;
                counts[k < lo ? 0 : k > hi ? counts.length - 1 : (int) (k - lo + 1)]++;
            }
            double[] pmf = new double[counts.length];
            double inside = 0;
            for (int k = lo; k <= hi; k++) {
                pmf[k - lo + 1] = Math.exp(-mean + k * Math.log(mean) - logFactorial(k));
                inside += pmf[k - lo + 1];
            }
            double below = 0;
            for (int k = 0; k < lo; k++) below += Math.exp(-mean + k * Math.log(mean) - logFactorial(k));
            pmf[0] = below;
            pmf[counts.length - 1] = Math.max(0, 1 - inside - below);
            double chi2 = 0;
            int cells = 0;
            long pooled = 0;
            double pooledExpected = 0;
            for (int c = 0; c < counts.length; c++) {
                double e = n * pmf[c];
                if (e < 5) { // pool sparse cells so that Pearson's approximation holds
                    pooled += counts[c];
                    pooledExpected += e;
                    continue;
                }
                chi2 += (counts[c] - e) * (counts[c] - e) / e;
                cells++;
            }
            if (pooledExpected > 0) {
                chi2 += (pooled - pooledExpected) * (pooled - pooledExpected) / pooledExpected;
                cells++;
            }
            int dof = cells - 1;
            // 99.9% quantile of χ²(dof) by the Wilson–Hilferty approximation
            double z = 3.0902, h = 2.0 / (9 * dof);
            double quantile = dof * Math.pow(1 - h + z * Math.sqrt(h), 3);
            assertTrue(chi2 < quantile, "mean " + mean + ": χ² " + chi2 + " over " + dof + " dof");
            double m = sum / n, var = sum2 / n - m * m;
            assertEquals(mean, m, 5 * Math.sqrt(mean / n), "mean of Poisson(" + mean + ")");
            assertEquals(mean, var, 5 * mean * Math.sqrt(2.0 / n) + 5 * Math.sqrt(mean / n), "variance");
        }
        assertEquals(0, new Rng(1).poisson(0));
    }

    private static double logFactorial(int k) {
        double s = 0;
        for (int i = 2; i <= k; i++) s += Math.log(i);
        return s;
    }
}
