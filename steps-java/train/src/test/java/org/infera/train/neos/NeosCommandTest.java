package org.infera.train.neos;

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

class NeosCommandTest {
    @TempDir
    static Path dir;

    static Path samples;

    @BeforeAll
    static void data() {
        System.setProperty("ai.djl.offline", "true");
        samples = SamplesFixtures.writeBlobs(dir.resolve("blobs.h5"), 2000, 17);
    }

    private static int train(Path out, String... extra) {
        List<String> args = new ArrayList<>(List.of(
                "neos",
                "--samples",
                samples.toString(),
                "--analysis",
                ProfiledObjectiveTest.ANALYSIS.toString(),
                "--benchmark",
                "0",
                "--seed",
                "5",
                "--hidden",
                "16,16",
                "--batch-size",
                "250",
                "-o",
                out.toString()));
        args.addAll(List.of(extra));
        return StepMain.execute(new TrainCommand(), args.toArray(new String[0]));
    }

    @Test
    void trainingLowersTheExpectedClsAndIsReproducible() throws Exception {
        Path a = dir.resolve("a"), b = dir.resolve("b");
        assertEquals(0, train(a, "--epochs", "6", "--patience", "6"));
        assertEquals(0, train(b, "--epochs", "6", "--patience", "6"));
        for (String f : List.of(TrainedNetwork.SPEC, TrainedNetwork.WEIGHTS, TrainedNetwork.HISTORY)) {
            assertArrayEquals(Files.readAllBytes(a.resolve(f)), Files.readAllBytes(b.resolve(f)), f);
        }
        for (String png : List.of("history.png", "histograms.png", "output_plane.png"))
            assertTrue(Files.size(a.resolve(png)) > 5000, png);
        List<String> history = Files.readAllLines(a.resolve(TrainedNetwork.HISTORY));
        double first = Double.parseDouble(history.get(1).split(",")[2]);
        try (TrainedNetwork net = TrainedNetwork.load(a)) {
            double best = net.spec().bestValidationLoss();
            assertTrue(best < first, "validation CLs falls from " + first + " to " + best);
            assertTrue(best > 0 && best < 0.01, "expected CLs " + best);
            assertEquals("neos", net.spec().kind());
            assertEquals(4, net.spec().outputs());
        }
    }

    @Test
    void kernelDensityHistogramsTrainAOneOutputNetwork() throws Exception {
        Path k = dir.resolve("kde");
        assertEquals(0, train(k, "--epochs", "4", "--histogram", "kde", "--bandwidth", "0.1"));
        try (TrainedNetwork net = TrainedNetwork.load(k)) {
            assertEquals("kde", net.spec().histogram());
            assertEquals(1, net.spec().outputs());
            assertEquals(4, net.spec().bins());
            assertEquals(0.1, net.spec().bandwidth());
            assertTrue(
                    net.spec().bestValidationLoss() < 0.01,
                    "expected CLs " + net.spec().bestValidationLoss());
        }
        assertTrue(Files.size(k.resolve("output_plane.png")) > 5000);
        assertEquals(2, train(dir.resolve("x5"), "--histogram", "kde", "--bandwidth", "0"));
        // cross-entropy on the kde network's output, for comparison; it needs the one sigmoid output
        Path bce = dir.resolve("bce");
        assertEquals(0, train(bce, "--epochs", "3", "--histogram", "kde", "--objective", "bce"));
        List<String> history = Files.readAllLines(bce.resolve(TrainedNetwork.HISTORY));
        double first = Double.parseDouble(history.get(1).split(",")[2]);
        double last = Double.parseDouble(history.get(history.size() - 1).split(",")[2]);
        assertTrue(last > 0 && last < first, "validation cross-entropy falls from " + first + " to " + last);
        assertEquals(2, train(dir.resolve("x7"), "--objective", "bce"));
        assertEquals(2, train(dir.resolve("x6"), "--histogram", "gauss"));
    }

    @Test
    void theOtherObjectivesTrainToo() {
        assertEquals(0, train(dir.resolve("d"), "--epochs", "2", "--objective", "discovery"));
        assertEquals(0, train(dir.resolve("s"), "--epochs", "2", "--objective", "sigma"));
    }

    @Test
    void rejectsBadInputWithExitTwo() {
        assertEquals(2, train(dir.resolve("x1"), "--objective", "likelihood"));
        assertEquals(2, train(dir.resolve("x2"), "--mu", "-1"));
        assertEquals(2, train(dir.resolve("x3"), "--bins", "1"));
        assertEquals(
                2,
                StepMain.execute(
                        new TrainCommand(),
                        "neos",
                        "--samples",
                        samples.toString(),
                        "--analysis",
                        ProfiledObjectiveTest.ANALYSIS.toString().replace("neos-blobs", "inferno-paper"),
                        "--benchmark",
                        "0",
                        "--seed",
                        "1",
                        "-o",
                        dir.resolve("x4").toString()));
        for (String x : List.of("x1", "x2", "x3", "x4")) assertFalse(Files.exists(dir.resolve(x)), x);
    }
}
