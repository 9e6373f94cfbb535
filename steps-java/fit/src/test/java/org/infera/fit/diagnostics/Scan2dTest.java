package org.infera.fit.diagnostics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.infera.core.histfactory.model.Model;
import org.infera.core.histfactory.spec.ModifierSpec;
import org.infera.core.histfactory.spec.Workspace;
import org.infera.core.histfactory.spec.WorkspaceWriter;
import org.infera.fit.FitCli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** 2-D scans against closed forms and the Gaussian limit. */
class Scan2dTest {
    @TempDir
    Path dir;

    static final double[] SA = {1000, 300, 500}, SC = {200, 1500, 500}, B = {800, 900, 1000};

    /**
     * Two normfactors a (POI) and c over a background with (withNuisance) a symmetric 5% histosys, which every
     * histosys code interpolates linearly: the only departure from a Gaussian is the Poisson terms'.
     */
    static Workspace twoNormfactors(double[] n, boolean withNuisance) {
        double[] hi = new double[B.length], lo = new double[B.length];
        for (int b = 0; b < B.length; b++) {
            hi[b] = 1.05 * B[b];
            lo[b] = 0.95 * B[b];
        }
        List<ModifierSpec> bkg = withNuisance ? List.of(new ModifierSpec.HistoSys("bn", hi, lo)) : List.of();
        Workspace.Channel c = new Workspace.Channel(
                "SR",
                List.of(
                        new Workspace.Sample("sa", SA, List.of(new ModifierSpec.NormFactor("a"))),
                        new Workspace.Sample("sc", SC, List.of(new ModifierSpec.NormFactor("c"))),
                        new Workspace.Sample("bkg", B, bkg)));
        return new Workspace(
                List.of(c),
                List.of(new Workspace.Observation("SR", n)),
                List.of(new Workspace.Measurement("m", "a", List.of())),
                "1.0.0");
    }

    /** With nothing to profile, each grid point is the closed-form Poisson −2 ln L ratio. */
    @Test
    void gridValuesAreThePoissonLikelihoodRatio() {
        double[] n = {2050, 2350, 2020};
        Workspace w = twoNormfactors(n, false);
        PostFit fit = PostFit.of(Workspaces.model(w), Workspaces.observed(w));
        double[] xs = {0.8, 1.0, 1.3}, ys = {0.7, 0.95, 1.1};
        Scan2d.Grid g = Scan2d.scan(fit, 0, 1, xs, ys);
        double best = twiceNll(fit.best().values()[0], fit.best().values()[1], n);
        for (int i = 0; i < 3; i++)
            for (int j = 0; j < 3; j++) assertEquals(twiceNll(xs[i], ys[j], n) - best, g.twiceDeltaNll()[i][j], 1e-8);
        assertTrue(g.converged());
    }

    private static double twiceNll(double a, double c, double[] n) {
        double s = 0;
        for (int b = 0; b < n.length; b++) {
            double nu = a * SA[b] + c * SC[b] + B[b];
            s += 2 * (nu - n[b] * Math.log(nu));
        }
        return s;
    }

    /**
     * Large counts, a nuisance profiled: the contours are close to the ellipses dᵀ(C₂)⁻¹d = 2.30 and 6.18, C₂ the
     * 2×2 block of the covariance (the Gaussian limit); checked at every contour vertex.
     */
    @Test
    void contoursApproachTheCovarianceEllipses() throws Exception {
        double[] n = {2050, 2350, 2020};
        Workspace w = twoNormfactors(n, true);
        Model m = Workspaces.model(w);
        PostFit fit = PostFit.of(m, Workspaces.observed(w));
        int ia = m.parameterNames().indexOf("a"), ic = m.parameterNames().indexOf("c");
        double[][] full = fit.covariance();
        double[][] c = {{full[ia][ia], full[ia][ic]}, {full[ic][ia], full[ic][ic]}};
        double det = c[0][0] * c[1][1] - c[0][1] * c[0][1];
        double[] best = {fit.best().values()[ia], fit.best().values()[ic]};
        Path ws = dir.resolve("ws.json");
        WorkspaceWriter.write(w, ws);
        double sa = Math.sqrt(c[0][0]), sc = Math.sqrt(c[1][1]);
        FitCli.Result r = FitCli.run(
                "scan2d",
                "--workspace",
                ws.toString(),
                "--y",
                "c",
                "--x-range",
                (best[0] - 3.2 * sa) + ":" + (best[0] + 3.2 * sa) + ":41",
                "--y-range",
                (best[1] - 3.2 * sc) + ":" + (best[1] + 3.2 * sc) + ":41",
                "-o",
                dir.resolve("s").toString());
        assertEquals(0, r.code(), r.err());
        List<String> rows = Files.readAllLines(dir.resolve("s/contours.csv"));
        assertEquals("level,cl,line,a,c", rows.get(0));
        int[] vertices = new int[2];
        for (String row : rows.subList(1, rows.size())) {
            String[] f = row.split(",");
            double level = Double.parseDouble(f[0]);
            double dx = Double.parseDouble(f[3]) - best[0], dy = Double.parseDouble(f[4]) - best[1];
            double q = (c[1][1] * dx * dx - 2 * c[0][1] * dx * dy + c[0][0] * dy * dy) / det;
            assertEquals(level, q, 0.04 * level, row);
            vertices[f[1].equals("68.27") ? 0 : 1]++;
        }
        assertTrue(vertices[0] > 40 && vertices[1] > 60, java.util.Arrays.toString(vertices));
        assertEquals(
                41 * 41 + 1, Files.readAllLines(dir.resolve("s/scan2d.csv")).size());
        assertTrue(Files.size(dir.resolve("s/scan2d.png")) > 5000);
    }
}
