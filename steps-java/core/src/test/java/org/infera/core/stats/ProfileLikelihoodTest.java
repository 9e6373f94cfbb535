package org.infera.core.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.infera.core.data.TemplatesFile;
import org.junit.jupiter.api.Test;

class ProfileLikelihoodTest {

    @Test
    void gradientMatchesFiniteDifferences() {
        BinnedModel m = new BinnedModel(TestTemplates.threeBins());
        ProfileLikelihood nll = ProfileLikelihood.asimov(m, TestTemplates.floatAll(m, 0.4));
        double[] theta = {41, 1075, -0.31};
        double[] g = nll.gradient(theta);
        for (int a = 0; a < 3; a++) {
            double h = 1e-6 * Math.max(1, Math.abs(theta[a]));
            double[] p = theta.clone(), q = theta.clone();
            p[a] += h;
            q[a] -= h;
            assertEquals((nll.nll(p) - nll.nll(q)) / (2 * h), g[a], 1e-5 * Math.max(1, Math.abs(g[a])));
        }
    }

    @Test
    void singleBinIntervalSolvesThePoissonDeltaNllExactly() {
        // One bin, s + b expected, n = 1050 observed: ΔNLL(s) = (s − 50) − n ln((s + 1000)/n) in closed form.
        TemplatesFile t = new TemplatesFile("count", new double[] {0, 1}, new String[] {"signal", "background"}, new long[] {1, 0},
                new double[][] {{50}, {1000}}, new long[][] {{1}, {1}}, List.of());
        BinnedModel m = new BinnedModel(t);
        ProfileLikelihood nll = ProfileLikelihood.asimov(m, new Constraints(new boolean[2], new double[2]));
        ProfileLikelihood.Interval in = nll.interval(m.poi(), 0.5, 30);
        for (double s : new double[] {in.lower(), in.upper()}) {
            assertEquals(0.5, (s - 50) - 1050 * Math.log((s + 1000) / 1050), 1e-7);
        }
        assertEquals(50, in.best(), 1e-6);
        // The Poisson likelihood is skewed: the upper side is wider than the lower.
        assertTrue(in.upper() - 50 > 50 - in.lower());
    }

    @Test
    void profiledWidthAgreesWithFisherForLargeYieldsAndProfilingWidensIt() {
        BinnedModel m = new BinnedModel(TestTemplates.threeBins());
        Constraints c = TestTemplates.floatAll(m, 0.4);
        ProfileLikelihood nll = ProfileLikelihood.asimov(m, c);
        double sigma = FisherInformation.sigma(FisherInformation.asimov(m, m.nominal(), c), m.poi(), c.floating());
        ProfileLikelihood.Interval in = nll.interval(m.poi(), 0.5, sigma);
        assertEquals(sigma, in.halfWidth(), 0.02 * sigma);
        Constraints fixed = new Constraints(new boolean[3], new double[3]);
        double sigmaFixed = FisherInformation.sigma(FisherInformation.asimov(m, m.nominal(), fixed), m.poi(), fixed.floating());
        assertTrue(sigma > sigmaFixed, "floating nuisances must widen the interval");
    }

    @Test
    void profileMinimisesOverTheFloatingNuisances() {
        BinnedModel m = new BinnedModel(TestTemplates.threeBins());
        ProfileLikelihood nll = ProfileLikelihood.asimov(m, TestTemplates.floatAll(m, 0.4));
        ProfileLikelihood.Profile p = nll.profile(m.poi(), 70, m.nominal());
        double[] g = nll.gradient(p.theta());
        double[][] h = nll.hessian(p.theta());
        assertEquals(70, p.theta()[m.poi()], 0);
        // Distance to the minimum along each nuisance, in units of its uncertainty: g / sqrt(H).
        assertEquals(0, g[1] / Math.sqrt(h[1][1]), 1e-6);
        assertEquals(0, g[2] / Math.sqrt(h[2][2]), 1e-6);
    }
}
