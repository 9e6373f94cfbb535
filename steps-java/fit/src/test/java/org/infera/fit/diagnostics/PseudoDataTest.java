package org.infera.fit.diagnostics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.infera.core.histfactory.model.Dataset;
import org.infera.core.histfactory.model.Model;
import org.infera.core.histfactory.model.ModelBuilder;
import org.infera.core.histfactory.spec.Workspace;
import org.infera.core.histfactory.spec.WorkspaceReader;
import org.infera.core.histfactory.spec.WorkspaceWriter;
import org.infera.fit.FitCli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pseudo-data workspaces and the all-in-one diagnostics command. */
class PseudoDataTest {
    @TempDir
    Path dir;

    /** Reading the written workspace back gives exactly the drawn data set: main counts and auxiliary data. */
    @Test
    void theWrittenWorkspaceHoldsTheDrawnDataExactly() throws Exception {
        Workspace w = Workspaces.rich();
        Model m = Workspaces.model(w);
        Dataset toy = PseudoDataWorkspace.draw(m, m.inits(), 7);
        Path file = dir.resolve("toy.json");
        WorkspaceWriter.write(PseudoDataWorkspace.of(w, null, m, toy), file);
        Workspace back = WorkspaceReader.read(file);
        Model m2 = Workspaces.model(back);
        Dataset read = ModelBuilder.observed(back, m2);
        assertArrayEquals(toy.main(), read.main());
        assertArrayEquals(toy.aux(), read.aux());
        assertEquals(m.parameterNames(), m2.parameterNames());
        assertFalse(java.util.Arrays.equals(toy.aux(), m.auxdata()), "the auxiliary data were drawn");
    }

    @Test
    void pseudoDataIsDeterministicAndNotTheAsimovData() throws Exception {
        String ws = Workspaces.README.toString();
        for (String name : new String[] {"a.json", "b.json"}) {
            FitCli.Result r = FitCli.run(
                    "pseudo-data",
                    "--workspace",
                    ws,
                    "--seed",
                    "11",
                    "-o",
                    dir.resolve(name).toString());
            assertEquals(0, r.code(), r.err());
        }
        assertArrayEquals(Files.readAllBytes(dir.resolve("a.json")), Files.readAllBytes(dir.resolve("b.json")));
        FitCli.Result other = FitCli.run(
                "pseudo-data",
                "--workspace",
                ws,
                "--seed",
                "12",
                "-o",
                dir.resolve("c.json").toString());
        assertEquals(0, other.code(), other.err());
        assertFalse(java.util.Arrays.equals(
                Files.readAllBytes(dir.resolve("a.json")), Files.readAllBytes(dir.resolve("c.json"))));
    }

    @Test
    void diagnosticsOnPseudoDataWriteEveryPartAndNonZeroPulls() throws Exception {
        Path ws = dir.resolve("ws.json");
        WorkspaceWriter.write(org.infera.fit.bench.SyntheticWorkspaces.bumpOnFallingBackground(8, 3), ws);
        FitCli.Result r = FitCli.run(
                "diagnostics",
                "--workspace",
                ws.toString(),
                "--pseudo-data",
                "--seed",
                "5",
                "--scan-points",
                "7",
                "-o",
                dir.resolve("d").toString());
        assertEquals(0, r.code(), r.err());
        for (String f : new String[] {
            "data.json",
            "summary.json",
            "pulls/pulls.csv",
            "correlations/correlations.csv",
            "gof/gof.json",
            "yields/yields.csv",
            "impacts/impacts.json",
            "impacts/ranking.png",
            "scan2d/contours.csv"
        }) assertTrue(Files.size(dir.resolve("d").resolve(f)) > 0, f);
        JsonNode summary =
                new ObjectMapper().readTree(dir.resolve("d/summary.json").toFile());
        assertEquals("pseudo-data", summary.get("data").asText());
        assertTrue(summary.get("gof").get("q").asDouble() > 0);
        JsonNode pulls =
                new ObjectMapper().readTree(dir.resolve("d/pulls/pulls.json").toFile());
        double sum = 0;
        for (JsonNode p : pulls.get("parameters"))
            if (p.has("pull")) sum += Math.abs(p.get("pull").asDouble());
        assertTrue(sum > 1e-3, "pulls of pseudo-data are not all zero");
        // the fit of data.json on its own finds the summary's best fit: the diagnostics ran on that data set
        FitCli.Result fit =
                FitCli.run("fit", "--workspace", dir.resolve("d/data.json").toString());
        assertEquals(
                fit.json().get("twice_nll").asDouble(), summary.get("twice_nll").asDouble(), 1e-8);
        // the same run again: the same bytes
        FitCli.Result again = FitCli.run(
                "diagnostics",
                "--workspace",
                ws.toString(),
                "--pseudo-data",
                "--seed",
                "5",
                "--scan-points",
                "7",
                "-o",
                dir.resolve("e").toString());
        assertEquals(0, again.code(), again.err());
        for (String f : new String[] {"data.json", "summary.json", "impacts/impacts.json", "scan2d/scan2d.csv"})
            assertArrayEquals(
                    Files.readAllBytes(dir.resolve("d").resolve(f)),
                    Files.readAllBytes(dir.resolve("e").resolve(f)),
                    f);
    }
}
