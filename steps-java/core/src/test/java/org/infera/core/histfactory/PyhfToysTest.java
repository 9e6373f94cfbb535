package org.infera.core.histfactory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.infera.core.histfactory.infer.TestStatistic;
import org.infera.core.histfactory.infer.ToyCalculator;
import org.infera.core.histfactory.infer.ToyHypotest;
import org.infera.core.histfactory.model.Model;
import org.infera.core.histfactory.model.ModelBuilder;
import org.infera.core.histfactory.spec.Workspace;
import org.junit.jupiter.api.Test;

/**
 * Toy-based CLs of pyhf's README example at μ = 1 (q̃) against pyhf's own toy calculator, run by hand:
 * pyhf 0.7.6.dev398+gb3dc4bb2 (numpy 1.24.2 backend), {@code np.random.seed(1)},
 * {@code pyhf.infer.hypotest(1.0, data, model, test_stat='qtilde', calctype='toybased', ntoys=40000,
 * return_tail_probs=True, return_expected_set=True)}, 3558 s on this (shared) machine. The two calculators draw
 * different random numbers, so they agree within their Monte Carlo errors: each number within 4 combined standard
 * errors (pyhf's from the binomial of its N, ours as our calculator reports it; for the expected band, ours scaled
 * to pyhf's N).
 */
class PyhfToysTest {
    static final int PYHF_TOYS = 40_000;
    static final double PYHF_CLS = 0.05622846982998111, PYHF_CLSB = 0.0253, PYHF_CLB = 0.44995;
    static final double[] PYHF_CLS_EXP = {
        0.006306240161511469, 0.016771873459823405, 0.06607665183332292, 0.22849211710847123, 1.0
    };

    @Test
    void toyClsOfTheReadmeExampleAgreesWithPyhfsToyCalculator() throws Exception {
        Workspace w = PyhfReadmeTest.workspace();
        Model m = ModelBuilder.build(w, null, "pyhf-readme.json");
        int n = 20_000;
        ToyHypotest h = ToyHypotest.of(
                new ToyCalculator(m, ModelBuilder.observed(w, m), TestStatistic.QTILDE)
                        .toys(new double[] {1.0}, 1, 0, n),
                0);
        double sbPyhf = Math.sqrt(PYHF_CLSB * (1 - PYHF_CLSB) / PYHF_TOYS);
        double bPyhf = Math.sqrt(PYHF_CLB * (1 - PYHF_CLB) / PYHF_TOYS);
        double clsPyhf = Math.hypot(sbPyhf / PYHF_CLB, PYHF_CLSB * bPyhf / (PYHF_CLB * PYHF_CLB));
        assertEquals(PYHF_CLSB, h.clsb(), 4 * Math.hypot(sbPyhf, h.clsbError()), "CL_s+b");
        assertEquals(PYHF_CLB, h.clb(), 4 * Math.hypot(bPyhf, h.clbError()), "CL_b");
        assertEquals(PYHF_CLS, h.cls(), 4 * Math.hypot(clsPyhf, h.clsError()), "CLs");
        double scale = Math.sqrt((double) n / PYHF_TOYS);
        for (int k = 0; k < 5; k++) {
            double error = h.expectedError()[k] * Math.sqrt(1 + scale * scale);
            assertEquals(PYHF_CLS_EXP[k], h.expected()[k], 4 * error + 1e-12, "expected band " + k);
        }
    }
}
