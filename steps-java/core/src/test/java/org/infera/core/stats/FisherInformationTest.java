package org.infera.core.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.infera.core.data.TemplatesFile;
import org.junit.jupiter.api.Test;

class FisherInformationTest {

    @Test
    void singleBinCountingExperimentHasSigmaSqrtOfSPlusB() {
        TemplatesFile t = new TemplatesFile("count", new double[] {0, 1}, new String[] {"signal", "background"}, new long[] {1, 0},
                new double[][] {{50}, {1000}}, new long[][] {{1}, {1}}, List.of());
        BinnedModel m = new BinnedModel(t);
        Constraints none = new Constraints(new boolean[2], new double[2]);
        double[][] info = FisherInformation.asimov(m, m.nominal(), none);
        assertEquals(Math.sqrt(1050), FisherInformation.sigma(info, m.poi(), none.floating()), 1e-10);
        // A background known to 100 events: σ² = (s + b) + 100² for one bin.
        boolean[] floatB = {false, true};
        Constraints constrainedB = new Constraints(floatB, new double[] {0, 100});
        double[][] info2 = FisherInformation.asimov(m, m.nominal(), constrainedB);
        assertEquals(Math.sqrt(1050 + 100 * 100), FisherInformation.sigma(info2, m.poi(), floatB), 1e-8);
    }

    @Test
    void equalsTheFiniteDifferenceHessianOfTheNllAtTheAsimovPoint() {
        BinnedModel m = new BinnedModel(TestTemplates.threeBins());
        Constraints c = TestTemplates.floatAll(m, 0.4);
        ProfileLikelihood nll = ProfileLikelihood.asimov(m, c);
        double[][] info = FisherInformation.asimov(m, m.nominal(), c);
        double[] theta = m.nominal();
        double[] step = {0.1, 1, 1e-3};  // large enough that round-off in an NLL of ~1e4 stays below 1e-6 relative
        for (int a = 0; a < 3; a++) {
            for (int b = 0; b < 3; b++) {
                double fd = secondDifference(nll, theta, a, b, step[a], step[b]);
                assertEquals(fd, info[a][b], 1e-4 * Math.abs(info[a][b]) + 1e-9, "I[" + a + "][" + b + "]");
            }
        }
    }

    private static double secondDifference(ProfileLikelihood f, double[] x, int a, int b, double ha, double hb) {
        double[] pp = x.clone(), pm = x.clone(), mp = x.clone(), mm = x.clone();
        pp[a] += ha; pp[b] += hb;
        pm[a] += ha; pm[b] -= hb;
        mp[a] -= ha; mp[b] += hb;
        mm[a] -= ha; mm[b] -= hb;
        return (f.nll(pp) - f.nll(pm) - f.nll(mp) + f.nll(mm)) / (4 * ha * hb);
    }
}
