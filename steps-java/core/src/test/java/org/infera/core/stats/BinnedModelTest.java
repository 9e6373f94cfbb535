package org.infera.core.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.infera.core.data.TemplatesFile;
import org.junit.jupiter.api.Test;

class BinnedModelTest {
    private final BinnedModel model = new BinnedModel(TestTemplates.threeBins());

    @Test
    void nominalExpectationIsTheTemplates() {
        assertArrayEquals(new double[] {605, 315, 130}, model.expected(model.nominal()), 1e-9);
        assertEquals(50, model.nominal()[model.poi()], 1e-12);
        assertEquals(1000, model.nominal()[model.index("background")], 1e-12);
    }

    @Test
    void upTemplateIsReproducedAtTheUpValue() {
        double[] theta = model.nominal();
        theta[model.index("r")] = 0.2;
        // Signal unchanged, background equal to its (normalised) up template times the yield.
        assertArrayEquals(new double[] {5 + 560, 15 + 320, 30 + 120}, model.expected(theta), 1e-9);
    }

    @Test
    void jacobianAndSecondDerivativesMatchFiniteDifferences() {
        double[] theta = {47, 1030, 0.13};
        double[][] d = model.jacobian(theta);
        for (int a = 0; a < 3; a++) {
            double h = 1e-6 * Math.max(1, Math.abs(theta[a]));
            double[] plus = theta.clone(), minus = theta.clone();
            plus[a] += h;
            minus[a] -= h;
            double[] np = model.expected(plus), nm = model.expected(minus);
            double[][] dp = model.jacobian(plus), dm = model.jacobian(minus);
            for (int i = 0; i < 3; i++) {
                assertEquals((np[i] - nm[i]) / (2 * h), d[a][i], 1e-5 * Math.max(1, Math.abs(d[a][i])));
                double[][] second = model.hessianOfBin(theta, i);
                for (int b = 0; b < 3; b++) {
                    assertEquals((dp[b][i] - dm[b][i]) / (2 * h), second[a][b], 1e-4 * Math.max(1, Math.abs(second[a][b])),
                            "d2 nu_" + i + " / d" + a + " d" + b);
                }
            }
        }
    }

    @Test
    void binsWithoutExpectedEventsAreLeftOut() {
        // Bin 1 is empty at nominal values (a soft bin no event wins); its shifted template is a fluctuation.
        TemplatesFile t = new TemplatesFile("t", new double[] {0, 1, 2, 3}, new String[] {"signal", "background"}, new long[] {1, 0},
                new double[][] {{10, 0, 40}, {600, 0, 400}}, new long[][] {{1, 0, 1}, {1, 0, 1}},
                java.util.List.of(new TemplatesFile.NuisanceTemplate("r", 1, 0, 0.2, -0.2, new double[] {590, 1, 409}, new double[] {610, 0, 390})));
        BinnedModel m = new BinnedModel(t);
        assertEquals(2, m.bins());
        assertArrayEquals(new double[] {610, 440}, m.expected(m.nominal()), 1e-9);
        Constraints c = new Constraints(new boolean[] {false, false, true}, new double[3]);
        double sigma = FisherInformation.sigma(FisherInformation.asimov(m, m.nominal(), c), m.poi(), c.floating());
        assertTrue(Double.isFinite(sigma) && sigma > 0, "sigma " + sigma);
    }
}
