package org.infera.core.histfactory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.infera.core.histfactory.model.PoissonTerm;
import org.junit.jupiter.api.Test;

class PoissonTermTest {
    private static final double INF = Double.POSITIVE_INFINITY;

    @Test
    void nllIsNuMinusNLogNuAndInfiniteWhereNuCannotGiveN() {
        assertEquals(10 - 7 * Math.log(10), PoissonTerm.nll(10, 7), 0);
        assertEquals(3, PoissonTerm.nll(3, 0), 0);
        assertEquals(0, PoissonTerm.nll(0, 0), 0);
        assertEquals(INF, PoissonTerm.nll(0, 2));
        assertEquals(INF, PoissonTerm.nll(-1, 0));
    }

    @Test
    void overSaturatedIsTheNllLessTheSaturatedModelsWithoutCancellation() {
        for (double[] c : new double[][] {{10, 7}, {7, 10}, {3.5, 0.25}, {1e9, 1e9 + 3e4}}) {
            double nu = c[0], n = c[1];
            double difference = PoissonTerm.nll(nu, n) - PoissonTerm.nll(n, n);
            assertEquals(difference, PoissonTerm.overSaturated(nu, n), 1e-9 * Math.max(1, Math.abs(n)));
            assertEquals(nu - n + n * Math.log(n / nu), PoissonTerm.overSaturated(nu, n), 0, "the one-log form");
        }
        assertEquals(0, PoissonTerm.overSaturated(5, 5), 0);
        assertEquals(4, PoissonTerm.overSaturated(4, 0), 0);
        assertEquals(0, PoissonTerm.overSaturated(0, 0), 0, "an empty bin expecting nothing");
        assertEquals(0, PoissonTerm.overSaturated(-1, -2), 0, "negative weights on both sides: no information");
        assertEquals(INF, PoissonTerm.overSaturated(0, 3));
    }
}
