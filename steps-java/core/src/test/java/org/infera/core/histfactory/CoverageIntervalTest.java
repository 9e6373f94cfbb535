package org.infera.core.histfactory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.infera.core.histfactory.infer.FisherInformation;
import org.infera.core.histfactory.infer.Likelihood;
import org.infera.core.histfactory.infer.ProfileScan;
import org.infera.core.histfactory.model.Dataset;
import org.infera.core.histfactory.model.Model;
import org.infera.core.histfactory.model.ModelBuilder;
import org.infera.core.histfactory.model.PseudoData;
import org.infera.core.histfactory.spec.WorkspaceReader;
import org.infera.core.random.Rng;
import org.infera.core.stats.Coverage;
import org.junit.jupiter.api.Test;

/**
 * The interval the coverage study computes (ProfileScan at Δ(−2 ln L) = 1) on counting experiments whose
 * interval is known in closed form, and the coverage of those intervals from toys.
 */
class CoverageIntervalTest {
    /**
     * One bin, ν = μs + b, no nuisances: μ̂ = (n − b)/s, and the interval's ends solve
     * 2[ν − n + n ln(n/ν)] = 1, found here by bisection in ν on each side of n.
     */
    @Test
    void countingExperimentIntervalIsThePoissonLikelihoodRatioSolution() {
        double s = 20, b = 100;
        for (double n : new double[] {100, 121, 140, 180}) {
            Model m = model(s, b, n);
            ProfileScan scan = new ProfileScan(new Likelihood(m, ModelBuilder.observed(workspace(s, b, n), m)), 0);
            ProfileScan.Interval i = scan.interval(0.5, Math.sqrt(n) / s);
            assertEquals((n - b) / s, i.best(), 1e-6, "μ̂ at n = " + n);
            double lowerNu = bisect(n, 1e-9, n), upperNu = bisect(n, n, 10 * n);
            assertEquals((lowerNu - b) / s, i.lower(), 1e-6, "lower end at n = " + n);
            assertEquals((upperNu - b) / s, i.upper(), 1e-6, "upper end at n = " + n);
            assertFalse(i.lowerAtBound() || i.upperAtBound());
        }
    }

    /**
     * Gaussian limit (s = 400, b = 10000: ν ≈ 10⁴, the likelihood ratio interval is μ̂ ± √ν/s to 0.5%): 2000
     * toys at μ = 1 cover within ±3σ of the binomial band; the same intervals shrunk to half their width cover
     * about 38% and are flagged.
     */
    @Test
    void gaussianLimitCoverageLiesInTheBandAndATooNarrowIntervalIsFlagged() {
        double s = 400, b = 10_000;
        Model m = model(s, b, s + b);
        double[] truth = m.inits(); // μ = 1
        PseudoData toys = new PseudoData(m, truth);
        double step = FisherInformation.sigmaPoi(m, truth);
        int n = 2000;
        double[] lo = new double[n], hi = new double[n], best = new double[n];
        double[] narrowLo = new double[n], narrowHi = new double[n];
        for (int k = 0; k < n; k++) {
            Dataset d = toys.sample(new Rng(Rng.derivedSeed(7, k)));
            ProfileScan.Interval i = new ProfileScan(new Likelihood(m, d), 0, truth).interval(0.5, step);
            lo[k] = i.lower();
            hi[k] = i.upper();
            best[k] = i.best();
            narrowLo[k] = i.best() - (i.best() - i.lower()) / 2;
            narrowHi[k] = i.best() + (i.upper() - i.best()) / 2;
        }
        Coverage.Summary ok = Coverage.of(lo, hi, best, 1);
        assertFalse(ok.flagged(), "coverage " + ok.coverage() + " (z = " + ok.z() + ")");
        assertEquals(0, ok.pullMean(), 3 / Math.sqrt(n));
        assertEquals(1, ok.pullSpread(), 0.05);
        // half-width intervals: 2Φ(0.5) − 1 = 0.3829
        Coverage.Summary narrow = Coverage.of(narrowLo, narrowHi, best, 1);
        assertEquals(0.3829, narrow.coverage(), 4 * Math.sqrt(0.3829 * 0.6171 / n));
        assertTrue(narrow.flagged());
        assertTrue(narrow.score() < ok.score() - 5, "under-coverage costs more than the narrower width gains");
    }

    /** ν where 2[ν − n + n ln(n/ν)] = 1 in [a, b], the function being monotonic there. */
    private static double bisect(double n, double a, double b) {
        double fa = q(n, a);
        for (int k = 0; k < 200; k++) {
            double c = (a + b) / 2, fc = q(n, c);
            if ((fc > 0) == (fa > 0)) {
                a = c;
                fa = fc;
            } else b = c;
        }
        return (a + b) / 2;
    }

    private static double q(double n, double nu) {
        return 2 * (nu - n + n * Math.log(n / nu)) - 1;
    }

    private static org.infera.core.histfactory.spec.Workspace workspace(double s, double b, double n) {
        return WorkspaceReader.parse(TestWorkspaces.counting(s, b, n), "counting.json");
    }

    private static Model model(double s, double b, double n) {
        return ModelBuilder.build(workspace(s, b, n), null, "counting.json");
    }
}
