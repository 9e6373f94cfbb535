package org.infera.fit.diagnostics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.infera.core.histfactory.model.Dataset;
import org.infera.core.histfactory.model.Model;
import org.infera.core.histfactory.spec.Workspace;
import org.infera.fit.FitCli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pulls, correlations and goodness of fit against numbers computed independently of the fit engine. */
class PullsCorrelationsGofTest {
    /*
     * pyhf 0.7.6.dev398 (numpy backend, scipy fit) on its README example, run by hand (a script under /tmp):
     * best fit, and the errors and correlations from a central finite-difference Hessian of −logpdf (step 1e-4) at
     * it; q_saturated = pyhf's −2 logpdf at the best fit less −2 Σ ln Poisson(k | k) over the main and aux data.
     */
    static final double[] PYHF_BEST = {0.0, 1.00305120262146, 0.9626696070391361};
    static final double[] PYHF_ERRORS = {0.519426576613303, 0.058601202453002044, 0.10767579623460728};
    static final double PYHF_CORR_MU_G0 = -0.32998680035619565, PYHF_CORR_MU_G1 = -0.4747070332932902;
    static final double PYHF_CORR_G0_G1 = 0.15664705502303478;
    static final double PYHF_Q_SATURATED = 0.18155144507750265;

    @TempDir
    Path dir;

    @Test
    void pullsOfPyhfsReadmeMatchPyhfAndTheirDefinitions() {
        Workspace w = Workspaces.readme();
        PostFit fit = PostFit.of(Workspaces.model(w), Workspaces.observed(w));
        List<Pulls.Row> rows = Pulls.of(fit);
        assertEquals(3, rows.size());
        for (int i = 0; i < 3; i++) {
            assertEquals(PYHF_BEST[i], rows.get(i).value(), 2e-5, rows.get(i).name());
            assertEquals(
                    PYHF_ERRORS[i],
                    rows.get(i).error(),
                    1e-4 * PYHF_ERRORS[i],
                    rows.get(i).name());
        }
        assertEquals("none", rows.get(0).constraint());
        assertTrue(Double.isNaN(rows.get(0).pull()));
        // shapesys γ: τ = (nominal/δ)², θ₀ = aux/τ = 1, σ_prefit = 1/√τ = δ/nominal
        double[][] nominalDelta = {{50, 3}, {52, 7}};
        for (int b = 0; b < 2; b++) {
            Pulls.Row r = rows.get(1 + b);
            double sigma = nominalDelta[b][1] / nominalDelta[b][0];
            assertEquals("poisson", r.constraint());
            assertEquals(sigma, r.prefitSigma(), 1e-12);
            assertEquals((PYHF_BEST[1 + b] - 1) / sigma, r.pull(), 3e-4);
            assertEquals(PYHF_ERRORS[1 + b] / sigma, r.constraintRatio(), 1e-3);
        }
    }

    @Test
    void correlationsMatchPyhfsFiniteDifferenceHessian() {
        Workspace w = Workspaces.readme();
        PostFit fit = PostFit.of(Workspaces.model(w), Workspaces.observed(w));
        assertEquals(PYHF_CORR_MU_G0, fit.correlation(0, 1), 2e-4);
        assertEquals(PYHF_CORR_MU_G1, fit.correlation(0, 2), 2e-4);
        assertEquals(PYHF_CORR_G0_G1, fit.correlation(1, 2), 2e-4);
        assertEquals(fit.correlation(2, 1), fit.correlation(1, 2), 1e-15);
    }

    @Test
    void covarianceIsTheInverseOfAFiniteDifferenceHessianOfTheNll() {
        Workspace w = Workspaces.readme();
        PostFit fit = PostFit.of(Workspaces.model(w), Workspaces.observed(w));
        double[] x = fit.best().values();
        int p = x.length;
        double e = 1e-4;
        double[][] h = new double[p][p];
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < p; j++) {
                h[i][j] = (nll(fit, x, i, e, j, e)
                                - nll(fit, x, i, e, j, -e)
                                - nll(fit, x, i, -e, j, e)
                                + nll(fit, x, i, -e, j, -e))
                        / (4 * e * e);
            }
        }
        // C·H = 1 to the finite differences' precision
        double[][] c = fit.covariance();
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < p; j++) {
                double s = 0;
                for (int k = 0; k < p; k++) s += c[i][k] * h[k][j];
                assertEquals(i == j ? 1 : 0, s, 1e-5, "(C·H)[" + i + "][" + j + "]");
            }
        }
    }

    private static double nll(PostFit fit, double[] x, int i, double di, int j, double dj) {
        double[] y = x.clone();
        y[i] += di;
        y[j] += dj;
        return fit.likelihood().nll(y);
    }

    @Test
    void saturatedGofOfPyhfsReadmeMatchesPyhfsLikelihood() {
        Workspace w = Workspaces.readme();
        GoodnessOfFit g = GoodnessOfFit.of(PostFit.of(Workspaces.model(w), Workspaces.observed(w)));
        assertEquals(PYHF_Q_SATURATED, g.q(), 2e-6);
        assertEquals(1, g.ndof()); // 2 bins + 2 aux measurements − 3 free parameters
        // χ²(1) survival: erfc(√(q/2))
        assertEquals(org.hipparchus.special.Erf.erfc(Math.sqrt(g.q() / 2)), g.pValue(), 1e-12);
    }

    @Test
    void saturatedGofOfACountingExperimentIsThePoissonDeviance() {
        double[] s = {5, 10, 3}, b = {20, 30, 40}, n = {31, 36, 38};
        Workspace w = Workspaces.counting(s, b, n);
        Model m = Workspaces.model(w);
        PostFit fit = PostFit.of(m, Workspaces.observed(w));
        double mu = fit.best().values()[0];
        // the fitted μ solves Σ s_b (n_b/ν_b − 1) = 0
        double score = 0;
        for (int k = 0; k < 3; k++) score += s[k] * (n[k] / (mu * s[k] + b[k]) - 1);
        assertEquals(0, score, 1e-9);
        double deviance = 0;
        for (int k = 0; k < 3; k++) {
            double nu = mu * s[k] + b[k];
            deviance += 2 * (n[k] * Math.log(n[k] / nu) - (n[k] - nu));
        }
        GoodnessOfFit g = GoodnessOfFit.of(fit);
        assertEquals(deviance, g.q(), 1e-10);
        assertEquals(2, g.ndof());
        assertEquals(Math.exp(-deviance / 2), g.pValue(), 1e-12); // χ²(2) survival
        // the same q from the likelihood itself: −2 ln L(θ̂) + 2 Σ ln Poisson(n | n)
        double saturated = 0;
        for (double k : n) saturated += 2 * (k - k * Math.log(k) + org.hipparchus.special.Gamma.logGamma(k + 1));
        assertEquals(fit.best().twiceNll() - saturated, g.q(), 1e-9);
    }

    @Test
    void onAsimovDataPullsAndGofVanish() {
        Workspace w = Workspaces.readme();
        Model m = Workspaces.model(w);
        Dataset asimov = m.expected(m.inits());
        PostFit fit = PostFit.of(m, asimov);
        for (Pulls.Row r : Pulls.of(fit)) if (r.constrained()) assertEquals(0, r.pull(), 1e-6, r.name());
        assertEquals(0, GoodnessOfFit.of(fit).q(), 1e-9);
    }

    @Test
    void theCommandsWriteTheirTablesAndPlots() throws Exception {
        String ws = Workspaces.README.toString();
        FitCli.Result pulls = FitCli.run(
                "pulls", "--workspace", ws, "-o", dir.resolve("pulls").toString());
        assertEquals(0, pulls.code(), pulls.err());
        List<String> csv = Files.readAllLines(dir.resolve("pulls/pulls.csv"));
        assertEquals(Pulls.CSV_HEADER, csv.get(0));
        assertEquals(4, csv.size());
        assertTrue(Files.size(dir.resolve("pulls/pulls.png")) > 3000);
        FitCli.Result corr = FitCli.run(
                "correlations", "--workspace", ws, "-o", dir.resolve("corr").toString());
        assertEquals(0, corr.code(), corr.err());
        List<String> rows = Files.readAllLines(dir.resolve("corr/correlations.csv"));
        assertEquals("parameter,mu,uncorr_bkguncrt[0],uncorr_bkguncrt[1]", rows.get(0));
        assertEquals(1.0, Double.parseDouble(rows.get(2).split(",")[2]));
        assertTrue(Files.size(dir.resolve("corr/correlations.png")) > 3000);
        FitCli.Result gof =
                FitCli.run("gof", "--workspace", ws, "-o", dir.resolve("gof").toString());
        assertEquals(0, gof.code(), gof.err());
        assertEquals(PYHF_Q_SATURATED, gof.json().get("q").asDouble(), 2e-6);
        // an existing output is refused without --overwrite
        FitCli.Result again =
                FitCli.run("gof", "--workspace", ws, "-o", dir.resolve("gof").toString());
        assertEquals(2, again.code());
        assertTrue(again.err().contains("already exists"), again.err());
    }
}
