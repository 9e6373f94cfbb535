package org.infera.train.inferno;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.infera.core.cli.StepMain;
import org.infera.core.data.SamplesFixtures;
import org.infera.nn.TrainedNetwork;
import org.infera.train.TrainCommand;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InfernoCommandTest {
    @TempDir
    static Path dir;

    static Path samples;

    @BeforeAll
    static void data() {
        System.setProperty("ai.djl.offline", "true");
        samples = SamplesFixtures.write(dir.resolve("samples.h5"), 4000, 13);
    }

    private static int train(Path out, String... extra) {
        List<String> args = new ArrayList<>(List.of(
                "inferno",
                "--samples",
                samples.toString(),
                "--analysis",
                InfernoLossTest.ANALYSIS.toString(),
                "--seed",
                "3",
                "--hidden",
                "32,32",
                "--batch-size",
                "500",
                "-o",
                out.toString()));
        args.addAll(List.of(extra));
        return StepMain.execute(new TrainCommand(), args.toArray(new String[0]));
    }

    @Test
    void trainingLowersTheExpectedUncertaintyAndIsReproducible() throws Exception {
        Path a = dir.resolve("a"), b = dir.resolve("b");
        assertEquals(0, train(a, "--benchmark", "2", "--epochs", "6", "--patience", "6"));
        assertEquals(0, train(b, "--benchmark", "2", "--epochs", "6", "--patience", "6"));
        for (String f : List.of(TrainedNetwork.SPEC, TrainedNetwork.WEIGHTS, TrainedNetwork.HISTORY, "history.png")) {
            assertArrayEquals(Files.readAllBytes(a.resolve(f)), Files.readAllBytes(b.resolve(f)), f);
        }
        List<String> history = Files.readAllLines(a.resolve(TrainedNetwork.HISTORY));
        double first = Math.sqrt(Double.parseDouble(history.get(1).split(",")[2]));
        try (TrainedNetwork net = TrainedNetwork.load(a)) {
            double best = Math.sqrt(net.spec().bestValidationLoss());
            assertTrue(best < first, "validation σ_s falls from " + first + " to " + best);
            // Above the analytic limit of benchmark 2 (15.65): no summary statistic can beat it.
            assertTrue(best > 15.0, "σ_s " + best);
            assertEquals("inferno", net.spec().kind());
            assertEquals(10, net.spec().outputs());
            assertEquals(2, net.spec().benchmark());
        }
    }

    @Test
    void rejectsBadInputWithExitTwo() throws Exception {
        Path out = dir.resolve("bad");
        assertEquals(2, train(out, "--benchmark", "9"));
        assertEquals(2, train(out, "--benchmark", "4", "--bins", "1"));
        assertEquals(2, train(out, "--benchmark", "4", "--temperature", "0"));
        Path other = Files.writeString(
                dir.resolve("other.json"),
                Files.readString(InfernoLossTest.ANALYSIS)
                        .replace("\"background\", \"expectedYield\"", "\"ttbar\", \"expectedYield\"")
                        .replace("\"process\": \"background\"", "\"process\": \"ttbar\"")
                        .replace("\"lambda\", \"background\"]", "\"lambda\", \"ttbar\"]")
                        .replace("\"background\": 100", "\"ttbar\": 100"));
        assertEquals(
                2,
                StepMain.execute(
                        new TrainCommand(),
                        "inferno",
                        "--samples",
                        samples.toString(),
                        "--analysis",
                        other.toString(),
                        "--benchmark",
                        "4",
                        "--seed",
                        "1",
                        "-o",
                        out.toString()));
        assertFalse(Files.exists(out));
    }

    /** Background events simulated at r = value (the other process too, as a simulator writes them). */
    private static Path eventsAtR(String name, double r, long seed) {
        org.infera.core.random.Rng rng = new org.infera.core.random.Rng(seed);
        int n = 3000;
        double[][] x = new double[2 * n][];
        long[] process = new long[2 * n];
        for (int i = 0; i < n; i++) {
            x[i] = org.infera.core.physics.InfernoPaperProblem.signal(rng);
            x[n + i] = org.infera.core.physics.InfernoPaperProblem.background(rng, r, 3);
            process[n + i] = 1;
        }
        Path p = dir.resolve(name);
        new org.infera.core.data.EventsFile(
                        "inferno-paper",
                        seed,
                        new String[] {"x0", "x1", "x2"},
                        new String[] {"signal", "background"},
                        new double[] {50, 1000},
                        x,
                        process)
                .write(p);
        return p;
    }

    @Test
    void approximateModeTrainsOnEventsSimulatedAtTheShiftedValues() throws Exception {
        Path up = eventsAtR("r_up.h5", 0.2, 21), down = eventsAtR("r_down.h5", -0.2, 22);
        Path out = dir.resolve("approximate");
        assertEquals(0, train(out, "--benchmark", "1", "--epochs", "4", "--shifted", "r=" + up + "," + down));
        List<String> history = Files.readAllLines(out.resolve(TrainedNetwork.HISTORY));
        double first = Double.parseDouble(history.get(1).split(",")[2]);
        double last = Double.parseDouble(history.get(history.size() - 1).split(",")[2]);
        assertTrue(last < first, "validation loss falls: " + first + " -> " + last);
        Path bad = dir.resolve("bad-approximate");
        assertEquals(
                2,
                train(bad, "--benchmark", "0", "--shifted", "r=" + up + "," + down),
                "r does not float in benchmark 0");
        assertEquals(2, train(bad, "--benchmark", "1", "--shifted", "sigma=" + up + "," + down), "unknown nuisance");
        assertEquals(2, train(bad, "--benchmark", "1", "--shifted", "r=" + up), "needs up and down");
        assertEquals(
                2,
                train(bad, "--benchmark", "1", "--shifted", "r=" + up + "," + dir.resolve("none.h5")),
                "missing file");
        assertFalse(Files.exists(bad));
    }
}
