package org.infera.shift;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.infera.core.cli.StepMain;
import org.infera.core.data.SamplesFile;
import org.infera.core.data.SamplesFixtures;
import org.infera.core.data.Split;
import org.infera.core.data.TemplatesFile;
import org.infera.nn.ModelFixtures;
import org.infera.nn.NetworkSpec;
import org.infera.nn.Standardisation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShiftCommandTest {
    @TempDir
    static Path dir;

    static Path samples;
    static Path model;
    static Path analysis =
            Path.of(System.getProperty("infera.repo", "../..")).resolve("params/analysis/inferno-paper.json");

    @BeforeAll
    static void trainAModel() {
        System.setProperty("ai.djl.offline", "true");
        samples = SamplesFixtures.write(dir.resolve("samples.h5"), 2000, 5);
        SamplesFile file = SamplesFile.read(samples);
        model = ModelFixtures.linearClassifier(dir.resolve("model"), List.of(file.features()), file.split(Split.TRAIN));
    }

    private static int shift(Path out, String... extra) {
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of(
                "templates",
                "--model",
                model.toString(),
                "--samples",
                samples.toString(),
                "--analysis",
                analysis.toString(),
                "-o",
                out.toString()));
        args.addAll(java.util.List.of(extra));
        return StepMain.execute(new ShiftCommand(), args.toArray(new String[0]));
    }

    @Test
    void templatesCarryTheExpectedYieldsAndTheShiftsMoveEvents() throws Exception {
        Path out = dir.resolve("t.h5");
        assertEquals(0, shift(out));
        TemplatesFile t = TemplatesFile.read(out);
        assertEquals(10, t.bins());
        assertEquals(50, sum(t.nominal()[0]), 1e-9);
        assertEquals(1000, sum(t.nominal()[1]), 1e-9);
        assertEquals(2, t.nuisances().size());
        for (TemplatesFile.NuisanceTemplate n : t.nuisances()) {
            assertEquals(1, n.process());
            assertEquals(1000, sum(n.up()), 1e-9, n.name() + " moves events between bins, never out of the histogram");
            assertEquals(1000, sum(n.down()), 1e-9);
            assertFalse(java.util.Arrays.equals(n.up(), n.down()), n.name());
        }
        // r > 0 moves background away from the signal at the origin: fewer background events in the signal-like half of
        // the bins.
        TemplatesFile.NuisanceTemplate r = t.nuisances().get(0);
        double up = 0, down = 0;
        for (int b = 5; b < 10; b++) {
            up += r.up()[b];
            down += r.down()[b];
        }
        assertTrue(up < down, "signal-like half: r up " + up + " vs down " + down);
        Path again = dir.resolve("t2.h5");
        assertEquals(0, shift(again));
        assertArrayEquals(Files.readAllBytes(out), Files.readAllBytes(again));
    }

    @Test
    void samplesInShardsGiveTheTemplatesOfTheWholeSample() throws Exception {
        // the same events cut into two consecutive halves: histograms filled file by file add up exactly
        org.infera.core.data.SamplesFile whole = org.infera.core.data.SamplesFile.read(samples);
        Path[] halves = {dir.resolve("half_0.h5"), dir.resolve("half_1.h5")};
        for (int h = 0; h < 2; h++) {
            java.util.Map<org.infera.core.data.Split, org.infera.core.data.Sample> splits =
                    new java.util.EnumMap<>(org.infera.core.data.Split.class);
            for (org.infera.core.data.Split s : org.infera.core.data.Split.values()) {
                org.infera.core.data.Sample all = whole.split(s);
                int from = h == 0 ? 0 : all.size() / 2, to = h == 0 ? all.size() / 2 : all.size();
                splits.put(
                        s,
                        new org.infera.core.data.Sample(
                                java.util.Arrays.copyOfRange(all.x(), from, to),
                                java.util.Arrays.copyOfRange(all.label(), from, to),
                                java.util.Arrays.copyOfRange(all.process(), from, to),
                                java.util.Arrays.copyOfRange(all.weight(), from, to)));
            }
            new org.infera.core.data.SamplesFile(
                            whole.features(),
                            whole.processes(),
                            whole.expectedYields(),
                            whole.isSignal(),
                            whole.seed(),
                            splits)
                    .write(halves[h]);
        }
        Path one = dir.resolve("whole.h5"), two = dir.resolve("halves.h5");
        assertEquals(0, shift(one));
        assertEquals(
                0,
                StepMain.execute(
                        new ShiftCommand(),
                        "templates",
                        "--model",
                        model.toString(),
                        "--samples",
                        halves[1].toString(),
                        halves[0].toString(),
                        "--analysis",
                        analysis.toString(),
                        "-o",
                        two.toString()));
        TemplatesFile a = TemplatesFile.read(one), b = TemplatesFile.read(two);
        for (int p = 0; p < 2; p++) {
            assertArrayEquals(a.nominal()[p], b.nominal()[p], 1e-9 * sum(a.nominal()[p]));
            assertArrayEquals(a.mcCounts()[p], b.mcCounts()[p]);
        }
        for (int k = 0; k < a.nuisances().size(); k++)
            assertArrayEquals(a.nuisances().get(k).up(), b.nuisances().get(k).up(), 1e-9 * 1000);
    }

    @Test
    void rejectsBadInputWithExitTwo() throws Exception {
        Path out = dir.resolve("bad.h5");
        assertEquals(2, shift(out, "--bins", "0"));
        assertEquals(2, shift(out, "--split", "holdout"));
        Path other = Files.writeString(
                dir.resolve("other.json"), Files.readString(analysis).replace("\"x2\"", "\"x3\""));
        assertEquals(
                2,
                StepMain.execute(
                        new ShiftCommand(),
                        "templates",
                        "--model",
                        model.toString(),
                        "--samples",
                        samples.toString(),
                        "--analysis",
                        other.toString(),
                        "-o",
                        out.toString()));
        assertEquals(
                2,
                StepMain.execute(
                        new ShiftCommand(),
                        "templates",
                        "--model",
                        dir.toString(),
                        "--samples",
                        samples.toString(),
                        "--analysis",
                        analysis.toString(),
                        "-o",
                        out.toString()));
        assertFalse(Files.exists(out));
    }

    private static double sum(double[] v) {
        return java.util.Arrays.stream(v).sum();
    }

    @Test
    void infernoTemplatesUseTheArgmaxOfTheSoftmaxOutputs() throws Exception {
        Path inferno = dir.resolve("inferno");
        SamplesFile file = SamplesFile.read(samples);
        double[] mean = Standardisation.mean(file.split(Split.TRAIN).x());
        ModelFixtures.untrained(
                inferno,
                new NetworkSpec(
                        "inferno",
                        List.of(file.features()),
                        mean,
                        Standardisation.std(file.split(Split.TRAIN).x(), mean),
                        List.of(16),
                        "relu",
                        6,
                        1,
                        2,
                        2,
                        0.5,
                        "test",
                        0.1,
                        1));
        Path out = dir.resolve("inferno.h5");
        assertEquals(
                0,
                StepMain.execute(
                        new ShiftCommand(),
                        "templates",
                        "--model",
                        inferno.toString(),
                        "--samples",
                        samples.toString(),
                        "--analysis",
                        analysis.toString(),
                        "--statistic",
                        "inferno_bm1",
                        "-o",
                        out.toString()));
        TemplatesFile t = TemplatesFile.read(out);
        assertEquals(6, t.bins(), "one bin per softmax output, whatever --bins says");
        assertArrayEquals(new double[] {0, 1, 2, 3, 4, 5, 6}, t.binEdges(), 0);
        assertEquals(50, sum(t.nominal()[0]), 1e-9);
        assertEquals("inferno_bm1", t.statistic());
    }

    /** A network of the given kind on the samples' features, with random weights from the seed. */
    private static Path untrained(String kind, long seed, int outputs) {
        SamplesFile file = SamplesFile.read(samples);
        double[] mean = Standardisation.mean(file.split(Split.TRAIN).x());
        boolean binned = !kind.equals("classifier");
        return ModelFixtures.untrained(
                dir.resolve(kind + "_seed" + seed),
                new NetworkSpec(
                        kind,
                        List.of(file.features()),
                        mean,
                        Standardisation.std(file.split(Split.TRAIN).x(), mean),
                        List.of(16),
                        "relu",
                        outputs,
                        seed,
                        2,
                        2,
                        0.5,
                        "test",
                        binned ? 0.1 : null,
                        binned ? 1 : null));
    }

    /**
     * A classifier ensemble's templates bin the members' mean probability: each process's nominal histogram equals
     * the one the test fills from each member's own outputs.
     */
    @Test
    void classifierEnsembleTemplatesBinTheMeanProbability() throws Exception {
        Path other = untrained("classifier", 7, 1);
        Path out = dir.resolve("ensemble.h5");
        assertEquals(
                0,
                StepMain.execute(
                        new ShiftCommand(),
                        "templates",
                        "--model",
                        model.toString(),
                        other.toString(),
                        "--samples",
                        samples.toString(),
                        "--analysis",
                        analysis.toString(),
                        "-o",
                        out.toString()));
        TemplatesFile t = TemplatesFile.read(out);
        org.infera.core.data.Sample test = SamplesFile.read(samples).split(Split.TEST);
        try (org.infera.nn.TrainedNetwork a = org.infera.nn.TrainedNetwork.load(model);
                org.infera.nn.TrainedNetwork b = org.infera.nn.TrainedNetwork.load(other)) {
            for (int p = 0; p < 2; p++) {
                double[][] x = test.rowsOfProcess(p);
                double[] w = test.weightsOfProcess(p), expected = new double[10];
                float[][] la = a.outputs(x), lb = b.outputs(x);
                for (int i = 0; i < x.length; i++) {
                    double prob = (1 / (1 + Math.exp(-la[i][0])) + 1 / (1 + Math.exp(-lb[i][0]))) / 2;
                    expected[Math.min(9, (int) (prob * 10))] += w[i];
                }
                assertArrayEquals(expected, t.nominal()[p], 1e-9, "process " + p);
            }
        }
    }

    /** INFERNO's bins are labelled arbitrarily by each training: two INFERNO networks are refused (exit 2). */
    @Test
    void infernoNetworksAreNotAveraged() {
        Path out = dir.resolve("inferno-ensemble.h5");
        assertEquals(
                2,
                StepMain.execute(
                        new ShiftCommand(),
                        "templates",
                        "--model",
                        untrained("inferno", 8, 6).toString(),
                        untrained("inferno", 9, 6).toString(),
                        "--samples",
                        samples.toString(),
                        "--analysis",
                        analysis.toString(),
                        "-o",
                        out.toString()));
        assertFalse(Files.exists(out));
    }
}
