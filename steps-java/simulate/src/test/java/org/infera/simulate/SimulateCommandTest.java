package org.infera.simulate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import org.infera.core.cli.StepMain;
import org.infera.core.data.EventsFile;
import org.infera.core.physics.NeosBlobs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulateCommandTest {
    @TempDir
    Path dir;

    private int run(String... args) {
        return StepMain.execute(new SimulateCommand(), args);
    }

    @Test
    void sameSeedGivesByteIdenticalFiles() throws Exception {
        Path a = dir.resolve("a.h5"), b = dir.resolve("b.h5");
        assertEquals(0, run("inferno-paper", "--events", "2000", "--seed", "5", "-o", a.toString()));
        assertEquals(0, run("inferno-paper", "--events", "2000", "--seed", "5", "-o", b.toString()));
        assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b));
    }

    @Test
    void eventsFollowThePaperDistributions() {
        Path out = dir.resolve("e.h5");
        assertEquals(0, run("inferno-paper", "--events", "100000", "--seed", "1", "-o", out.toString()));
        EventsFile e = EventsFile.read(out);
        double[][] sums = new double[2][3];
        int[] n = new int[2];
        for (int i = 0; i < e.size(); i++) {
            int p = (int) e.process()[i];
            n[p]++;
            for (int j = 0; j < 3; j++) sums[p][j] += e.observations()[i][j];
        }
        assertEquals(100000, n[0]);
        assertEquals(100000, n[1]);
        // Means: signal (0, 0, 1/2), background (2, 0, 1/3); tolerance ~5 standard errors.
        double[][] expected = {{0, 0, 0.5}, {2, 0, 1.0 / 3}};
        double[][] sd = {{1, 1, 0.5}, {Math.sqrt(5), 3, 1.0 / 3}};
        for (int p = 0; p < 2; p++) {
            for (int j = 0; j < 3; j++)
                assertEquals(
                        expected[p][j], sums[p][j] / n[p], 5 * sd[p][j] / Math.sqrt(n[p]), "process " + p + " x" + j);
        }
    }

    @Test
    void neosBlobsHaveTheirMeansAndUnitVariances() {
        Path out = dir.resolve("blobs.h5");
        assertEquals(0, run("neos-blobs", "--events", "40000", "--seed", "2", "-o", out.toString()));
        EventsFile e = EventsFile.read(out);
        assertEquals(2, e.observations()[0].length);
        double[][] sum = new double[2][2], sum2 = new double[2][2];
        int[] n = new int[2];
        for (int i = 0; i < e.size(); i++) {
            int p = (int) e.process()[i];
            n[p]++;
            for (int j = 0; j < 2; j++) {
                sum[p][j] += e.observations()[i][j];
                sum2[p][j] += e.observations()[i][j] * e.observations()[i][j];
            }
        }
        double[][] means = {NeosBlobs.SIGNAL_MEAN, NeosBlobs.BACKGROUND_MEAN};
        for (int p = 0; p < 2; p++) {
            for (int j = 0; j < 2; j++) {
                double mean = sum[p][j] / n[p];
                assertEquals(means[p][j], mean, 5 / Math.sqrt(n[p]), "mean of process " + p + ", x" + j); // 5σ
                assertEquals(1, sum2[p][j] / n[p] - mean * mean, 0.05, "variance of process " + p + ", x" + j);
            }
        }
    }

    @Test
    void shardsSplitTheEventsAndDiffer() {
        Path s0 = dir.resolve("s0.h5"), s1 = dir.resolve("s1.h5");
        assertEquals(
                0,
                run(
                        "inferno-paper",
                        "--events",
                        "1001",
                        "--seed",
                        "3",
                        "--shards",
                        "2",
                        "--shard",
                        "0",
                        "-o",
                        s0.toString()));
        assertEquals(
                0,
                run(
                        "inferno-paper",
                        "--events",
                        "1001",
                        "--seed",
                        "3",
                        "--shards",
                        "2",
                        "--shard",
                        "1",
                        "-o",
                        s1.toString()));
        EventsFile a = EventsFile.read(s0), b = EventsFile.read(s1);
        assertEquals(2 * 1001, a.size() + b.size());
        assertFalse(a.observations()[0][0] == b.observations()[0][0]);
    }

    @Test
    void badArgumentsExitWithTwoAndWriteNothing() {
        Path out = dir.resolve("x.h5");
        assertEquals(2, run("inferno-paper", "--events", "0", "--seed", "1", "-o", out.toString()));
        assertEquals(
                2,
                run(
                        "inferno-paper",
                        "--events",
                        "10",
                        "--seed",
                        "1",
                        "--shards",
                        "2",
                        "--shard",
                        "2",
                        "-o",
                        out.toString()));
        assertEquals(2, run("inferno-paper", "--events", "10", "--seed", "1", "--lambda", "-1", "-o", out.toString()));
        assertEquals(2, run("nope", "--events", "10", "--seed", "1", "-o", out.toString()), "no such model");
        assertEquals(2, run("--events", "10", "--seed", "1", "-o", out.toString()), "no model");
        assertEquals(2, run("validate"), "nothing to validate");
        assertEquals(2, run("inferno-paper", "--events", "10", "--seed", "1", "--unknown", "-o", out.toString()));
        assertFalse(Files.exists(out));
    }

    /** GENERATE gives an external generator this seed: the shard seed of infera's own simulation, below 2^31. */
    @Test
    void seedPrintsTheShardSeedOfTheRun() {
        java.io.PrintStream stdout = System.out;
        java.io.ByteArrayOutputStream printed = new java.io.ByteArrayOutputStream();
        System.setOut(new java.io.PrintStream(printed, true));
        try {
            assertEquals(0, run("seed", "--seed", "42", "--shards", "2", "--shard", "1"));
        } finally {
            System.setOut(stdout);
        }
        long expected = org.infera.core.random.Rng.derivedSeed(42, 1) & Integer.MAX_VALUE;
        assertEquals(String.valueOf(expected), printed.toString().strip());
        assertEquals(2, run("seed", "--seed", "42", "--shards", "2", "--shard", "2"));
    }
}
