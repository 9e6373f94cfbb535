package org.infera.core.random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

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
}
