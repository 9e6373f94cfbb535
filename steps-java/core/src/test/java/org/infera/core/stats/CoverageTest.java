package org.infera.core.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The HiggsML uncertainty challenge's score and the coverage summary against numbers worked out by hand
 * (σ68 = √(0.6827 · 0.3173 / n); for n = 1000, σ68 = 0.0147180 and the band ±2σ68 is [0.653264, 0.712136]).
 */
class CoverageTest {
    @Test
    void penaltyIsOneInsideTheBandAndAPowerOutside() {
        assertEquals(0.0147180, Coverage.nominalSigma(1000), 1e-7);
        assertEquals(1, Coverage.penalty(0.70, 1000));
        assertEquals(1, Coverage.penalty(0.6533, 1000));
        // under-coverage: 1 + ((0.60 − 0.653264)/0.0147180)⁴ = 1 + 3.61897⁴ = 172.527
        assertEquals(172.527, Coverage.penalty(0.60, 1000), 1e-3);
        // over-coverage: 1 + ((0.75 − 0.712136)/0.0147180)³ = 1 + 2.57260³ = 18.0266
        assertEquals(18.0266, Coverage.penalty(0.75, 1000), 1e-3);
        // n = 100: σ68 = 0.0465425, lower edge 0.589615; 1 + (0.089615/0.0465425)⁴ = 14.7443
        assertEquals(14.7443, Coverage.penalty(0.50, 100), 1e-3);
    }

    @Test
    void scoreIsMinusLogOfWidthPlusEpsilonTimesPenalty() {
        // −ln((0.2 + 0.001) · 172.527) = −3.54610
        assertEquals(-3.54610, Coverage.score(0.2, 0.60, 1000), 1e-4);
        // inside the band: −ln(0.501) = 0.691149
        assertEquals(0.691149, Coverage.score(0.5, 0.70, 1000), 1e-5);
        // −ln(1.001 · 14.7443) = −2.69185
        assertEquals(-2.69185, Coverage.score(1.0, 0.50, 100), 1e-4);
    }

    @Test
    void summaryCountsWidthsAndAsymmetricPulls() {
        // truth 1; intervals [0.5, 1.5] (covers, best 1.0), [1.2, 2.0] (misses, best 1.6: pull (1.6 − 1)/(1.6 − 1.2)
        // = 1.5), [0.2, 0.9] (misses, best 0.5: pull (0.5 − 1)/(0.9 − 0.5) = −1.25), [0.8, 1.1] (covers, best 1.0,
        // truth above: pull 0 over 0.1)
        Coverage.Summary s = Coverage.of(
                new double[] {0.5, 1.2, 0.2, 0.8},
                new double[] {1.5, 2.0, 0.9, 1.1},
                new double[] {1.0, 1.6, 0.5, 1.0},
                1.0);
        assertEquals(4, s.n());
        assertEquals(2, s.covered());
        assertEquals(0.5, s.coverage());
        assertEquals(Math.sqrt(0.25 / 4), s.coverageError(), 1e-15);
        assertEquals((1.0 + 0.8 + 0.7 + 0.3) / 4, s.meanWidth(), 1e-12);
        assertEquals((0.7 + 0.8) / 2, s.medianWidth(), 1e-12);
        assertEquals((0 + 1.5 - 1.25 + 0) / 4, s.pullMean(), 1e-12);
        double m = 0.0625;
        double var = ((0 - m) * (0 - m) + (1.5 - m) * (1.5 - m) + (-1.25 - m) * (-1.25 - m) + (0 - m) * (0 - m)) / 3;
        assertEquals(Math.sqrt(var), s.pullSpread(), 1e-12);
        assertEquals((0.5 - 0.6827) / Math.sqrt(0.6827 * 0.3173 / 4), s.z(), 1e-12);
    }

    @Test
    void globalChiSquareAddsTheCellsZSquared() {
        Coverage.Summary a = Coverage.of(new double[] {0}, new double[] {2}, new double[] {1}, 1); // covered: c = 1
        Coverage.Summary b = Coverage.of(new double[] {2}, new double[] {3}, new double[] {2.5}, 1); // missed: c = 0
        double za = (1 - 0.6827) / Math.sqrt(0.6827 * 0.3173), zb = -0.6827 / Math.sqrt(0.6827 * 0.3173);
        Coverage.ChiSquare chi = Coverage.chiSquare(List.of(a, b));
        assertEquals(za * za + zb * zb, chi.chi2(), 1e-12);
        // χ² with 2 degrees of freedom: p = exp(−χ²/2)
        assertEquals(Math.exp(-chi.chi2() / 2), chi.pValue(), 1e-12);
        assertFalse(a.flagged());
        assertTrue(Math.abs(zb) < 3 && !b.flagged());
    }
}
