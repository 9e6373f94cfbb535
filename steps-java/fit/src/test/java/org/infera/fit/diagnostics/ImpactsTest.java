package org.infera.fit.diagnostics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.infera.core.histfactory.model.Model;
import org.infera.core.histfactory.model.ModelBuilder;
import org.infera.core.histfactory.spec.ModifierSpec;
import org.infera.core.histfactory.spec.Workspace;
import org.infera.core.histfactory.spec.WorkspaceWriter;
import org.infera.fit.FitCli;
import org.infera.fit.bench.SyntheticWorkspaces;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Impacts against closed forms, and shards that merge into the bytes of one full run. */
class ImpactsTest {
    @TempDir
    Path dir;

    /**
     * One bin, n = s·μ + b(α), a histosys α with piecewise-linear interpolation (code0) and a unit Gaussian
     * constraint: μ absorbs the data at any α, so α̂ = 0 with σ_postfit = σ_prefit = 1, and fixing α gives
     * μ̂(α) = (n − b(α))/s exactly, with b(+1) = hi and b(−1) = lo.
     */
    @Test
    void impactsOfAOneBinCountingExperimentAreClosedForm() {
        double s = 10, b = 50, hi = 56, lo = 47, n = 63;
        Workspace w = new Workspace(
                List.of(new Workspace.Channel(
                        "SR",
                        List.of(
                                new Workspace.Sample(
                                        "signal", new double[] {s}, List.of(new ModifierSpec.NormFactor("mu"))),
                                new Workspace.Sample(
                                        "background",
                                        new double[] {b},
                                        List.of(new ModifierSpec.HistoSys(
                                                "alpha", new double[] {hi}, new double[] {lo})))))),
                List.of(new Workspace.Observation("SR", new double[] {n})),
                List.of(new Workspace.Measurement("meas", "mu", List.of())),
                "1.0.0");
        Model m = ModelBuilder.build(w, null, "test", "code4", "code0");
        PostFit fit = PostFit.of(m, ModelBuilder.observed(w, m));
        double muHat = (n - b) / s;
        assertEquals(muHat, fit.best().values()[m.poi()], 1e-9);
        List<Impacts.Row> rows = Impacts.of(fit, fit.nuisances(), 2);
        assertEquals(1, rows.size());
        Impacts.Row r = rows.get(0);
        assertEquals(0, r.value(), 1e-9);
        assertEquals(1, r.error(), 1e-6);
        assertEquals((n - hi) / s - muHat, r.postfitUp(), 1e-6);
        assertEquals((n - lo) / s - muHat, r.postfitDown(), 1e-6);
        assertEquals((n - hi) / s - muHat, r.prefitUp(), 1e-9);
        assertEquals((n - lo) / s - muHat, r.prefitDown(), 1e-9);
        assertTrue(r.converged());
    }

    /** Near the Gaussian limit (large counts), the post-fit impact is the covariance's ρ_μi·σ_μ. */
    @Test
    void postfitImpactsApproachTheCovariancePrediction() {
        Workspace w = SyntheticWorkspaces.bumpOnFallingBackground(40, 4);
        Model m = Workspaces.model(w);
        // Asimov data scaled up: the likelihood is close to quadratic over ±1σ
        double[] expected = m.expectedMain(m.inits());
        PostFit fit = PostFit.of(m, new org.infera.core.histfactory.model.Dataset(expected, m.auxdata()));
        double[][] c = fit.covariance();
        int poi = m.poi();
        for (Impacts.Row r : Impacts.of(fit, fit.nuisances(), 1)) {
            int i = m.parameterNames().indexOf(r.name());
            double predicted = c[poi][i] / Math.sqrt(c[i][i]);
            assertEquals(predicted, r.postfitUp(), 0.05 * Math.sqrt(c[poi][poi]), r.name());
            assertEquals(-predicted, r.postfitDown(), 0.05 * Math.sqrt(c[poi][poi]), r.name());
        }
    }

    @Test
    void shardsMergeIntoTheBytesOfOneFullRun() throws Exception {
        Path ws = dir.resolve("ws.json");
        WorkspaceWriter.write(SyntheticWorkspaces.bumpOnFallingBackground(12, 5), ws);
        FitCli.Result full = FitCli.run(
                "impacts",
                "--workspace",
                ws.toString(),
                "-o",
                dir.resolve("full").toString());
        assertEquals(0, full.code(), full.err());
        String w = ws.toString();
        assertEquals(
                0,
                FitCli.run(
                                "impacts",
                                "--workspace",
                                w,
                                "--nuisances",
                                "0:2",
                                "-o",
                                dir.resolve("a.json").toString())
                        .code());
        assertEquals(
                0,
                FitCli.run(
                                "impacts",
                                "--workspace",
                                w,
                                "--nuisance",
                                "alpha_4",
                                "--nuisance",
                                "alpha_2",
                                "--threads",
                                "1",
                                "-o",
                                dir.resolve("b.json").toString())
                        .code());
        assertEquals(
                0,
                FitCli.run(
                                "impacts",
                                "--workspace",
                                w,
                                "--nuisances",
                                "3:4",
                                "-o",
                                dir.resolve("c.json").toString())
                        .code());
        FitCli.Result merged = FitCli.run(
                "impacts-merge",
                dir.resolve("c.json").toString(),
                dir.resolve("a.json").toString(),
                dir.resolve("b.json").toString(),
                "-o",
                dir.resolve("merged").toString());
        assertEquals(0, merged.code(), merged.err());
        for (String f : List.of("impacts.json", "impacts.csv", "ranking.png")) {
            assertArrayEquals(
                    Files.readAllBytes(dir.resolve("full").resolve(f)),
                    Files.readAllBytes(dir.resolve("merged").resolve(f)),
                    f);
        }
        assertEquals(6, Files.readAllLines(dir.resolve("full/impacts.csv")).size());
        // a nuisance missing, or in two shards: refused, naming it
        FitCli.Result missing = FitCli.run(
                "impacts-merge",
                dir.resolve("a.json").toString(),
                dir.resolve("b.json").toString(),
                "-o",
                dir.resolve("m2").toString());
        assertEquals(2, missing.code());
        assertTrue(missing.err().contains("alpha_3"), missing.err());
        FitCli.Result twice = FitCli.run(
                "impacts-merge",
                dir.resolve("a.json").toString(),
                dir.resolve("a.json").toString(),
                "-o",
                dir.resolve("m3").toString());
        assertEquals(2, twice.code());
        assertTrue(twice.err().contains("more than one shard"), twice.err());
    }

    /**
     * A floating unconstrained nuisance of the benchmark models is a Gaussian of width 10⁴ (pyhf has no
     * unconstrained histosys): reported as unconstrained (no pull, no pre-fit impact), while goodness of fit
     * keeps its constraint term, as the likelihood does: q = −2 ln L(θ̂) less the saturated −2 ln L.
     */
    @Test
    void theUnconstrainedStandInIsNotPulledButStaysInTheLikelihood() {
        double[] n = {60, 45};
        Workspace w = new Workspace(
                List.of(new Workspace.Channel(
                        "SR",
                        List.of(
                                new Workspace.Sample(
                                        "signal", new double[] {10, 5}, List.of(new ModifierSpec.NormFactor("mu"))),
                                new Workspace.Sample(
                                        "background",
                                        new double[] {50, 40},
                                        List.of(new ModifierSpec.HistoSys(
                                                "r", new double[] {55, 38}, new double[] {46, 42})))))),
                List.of(new Workspace.Observation("SR", n)),
                List.of(new Workspace.Measurement(
                        "meas", "mu", List.of(new Workspace.ParameterConfig("r", null, null, null, null, new double[] {
                            org.infera.core.histfactory.TemplatesWorkspace.UNCONSTRAINED_SIGMA
                        })))),
                "1.0.0");
        Model m = org.infera.core.histfactory.TemplatesWorkspace.model(w, "test");
        PostFit fit = PostFit.of(m, ModelBuilder.observed(w, m));
        Impacts.Row r = Impacts.of(fit, fit.nuisances(), 1).get(0);
        assertEquals("none", r.constraint());
        assertTrue(Double.isNaN(r.pull()) && Double.isNaN(r.prefitUp()) && Double.isNaN(r.prefitDown()));
        assertTrue(r.converged());
        double saturated = 2
                * (Math.log(org.infera.core.histfactory.TemplatesWorkspace.UNCONSTRAINED_SIGMA)
                        + 0.5 * Math.log(2 * Math.PI));
        for (double k : n) saturated += 2 * (k - k * Math.log(k) + org.hipparchus.special.Gamma.logGamma(k + 1));
        GoodnessOfFit g = GoodnessOfFit.of(fit);
        assertEquals(fit.best().twiceNll() - saturated, g.q(), 1e-9);
        assertEquals(2 + 1 - 2, g.ndof());
    }
}
