package org.infera.fit.diagnostics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.infera.core.histfactory.spec.Workspace;
import org.infera.fit.FitCli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pre- and post-fit yields and their bands against closed forms. */
class YieldsTest {
    @TempDir
    Path dir;

    /** ν_b = μ s_b + b_b: the post-fit band of bin b is s_b·σ_μ, the pre-fit band zero (a normfactor only). */
    @Test
    void postfitBandOfACountingExperimentIsTheSignalTimesSigmaMu() {
        double[] s = {5, 10, 3}, b = {20, 30, 40}, n = {31, 36, 38};
        Workspace w = Workspaces.counting(s, b, n);
        PostFit fit = PostFit.of(Workspaces.model(w), Workspaces.observed(w));
        double sigmaMu = fit.error(0);
        // σ_μ independently: 1/√(Σ n s²/ν²), the observed information of the Poisson likelihood in μ
        double mu = fit.best().values()[0], info = 0;
        for (int k = 0; k < 3; k++) info += n[k] * s[k] * s[k] / Math.pow(mu * s[k] + b[k], 2);
        assertEquals(1 / Math.sqrt(info), sigmaMu, 1e-9);
        List<Yields.Bin> post = Yields.postfit(fit);
        for (int k = 0; k < 3; k++) {
            assertEquals(mu * s[k] + b[k], post.get(k).total(), 1e-9);
            assertEquals(s[k] / Math.sqrt(info), post.get(k).totalError(), 1e-9);
            assertEquals(n[k], post.get(k).data());
        }
        for (Yields.Bin bin : Yields.prefit(fit)) assertEquals(0, bin.totalError());
    }

    /** pyhf's README: the pre-fit band of the background is the shapesys uncertainty δ itself (σ_γ = δ/nominal). */
    @Test
    void prefitBandOfShapesysIsItsDeclaredUncertainty() throws Exception {
        FitCli.Result r = FitCli.run(
                "yields",
                "--workspace",
                Workspaces.README.toString(),
                "-o",
                dir.resolve("y").toString());
        assertEquals(0, r.code(), r.err());
        List<String> rows = Files.readAllLines(dir.resolve("y/yields.csv"));
        assertEquals(Yields.CSV_HEADER, rows.get(0));
        assertTrue(rows.contains("prefit,singlechannel,0,background,50.0,3.0"), rows.toString());
        assertTrue(rows.contains("prefit,singlechannel,1,total,63.0,7.0"), rows.toString());
        assertEquals(1 + 2 * 2 * 4, rows.size()); // 2 stages × 2 bins × (2 samples, total, data)
        assertTrue(Files.size(dir.resolve("y/postfit.png")) > 5000);
        assertTrue(Files.size(dir.resolve("y/prefit.png")) > 5000);
    }
}
