package org.infera.augment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.infera.core.cli.StepMain;
import org.infera.core.data.EventsFile;
import org.infera.core.data.Sample;
import org.infera.core.data.SamplesFile;
import org.infera.core.data.Split;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AugmentCommandTest {
    @TempDir
    Path dir;

    Path shard0;
    Path shard1;

    @BeforeEach
    void shards() {
        shard0 = dir.resolve("events_shard00000.h5");
        shard1 = dir.resolve("events_shard00001.h5");
        EventsFile a = new EventsFile(
                "t",
                1,
                new String[] {"x"},
                new String[] {"signal", "background"},
                new double[] {50, 1000},
                rows(0, 100),
                alternating(100));
        EventsFile b = new EventsFile(
                "t",
                1,
                new String[] {"x"},
                new String[] {"signal", "background"},
                new double[] {50, 1000},
                rows(100, 100),
                alternating(100));
        a.write(shard0);
        b.write(shard1);
    }

    private static double[][] rows(int from, int n) {
        double[][] x = new double[n][1];
        for (int i = 0; i < n; i++) x[i][0] = from + i;
        return x;
    }

    private static long[] alternating(int n) {
        long[] p = new long[n];
        for (int i = 0; i < n; i++) p[i] = i % 2;
        return p;
    }

    private int run(String... args) {
        String[] split = new String[args.length + 1];
        split[0] = "split";
        System.arraycopy(args, 0, split, 1, args.length);
        return StepMain.execute(new AugmentCommand(), split);
    }

    @Test
    void splitsEveryProcessAndWeightsSumToTheExpectedYields() {
        Path out = dir.resolve("s.h5");
        assertEquals(0, run("--seed", "9", "-o", out.toString(), shard0.toString(), shard1.toString()));
        SamplesFile s = SamplesFile.read(out);
        int[] sizes = {40 + 40, 20 + 20, 40 + 40};
        for (Split split : Split.values()) {
            Sample sample = s.split(split);
            assertEquals(sizes[split.ordinal()], sample.size(), split.group());
            double signal = 0, background = 0;
            for (int i = 0; i < sample.size(); i++) {
                if (sample.label()[i] == 1) signal += sample.weight()[i];
                else background += sample.weight()[i];
            }
            assertEquals(50, signal, 1e-9);
            assertEquals(1000, background, 1e-9);
        }
        assertArrayEquals(new long[] {1, 0}, s.isSignal());
    }

    @Test
    void resultDoesNotDependOnTheOrderOfTheShards() throws Exception {
        Path a = dir.resolve("a.h5"), b = dir.resolve("b.h5");
        assertEquals(0, run("--seed", "9", "-o", a.toString(), shard0.toString(), shard1.toString()));
        assertEquals(0, run("--seed", "9", "-o", b.toString(), shard1.toString(), shard0.toString()));
        assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b));
    }

    @Test
    void oneTaskPerShardGivesSamplesThatTogetherSumToTheYields() {
        Path a = dir.resolve("samples_shard0.h5"), b = dir.resolve("samples_shard1.h5");
        assertEquals(0, run("--seed", "9", "--run-shards", "2", "--shard", "0", "-o", a.toString(), shard0.toString()));
        assertEquals(0, run("--seed", "9", "--run-shards", "2", "--shard", "1", "-o", b.toString(), shard1.toString()));
        for (Path part : new Path[] {a, b}) {
            Sample train = SamplesFile.read(part).split(Split.TRAIN);
            assertEquals(25, sumOfProcess(train, 0), 1e-9, part + ": half the signal yield");
            assertEquals(500, sumOfProcess(train, 1), 1e-9, part + ": half the background yield");
        }
        SamplesFile all = SamplesFile.readAll(List.of(b, a));
        for (Split s : Split.values()) {
            assertEquals(50, sumOfProcess(all.split(s), 0), 1e-9, s.group());
            assertEquals(1000, sumOfProcess(all.split(s), 1), 1e-9, s.group());
        }
        assertEquals(80, all.split(Split.TRAIN).size(), "0.4 of the 200 events");
        assertEquals(
                2,
                run("--seed", "9", "--run-shards", "1", "-o", a.toString(), shard0.toString(), shard1.toString()),
                "fewer shards than files");
        assertEquals(
                2,
                run("--seed", "9", "--run-shards", "2", "--shard", "2", "-o", a.toString(), shard0.toString()),
                "no shard 2 of 2");
    }

    private static double sumOfProcess(Sample s, int process) {
        double sum = 0;
        for (int i = 0; i < s.size(); i++) if (s.process()[i] == process) sum += s.weight()[i];
        return sum;
    }

    @Test
    void rejectsBadInputWithExitTwo() {
        Path out = dir.resolve("bad.h5");
        assertEquals(
                2,
                run(
                        "--seed",
                        "1",
                        "-o",
                        out.toString(),
                        dir.resolve("missing.h5").toString()));
        assertEquals(2, run("--seed", "1", "--fractions", "0.5,0.5,0.5", "-o", out.toString(), shard0.toString()));
        assertEquals(2, run("--seed", "1", "--signal", "higgs", "-o", out.toString(), shard0.toString()));
        Path other = dir.resolve("other.h5");
        new EventsFile(
                        "t",
                        1,
                        new String[] {"y"},
                        new String[] {"signal", "background"},
                        new double[] {50, 1000},
                        rows(0, 10),
                        alternating(10))
                .write(other);
        assertEquals(2, run("--seed", "1", "-o", out.toString(), shard0.toString(), other.toString()));
        assertFalse(Files.exists(out));
    }
}
