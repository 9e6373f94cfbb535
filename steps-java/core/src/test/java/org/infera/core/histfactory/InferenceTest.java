package org.infera.core.histfactory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hipparchus.distribution.continuous.NormalDistribution;
import org.infera.core.histfactory.infer.AsymptoticCalculator;
import org.infera.core.histfactory.infer.FisherInformation;
import org.infera.core.histfactory.infer.FitResult;
import org.infera.core.histfactory.infer.Hypotest;
import org.infera.core.histfactory.infer.Likelihood;
import org.infera.core.histfactory.infer.Mle;
import org.infera.core.histfactory.infer.ProfileScan;
import org.infera.core.histfactory.infer.TestStatistic;
import org.infera.core.histfactory.infer.UpperLimit;
import org.infera.core.histfactory.model.Dataset;
import org.infera.core.histfactory.model.Model;
import org.infera.core.histfactory.model.ModelBuilder;
import org.infera.core.histfactory.spec.Workspace;
import org.infera.core.histfactory.spec.WorkspaceReader;
import org.junit.jupiter.api.Test;

/** Fits, intervals and asymptotic formulas against closed forms. */
class InferenceTest {
    private static Model counting(double s, double b, double n, Dataset[] data) {
        Workspace w = WorkspaceReader.parse(TestWorkspaces.counting(s, b, n), "counting.json");
        Model m = ModelBuilder.build(w, null, "counting.json");
        data[0] = ModelBuilder.observed(w, m);
        return m;
    }

    @Test
    void countingFitHasTheClosedFormEstimateAndError() {
        Dataset[] d = new Dataset[1];
        Model m = counting(20, 100, 137, d);
        FitResult fit = Mle.fit(new Likelihood(m, d[0]));
        assertTrue(fit.converged(), fit.message());
        assertEquals((137.0 - 100) / 20, fit.values()[m.poi()], 1e-12);
        assertEquals(Math.sqrt(137) / 20, Math.sqrt(fit.covariance()[m.poi()][m.poi()]), 1e-9);
        assertTrue(fit.atBound().isEmpty());
    }

    @Test
    void aParameterStuckAtItsBoundIsReported() {
        // with μ ≥ 0 and fewer events than the background, the best fit is μ = 0, on the bound
        Model tight = ModelBuilder.build(
                WorkspaceReader.parse(
                        TestWorkspaces.counting(20, 100, 90).replace("[[-5, 10]]", "[[0, 10]]"), "c.json"),
                null,
                "c.json");
        FitResult bounded = Mle.fit(new Likelihood(tight, new Dataset(new double[] {90}, new double[0])));
        assertTrue(bounded.converged(), bounded.message());
        assertEquals(0, bounded.values()[tight.poi()], 0);
        assertEquals(java.util.List.of(tight.poi()), bounded.atBound());
    }

    @Test
    void profileIntervalOfACountingExperimentIsWhereTheLikelihoodRatioCrossesOneHalf() {
        Dataset[] d = new Dataset[1];
        Model m = counting(20, 100, 137, d);
        ProfileScan scan = new ProfileScan(new Likelihood(m, d[0]), m.poi());
        ProfileScan.Interval in = scan.interval(0.5, 0.5);
        // ΔNLL(μ) = ν − n − n ln(ν/n) with ν = 20μ + 100; check it is 0.5 at both ends
        for (double mu : new double[] {in.lower(), in.upper()}) {
            double nu = 20 * mu + 100;
            assertEquals(0.5, nu - 137 - 137 * Math.log(nu / 137), 1e-8);
        }
        assertTrue(in.lower() < 1.85 && in.upper() > 1.85);
    }

    @Test
    void asymptoticLimitsFollowTheFisherInformationForLargeCounts() {
        // a high-count shape model: the Asimov q_μ,A = μ²/σ² with σ from the Fisher information, so the
        // median expected CLs limit is Φ⁻¹(1 − 0.05/2) σ (CLs = 2Φ(−√q_A) at the median)
        String ws =
                """
                {"channels": [{"name": "c", "samples": [
                   {"name": "sig", "data": [200, 400, 300], "modifiers": [{"name": "mu", "type": "normfactor",
                       "data": null}]},
                   {"name": "bkg", "data": [50000, 40000, 45000], "modifiers": [
                     {"name": "shape", "type": "histosys", "data": {"hi_data": [50500, 40100, 44700],
                         "lo_data": [49500, 39900, 45300]}}]}]}],
                 "observations": [{"name": "c", "data": [50000, 40000, 45000]}],
                 "measurements": [{"name": "m", "config": {"poi": "mu", "parameters": []}}], "version": "1.0.0"}
                """;
        Workspace w = WorkspaceReader.parse(ws, "ws.json");
        Model m = ModelBuilder.build(w, null, "ws.json", "code4", "code0");
        AsymptoticCalculator calc = new AsymptoticCalculator(m, ModelBuilder.observed(w, m), TestStatistic.QTILDE);
        double[] asimovPoint = m.inits();
        asimovPoint[m.poi()] = 0;
        double sigma = FisherInformation.sigmaPoi(m, asimovPoint);
        double mu = 0.5 * sigma;
        assertEquals(mu * mu / (sigma * sigma), calc.asimovStatistic(mu), 2e-3 * mu * mu / (sigma * sigma));
        UpperLimit.Limits limits = UpperLimit.compute(calc, 0.05);
        double z = new NormalDistribution().inverseCumulativeProbability(1 - 0.025);
        assertEquals(z * sigma, limits.expected()[2], 0.01 * z * sigma);
        Hypotest h = calc.hypotest(limits.expected()[2]);
        assertEquals(0.05, h.expected()[2], 1e-9);
        assertEquals(
                2 * (1 - new NormalDistribution().cumulativeProbability(Math.sqrt(h.testStatAsimov()))),
                h.expected()[2],
                1e-12);
    }

    @Test
    void discoveryTestOfACountingExperiment() {
        // q0 = 2[n ln(n/b) − (n − b)] with no nuisances; p0 = 1 − Φ(√q0)
        Dataset[] d = new Dataset[1];
        Model m = counting(20, 100, 130, d);
        Hypotest h = new AsymptoticCalculator(m, d[0], TestStatistic.Q0).hypotest(0);
        double q0 = 2 * (130 * Math.log(130.0 / 100) - 30);
        assertEquals(q0, h.testStat(), 1e-9);
        assertEquals(1 - new NormalDistribution().cumulativeProbability(Math.sqrt(q0)), h.clsb(), 1e-12);
    }

    @Test
    void clsOfACountingExperimentHasTheClosedForm() {
        // no nuisances: q(μ) = 2[ν − n − n ln(ν/n)] with ν = b + μ s (zero where μ̂ = (n − b)/s > μ), and on the
        // background-only Asimov data q_A(μ) = 2[ν − b − b ln(ν/b)]; CLs = Φ(−√q) / Φ(√q_A − √q) where √q < √q_A
        double s = 20, b = 100, n = 110;
        Dataset[] d = new Dataset[1];
        Model m = counting(s, b, n, d);
        NormalDistribution phi = new NormalDistribution();
        for (TestStatistic statistic : new TestStatistic[] {TestStatistic.Q, TestStatistic.QTILDE}) {
            AsymptoticCalculator calc = new AsymptoticCalculator(m, d[0], statistic);
            for (double mu : new double[] {0.2, 1.0, 2.0}) {
                double nu = b + mu * s;
                double q = mu < (n - b) / s ? 0 : 2 * (nu - n - n * Math.log(nu / n));
                double qA = 2 * (nu - b - b * Math.log(nu / b));
                Hypotest h = calc.hypotest(mu);
                assertEquals(q, h.testStat(), 1e-9, statistic + " q at " + mu);
                assertEquals(qA, h.testStatAsimov(), 1e-9, statistic + " qA at " + mu);
                double expected = phi.cumulativeProbability(-Math.sqrt(q))
                        / phi.cumulativeProbability(Math.sqrt(qA) - Math.sqrt(q));
                assertEquals(expected, h.cls(), 1e-9, statistic + " CLs at " + mu);
            }
        }
    }

    @Test
    void aWarmStartWhereSomeBinIsEmptyFallsBackToTheInits() {
        // a learned statistic's templates (neos on the blobs toy): the up template empties bin 2, so the
        // nuisance fitted at μ = 1 makes that bin negative at μ = 0.5; the next fit must not start there
        String ws =
                """
                {"channels": [{"name": "neos", "samples": [
                   {"name": "signal", "data": [12.7175, 4.64, 0.5525, 2.09], "modifiers": [{"name": "mu",
                       "type": "normfactor", "data": null}]},
                   {"name": "background", "data": [0.55, 5.375, 0.1375, 93.9375], "modifiers": [
                     {"name": "bkg_shape", "type": "histosys", "data": {"hi_data": [11, 22.5875, 0, 66.4125],
                         "lo_data": [10.25, 2.35, 30.3, 57.1]}}]}]}],
                 "observations": [{"name": "neos", "data": [13.2675, 10.015, 0.69, 96.0275]}],
                 "measurements": [{"name": "m", "config": {"poi": "mu", "parameters": []}}], "version": "1.0.0"}
                """;
        Workspace w = WorkspaceReader.parse(ws, "ws.json");
        Model m = ModelBuilder.build(w, null, "ws.json", "code4", "code2");
        double[] theta = m.inits();
        theta[m.poi()] = 0;
        AsymptoticCalculator warm = new AsymptoticCalculator(m, m.expected(theta), TestStatistic.QTILDE);
        warm.hypotest(1.0);
        Hypotest afterWarm = warm.hypotest(0.5);
        Hypotest fresh = new AsymptoticCalculator(m, m.expected(theta), TestStatistic.QTILDE).hypotest(0.5);
        assertTrue(afterWarm.converged());
        assertEquals(fresh.cls(), afterWarm.cls(), 1e-10 * fresh.cls());
        assertTrue(UpperLimit.compute(warm, 0.05).converged());
    }
}
