package org.infera.core.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.infera.core.cli.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

public class AnalysisTest {
    @TempDir
    Path dir;

    public static Path paperDefinition() {
        return Path.of(System.getProperty("infera.repo", "../..")).resolve("params/analysis/inferno-paper.json");
    }

    @Test
    void readsThePaperDefinition() {
        Analysis a = Analysis.read(paperDefinition());
        assertEquals(5, a.benchmarks().size());
        assertEquals(0, a.signalIndex());
        assertEquals(100.0, a.benchmarks().get(4).constraints().get("background"));
        double[] x = {1, 2, 0.6};
        a.applyEffect(a.nuisances().get(0), 0.2, x);
        a.applyEffect(a.nuisances().get(1), 2.5, x);
        assertArrayEquals(new double[] {1.2, 2, 0.6 * 3 / 2.5}, x, 1e-12);
    }

    @Test
    void theNeosBlobsBackgroundMovesToItsUpAndDownMeans() throws IOException {
        Path file = paperDefinition().resolveSibling("neos-blobs.json");
        Analysis a = Analysis.read(file);
        Analysis.Nuisance n = a.nuisances().get(0);
        double[] nominal = org.infera.core.physics.NeosBlobs.BACKGROUND_MEAN;
        double[] up = nominal.clone(), down = nominal.clone(), half = nominal.clone();
        a.applyEffect(n, n.up(), up);
        a.applyEffect(n, n.down(), down);
        a.applyEffect(n, 0.5, half);
        assertArrayEquals(org.infera.core.physics.NeosBlobs.BACKGROUND_UP_MEAN, up, 1e-12);
        assertArrayEquals(org.infera.core.physics.NeosBlobs.BACKGROUND_DOWN_MEAN, down, 1e-12);
        assertArrayEquals(new double[] {1.75, 0.5}, half, 1e-12);
        String good = Files.readString(file);
        assertRejected(
                good.replace("\"up_shift\": {\"x0\": 1.5,", "\"up_shift\": {\"x7\": 1.5,"), "unknown feature 'x7'");
        assertRejected(
                good.replace("\"type\": \"mean_shift\",", "\"type\": \"mean_shift\", \"feature\": \"x0\","),
                "not used by mean_shift");
    }

    @Test
    void rejectsUnknownFieldsAndImpossibleValuesNamingTheField() throws IOException {
        String good = Files.readString(paperDefinition());
        assertRejected(
                good.replace("\"expectedYield\": 50", "\"expectedYield\": 50, \"colour\": 1"),
                "unknown field 'colour'");
        assertRejected(
                good.replace("\"expectedYield\": 1000", "\"expectedYield\": -3"), "processes.background.expectedYield");
        assertRejected(good.replace("\"feature\": \"x0\"", "\"feature\": \"x9\""), "unknown feature 'x9'");
        assertRejected(good.replace("\"r\": 0.4, \"lambda\": 1.0}}", "\"r\": 0, \"lambda\": 1.0}}"), "constraints.r");
        assertRejected("{", "not valid JSON");
        assertRejected(
                good.replace("\"expectedYield\": 50", "\"expectedYield\": \"50\""), "$.processes[0].expectedYield");
        assertRejected(good + " }", "not valid JSON");
        // found by AnalysisFuzzTest: an effect without a type was a NullPointerException
        assertRejected(good.replace("\"type\": \"shift\", ", ""), "'nuisances.r.effect.type': is missing");
    }

    private void assertRejected(String json, String expected) throws IOException {
        Path p = Files.writeString(dir.resolve("a.json"), json);
        InputException e = assertThrows(InputException.class, () -> Analysis.read(p));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
