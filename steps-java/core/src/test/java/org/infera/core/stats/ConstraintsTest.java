package org.infera.core.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.infera.core.histfactory.infer.FisherInformation;
import org.junit.jupiter.api.Test;

class ConstraintsTest {

    @Test
    void singleBinCountingExperimentHasSigmaSqrtOfSPlusB() {
        // ν = s + b: I = [[1, 1], [1, 1]] / ν
        double nu = 1050;
        double[][] info = {{1 / nu, 1 / nu}, {1 / nu, 1 / nu}};
        Constraints none = new Constraints(new boolean[2], new double[2]);
        assertEquals(Math.sqrt(1050), FisherInformation.sigma(none.addedTo(info), 0, none.fixedFor(0)), 1e-10);
        // A background known to 100 events: σ² = (s + b) + 100² for one bin.
        Constraints constrainedB = new Constraints(new boolean[] {false, true}, new double[] {0, 100});
        assertEquals(
                Math.sqrt(1050 + 100 * 100),
                FisherInformation.sigma(constrainedB.addedTo(info), 0, constrainedB.fixedFor(0)),
                1e-8);
    }
}
