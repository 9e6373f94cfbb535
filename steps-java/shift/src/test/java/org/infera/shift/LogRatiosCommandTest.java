package org.infera.shift;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.infera.core.cli.Progress;
import org.infera.core.cli.StepMain;
import org.infera.core.data.EstimatedLogRatiosFile;
import org.infera.core.data.MadMinerEventFile;
import org.infera.core.physics.EftToy;
import org.infera.nn.ModelFixtures;
import org.infera.nn.NetworkSpec;
import org.infera.nn.TrainedNetwork;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * infera-shift log-ratios: each event's log r̂ at each grid point is the network's output at (x, θ_g), computed here
 * one input row at a time; an ensemble's is the mean of its members', stored with each member's; the grid points are
 * numbered with the last parameter fastest.
 */
class LogRatiosCommandTest {
    @TempDir
    static Path dir;

    static Path events, member0, member1;
    static MadMinerEventFile f;

    @BeforeAll
    static void eventsAndModels() {
        System.setProperty("ai.djl.offline", "true");
        events = dir.resolve("eft.h5");
        try (Progress progress = new Progress("test", 150, "events")) {
            EftToy.events(150, 150, 1, progress).write(events);
        }
        f = MadMinerEventFile.read(events);
        member0 = ModelFixtures.untrained(dir.resolve("m0"), spec(3));
        member1 = ModelFixtures.untrained(dir.resolve("m1"), spec(4));
    }

    private static NetworkSpec spec(long seed) {
        return new NetworkSpec(
                        "ratio",
                        List.of(
                                f.observables()[0],
                                f.observables()[1],
                                "theta0:" + f.parameters()[0],
                                "theta0:" + f.parameters()[1]),
                        new double[] {0.1, 0.2, 0, 0},
                        new double[] {1.1, 0.9, 0.6, 0.6},
                        List.of(8),
                        "tanh",
                        1,
                        seed,
                        1,
                        1,
                        0.5,
                        "test",
                        null,
                        null)
                .withRatio(new NetworkSpec.Ratio("alices", 1, List.of(f.parameters()), new double[] {0, 0}));
    }

    private static int run(StringWriter err, String... args) {
        return StepMain.execute(new ShiftCommand(), new PrintWriter(new StringWriter()), new PrintWriter(err), args);
    }

    @Test
    void logRatiosAreTheNetworksOutputsAtEveryGridPoint() {
        Path out = dir.resolve("log-ratios");
        StringWriter err = new StringWriter();
        int code = run(
                err,
                "log-ratios",
                "--model",
                member0.toString(),
                member1.toString(),
                "--grid=-0.4:0.4:3,-1:1:5",
                "--events",
                events.toString(),
                "-o",
                out.toString());
        assertEquals(0, code, err.toString());
        EstimatedLogRatiosFile r = EstimatedLogRatiosFile.read(out.resolve("eft.h5"));
        assertEquals(15, r.grid().length);
        assertArrayEquals(new double[] {-0.4, -0.5}, r.grid()[1], 1e-12); // the last parameter fastest
        assertArrayEquals(new double[] {0, -1}, r.grid()[5], 1e-12);
        assertEquals(2, r.members());
        assertEquals("alices", r.loss());
        assertEquals(150, r.events());
        try (TrainedNetwork n0 = TrainedNetwork.load(member0);
                TrainedNetwork n1 = TrainedNetwork.load(member1)) {
            for (int e = 0; e < 10; e++) {
                double[] x = f.observations()[e];
                for (int g = 0; g < r.grid().length; g++) {
                    double[][] in = {{x[0], x[1], r.grid()[g][0], r.grid()[g][1]}};
                    double o0 = n0.outputs(in)[0][0], o1 = n1.outputs(in)[0][0];
                    assertEquals((o0 + o1) / 2, r.logR()[e][g], 1e-6, "event " + e + " point " + g);
                    assertEquals(o0, r.memberLogR()[0][e][g], 1e-6, "member 0, event " + e + " point " + g);
                    assertEquals(o1, r.memberLogR()[1][e][g], 1e-6, "member 1, event " + e + " point " + g);
                }
            }
        }
        // the same inputs give the same bytes
        Path again = dir.resolve("again");
        assertEquals(
                0,
                run(
                        new StringWriter(),
                        "log-ratios",
                        "--model",
                        member0.toString(),
                        member1.toString(),
                        "--grid=-0.4:0.4:3,-1:1:5",
                        "--events",
                        events.toString(),
                        "-o",
                        again.toString()));
        assertEquals(-1L, mismatch(out.resolve("eft.h5"), again.resolve("eft.h5")));
    }

    private static long mismatch(Path a, Path b) {
        try {
            return Files.mismatch(a, b);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void badInputIsRefused() throws Exception {
        StringWriter err = new StringWriter();
        Path out = dir.resolve("bad");
        // one range for two parameters
        assertEquals(
                2,
                run(
                        err,
                        "log-ratios",
                        "--model",
                        member0.toString(),
                        "--grid=-0.4:0.4:3",
                        "--events",
                        events.toString(),
                        "-o",
                        out.toString()));
        assertTrue(err.toString().contains("--grid has 1 ranges for 2 parameters"), err.toString());
        // a score model is no ratio estimator
        NetworkSpec sally = new NetworkSpec(
                "sally",
                List.of(f.observables()),
                new double[] {0, 0},
                new double[] {1, 1},
                List.of(4),
                "tanh",
                2,
                5,
                1,
                1,
                0.5,
                "test",
                null,
                null);
        Path sallyModel = ModelFixtures.untrained(dir.resolve("sally"), sally);
        err = new StringWriter();
        assertEquals(
                2,
                run(
                        err,
                        "log-ratios",
                        "--model",
                        sallyModel.toString(),
                        "--grid=-0.4:0.4:3,-1:1:5",
                        "--events",
                        events.toString(),
                        "-o",
                        out.toString()));
        assertTrue(
                err.toString().contains("model.json") && err.toString().contains("no likelihood ratio"),
                err.toString());
        assertFalse(Files.exists(out));
    }
}
