package org.infera.core.histfactory;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hipparchus.special.Gamma;
import org.infera.core.histfactory.infer.TestStatistic;
import org.infera.core.histfactory.infer.ToyCalculator;
import org.infera.core.histfactory.infer.ToyHypotest;
import org.infera.core.histfactory.infer.ToyStatistics;
import org.infera.core.histfactory.model.Model;
import org.infera.core.histfactory.model.ModelBuilder;
import org.infera.core.histfactory.spec.Workspace;
import org.infera.core.histfactory.spec.WorkspaceReader;
import org.junit.jupiter.api.Test;

/**
 * Toys of a one-bin counting experiment without nuisances (s = 10, b = 20, n = 24 observed) against the exact
 * distribution of its test statistic, summed here over the Poisson pmf: μ̂ = (n − b)/s bounded to the POI's
 * [0, 10], q̃_μ = 2[ν(μ) − ν(μ̂) + n ln(ν(μ̂)/ν(μ))] where μ̂ ≤ μ, and the p-values the probabilities of
 * q ≥ q_obs. With no nuisances the toys of each hypothesis are Poisson(μs + b) at the tested μ and at 0.
 */
class ToyCalculatorTest {
    static final double S = 10, B = 20, N_OBS = 24;
    static final String COUNTING = "{\"channels\": [{\"name\": \"c\", \"samples\": ["
            + "{\"name\": \"signal\", \"data\": [10.0], \"modifiers\": [{\"name\": \"mu\", \"type\": \"normfactor\","
            + " \"data\": null}]},"
            + "{\"name\": \"background\", \"data\": [20.0], \"modifiers\": []}]}],"
            + "\"observations\": [{\"name\": \"c\", \"data\": [24.0]}],"
            + "\"measurements\": [{\"name\": \"m\", \"config\": {\"poi\": \"mu\", \"parameters\": []}}],"
            + "\"version\": \"1.0.0\"}";

    static Model counting() {
        Workspace w = WorkspaceReader.parse(COUNTING, "counting.json");
        return ModelBuilder.build(w, null, "counting.json");
    }

    static ToyStatistics toys(TestStatistic statistic, double mu, long first, int count) {
        Model m = counting();
        ToyCalculator calc = new ToyCalculator(
                m, ModelBuilder.observed(WorkspaceReader.parse(COUNTING, "counting.json"), m), statistic);
        return calc.toys(new double[] {mu}, 42, first, count);
    }

    /** The closed-form statistic for n events (q̃_μ, or q₀ when {@code discovery}). */
    static double closedForm(double n, double mu, boolean discovery) {
        double muHat = Math.min(10, Math.max(0, (n - B) / S));
        if (discovery ? muHat < 0 : muHat > mu) return 0;
        double nuMu = mu * S + B, nuHat = muHat * S + B;
        double log = n == 0 ? 0 : n * Math.log(nuHat / nuMu);
        return Math.max(0, 2 * (nuMu - nuHat + log));
    }

    /** P(q(n) ≥ q) for n ~ Poisson(ν), summed over the pmf. */
    static double exactPvalue(double nu, double q, double mu, boolean discovery) {
        double p = 0;
        for (int n = 0; n < 400; n++) {
            if (closedForm(n, mu, discovery) >= q - 1e-9) p += Math.exp(n * Math.log(nu) - nu - Gamma.logGamma(n + 1));
        }
        return p;
    }

    @Test
    void clsOfTheCountingExperimentMatchesTheExactDistribution() {
        double mu = 1;
        ToyStatistics t = toys(TestStatistic.QTILDE, mu, 0, 20_000);
        assertEquals(closedForm(N_OBS, mu, false), t.observed()[0], 1e-9);
        ToyHypotest h = ToyHypotest.of(t, 0);
        double clsb = exactPvalue(mu * S + B, t.observed()[0], mu, false);
        double clb = exactPvalue(B, t.observed()[0], mu, false);
        assertEquals(20_000, h.toys());
        assertEquals(clsb, h.clsb(), 4 * h.clsbError(), "CL_s+b");
        assertEquals(clb, h.clb(), 4 * h.clbError(), "CL_b");
        assertEquals(clsb / clb, h.cls(), 4 * h.clsError(), "CLs");
        // the binomial errors are those of the exact p-values, to the precision of the toys
        assertEquals(Math.sqrt(clsb * (1 - clsb) / 20_000), h.clsbError(), 0.05 * h.clsbError());
        assertTrue(h.clsError() > 0 && h.clsError() < 0.01);
    }

    @Test
    void everyToyStatisticIsTheClosedFormOfItsCount() {
        // q̃ is a strictly monotone function of n where it is positive: each toy value must be one of the
        // closed-form values, and its frequency the Poisson probability of that n
        ToyStatistics t = toys(TestStatistic.QTILDE, 1, 0, 2_000);
        for (double q : t.signalPlusBackground()[0]) {
            boolean found = false;
            for (int n = 0; n < 200 && !found; n++) found = Math.abs(closedForm(n, 1, false) - q) < 1e-7;
            assertTrue(found, "toy statistic " + q + " is no closed-form value");
        }
    }

    @Test
    void discoveryPvalueMatchesTheExactDistribution() {
        ToyStatistics t = toys(TestStatistic.Q0, 0, 0, 20_000);
        ToyHypotest h = ToyHypotest.of(t, 0);
        assertEquals(closedForm(N_OBS, 0, true), t.observed()[0], 1e-9);
        double p0 = exactPvalue(B, t.observed()[0], 0, true);
        assertEquals(p0, h.clsb(), 4 * h.clsbError(), "p0");
    }

    @Test
    void shardsGiveTheToysOfTheWholeRun() {
        ToyStatistics all = toys(TestStatistic.QTILDE, 1, 0, 300);
        ToyStatistics a = toys(TestStatistic.QTILDE, 1, 0, 100), b = toys(TestStatistic.QTILDE, 1, 100, 200);
        double[] sb = new double[300], bo = new double[300];
        System.arraycopy(a.signalPlusBackground()[0], 0, sb, 0, 100);
        System.arraycopy(b.signalPlusBackground()[0], 0, sb, 100, 200);
        System.arraycopy(a.backgroundOnly()[0], 0, bo, 0, 100);
        System.arraycopy(b.backgroundOnly()[0], 0, bo, 100, 200);
        assertArrayEquals(all.signalPlusBackground()[0], sb);
        assertArrayEquals(all.backgroundOnly()[0], bo);
    }
}
