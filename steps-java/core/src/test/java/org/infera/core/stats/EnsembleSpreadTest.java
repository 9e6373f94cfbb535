package org.infera.core.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class EnsembleSpreadTest {
    /** 1, 2, 3, 4: mean 5/2, squared deviations 9/4 + 1/4 + 1/4 + 9/4 = 5, sample variance 5/3. */
    @Test
    void sampleStandardDeviationOfKnownValues() {
        assertEquals(2.5, EnsembleSpread.mean(new double[] {1, 2, 3, 4}), 0);
        assertEquals(Math.sqrt(5.0 / 3), EnsembleSpread.std(new double[] {4, 2, 1, 3}), 1e-15);
    }

    /** Two members a, b: the sample standard deviation is |a − b| / √2, whatever the offset. */
    @Test
    void twoMembersSpreadByTheirDifference() {
        assertEquals(0.3 / Math.sqrt(2), EnsembleSpread.std(new double[] {1e6 + 0.1, 1e6 + 0.4}), 1e-9);
        assertEquals(0, EnsembleSpread.std(new double[] {7}), 0);
        assertEquals(0, EnsembleSpread.std(new double[] {7, 7, 7}), 0);
    }

    /** Element by element: each entry of the matrices on its own. */
    @Test
    void elementwiseOverMatrices() {
        double[][][] members = {{{1, 10}, {0, 5}}, {{3, 10}, {0, 7}}, {{5, 10}, {0, 9}}};
        double[][] mean = EnsembleSpread.elementwise(members, false), std = EnsembleSpread.elementwise(members, true);
        assertEquals(3, mean[0][0], 0);
        assertEquals(10, mean[0][1], 0);
        assertEquals(7, mean[1][1], 0);
        assertEquals(2, std[0][0], 1e-15); // 1, 3, 5: sample variance (4 + 0 + 4) / 2
        assertEquals(0, std[0][1], 0);
        assertEquals(2, std[1][1], 1e-15);
    }
}
