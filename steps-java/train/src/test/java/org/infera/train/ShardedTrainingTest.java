package org.infera.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.infera.core.analysis.Analysis;
import org.infera.core.cli.StepMain;
import org.infera.core.data.Sample;
import org.infera.core.data.SamplesFile;
import org.infera.core.data.SamplesFixtures;
import org.infera.core.data.Split;
import org.infera.core.physics.InfernoPaperProblem;
import org.infera.nn.Standardisation;
import org.infera.nn.TrainedNetwork;
import org.infera.train.inferno.FisherLayout;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Training on a run's shards: statistics and losses over all shards, whether the events stay in
 * memory or are read one shard at a time, and the same network either way.
 */
class ShardedTrainingTest {
    static final Path ANALYSIS =
            Path.of(System.getProperty("infera.repo", "../..")).resolve("params/analysis/inferno-paper.json");

    @TempDir
    static Path dir;

    static List<Path> shards;

    @BeforeAll
    static void data() {
        System.setProperty("ai.djl.offline", "true");
        // Shards of unequal size, as a generator's jobs may leave them.
        shards = List.of(
                SamplesFixtures.write(dir.resolve("s0.h5"), 900, 31),
                SamplesFixtures.write(dir.resolve("s1.h5"), 500, 32),
                SamplesFixtures.write(dir.resolve("s2.h5"), 700, 33));
    }

    private static int train(String kind, Path out, boolean reversed, String... extra) {
        List<String> args =
                new ArrayList<>(List.of(kind, "--seed", "3", "--hidden", "16,16", "-o", out.toString(), "--samples"));
        List<Path> files = new ArrayList<>(shards);
        if (reversed) java.util.Collections.reverse(files);
        for (Path p : files) args.add(p.toString());
        args.addAll(List.of(extra));
        return StepMain.execute(new TrainCommand(), args.toArray(new String[0]));
    }

    @Test
    void standardisationOverShardsEqualsThatOfTheConcatenatedEvents() {
        TrainingShards streamed = TrainingShards.open(shards, 0);
        assertFalse(streamed.resident());
        assertTrue(TrainingShards.open(shards, Long.MAX_VALUE).resident());
        Sample all = SamplesFile.readAll(shards, EnumSet.of(Split.TRAIN)).split(Split.TRAIN);
        double[] mean = Standardisation.mean(all.x());
        assertArrayEquals(mean, streamed.mean(), 0.0);
        assertArrayEquals(Standardisation.std(all.x(), mean), streamed.std(mean), 0.0);
        assertEquals(2 * (900 + 500 + 700), streamed.size(Split.TRAIN));
        assertEquals(900 + 500 + 700, streamed.signal(Split.TRAIN));
    }

    @Test
    void residentAndStreamedShardsTrainTheSameNetwork() throws Exception {
        String analysis = ANALYSIS.toString();
        Map<String, String[]> kinds = Map.of(
                "classifier", new String[] {"--epochs", "2", "--batch-size", "128"},
                "inferno",
                        new String[] {"--epochs", "2", "--batch-size", "200", "--analysis", analysis, "--benchmark", "2"
                        },
                "neos",
                        new String[] {"--epochs", "2", "--batch-size", "200", "--analysis", analysis, "--benchmark", "1"
                        });
        for (var kind : kinds.entrySet()) {
            Path resident = dir.resolve(kind.getKey() + "-resident"),
                    streamed = dir.resolve(kind.getKey() + "-streamed");
            assertEquals(0, train(kind.getKey(), resident, false, kind.getValue()));
            List<String> args = new ArrayList<>(List.of(kind.getValue()));
            args.addAll(List.of("--resident-mib", "0"));
            assertEquals(0, train(kind.getKey(), streamed, true, args.toArray(new String[0])));
            for (String f : List.of(TrainedNetwork.SPEC, TrainedNetwork.WEIGHTS, TrainedNetwork.HISTORY)) {
                assertArrayEquals(
                        Files.readAllBytes(resident.resolve(f)),
                        Files.readAllBytes(streamed.resolve(f)),
                        kind.getKey() + " " + f);
            }
        }
    }

    @Test
    void classifierValidationLossIsTheClassBalancedLossOverEveryShard() throws Exception {
        Path out = dir.resolve("classifier-loss");
        assertEquals(0, train("classifier", out, false, "--epochs", "2", "--resident-mib", "0"));
        Sample v = SamplesFile.readAll(shards, EnumSet.of(Split.VALIDATION)).split(Split.VALIDATION);
        try (TrainedNetwork net = TrainedNetwork.load(out)) {
            float[][] z = net.outputs(v.x());
            long signal = java.util.Arrays.stream(v.label()).sum();
            double wS = v.size() / (2.0 * signal), wB = v.size() / (2.0 * (v.size() - signal));
            double num = 0, den = 0;
            for (int i = 0; i < v.size(); i++) {
                double w = v.label()[i] == 1 ? wS : wB;
                num += w * (Math.max(z[i][0], 0) - z[i][0] * v.label()[i] + Math.log1p(Math.exp(-Math.abs(z[i][0]))));
                den += w;
            }
            assertEquals(num / den, net.spec().bestValidationLoss(), 2e-6);
        }
    }

    @Test
    void infernoValidationLossIsTheFisherBoundOfTheSoftHistogramsOverEveryShard() throws Exception {
        Path out = dir.resolve("inferno-loss");
        double tau = 0.5;
        assertEquals(
                0,
                train(
                        "inferno",
                        out,
                        false,
                        "--epochs",
                        "1",
                        "--batch-size",
                        "200",
                        "--bins",
                        "4",
                        "--temperature",
                        "0.5",
                        "--analysis",
                        ANALYSIS.toString(),
                        "--benchmark",
                        "0",
                        "--resident-mib",
                        "0"));
        Analysis analysis = Analysis.read(ANALYSIS);
        FisherLayout layout = FisherLayout.of(analysis, 0);
        assertEquals(1, layout.parameters().size(), "benchmark 0: the signal yield alone");
        Sample v = SamplesFile.readAll(shards, EnumSet.of(Split.VALIDATION)).split(Split.VALIDATION);
        try (TrainedNetwork net = TrainedNetwork.load(out)) {
            double[][] f = new double[2][4];
            for (int p = 0; p < 2; p++) {
                double[][] rows = v.rowsOfProcess(p);
                for (float[] z : net.outputs(rows)) {
                    double max = Math.max(Math.max(z[0], z[1]), Math.max(z[2], z[3])), norm = 0;
                    double[] e = new double[4];
                    for (int j = 0; j < 4; j++) norm += e[j] = Math.exp((z[j] - max) / tau);
                    for (int j = 0; j < 4; j++) f[p][j] += e[j] / norm / rows.length;
                }
            }
            // σ_s² = 1 / Σ_i (∂ν_i/∂s)² / ν_i with ν = s f_s + b f_b and s, b the expected yields.
            double s = layout.yields()[0], b = layout.yields()[1], info = 0;
            for (int j = 0; j < 4; j++) info += f[0][j] * f[0][j] / (s * f[0][j] + b * f[1][j]);
            assertEquals(1 / info, net.spec().bestValidationLoss(), 1e-4 / info);
        }
    }

    @Test
    void aShardWithoutEveryProcessIsRejected() throws Exception {
        Map<Split, Sample> splits = new EnumMap<>(Split.class);
        for (Split s : Split.values()) {
            double[][] x = new double[20][];
            org.infera.core.random.Rng rng = new org.infera.core.random.Rng(5);
            for (int i = 0; i < x.length; i++) x[i] = InfernoPaperProblem.background(rng, 0, 3);
            splits.put(s, new Sample(x, new long[20], filled(20, 1), filledDouble(20, 50)));
        }
        Path onlyBackground = dir.resolve("s3-background-only.h5");
        new SamplesFile(
                        InfernoPaperProblem.FEATURES,
                        InfernoPaperProblem.PROCESSES,
                        new double[] {50, 1000},
                        new long[] {1, 0},
                        9,
                        splits)
                .write(onlyBackground);
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        int code;
        Path out = dir.resolve("no-signal");
        try {
            code = StepMain.execute(
                    new TrainCommand(),
                    "inferno",
                    "--seed",
                    "1",
                    "-o",
                    out.toString(),
                    "--analysis",
                    ANALYSIS.toString(),
                    "--benchmark",
                    "0",
                    "--samples",
                    shards.get(0).toString(),
                    onlyBackground.toString());
        } finally {
            System.setErr(err);
        }
        assertEquals(2, code);
        String message = captured.toString(StandardCharsets.UTF_8);
        assertTrue(
                message.contains("s3-background-only.h5")
                        && message.contains("train/process")
                        && message.contains("'signal'"),
                message);
        assertFalse(Files.exists(out));
        assertEquals(2, train("classifier", dir.resolve("bad-budget"), false, "--resident-mib", "-1"));
    }

    private static long[] filled(int n, long v) {
        long[] a = new long[n];
        java.util.Arrays.fill(a, v);
        return a;
    }

    private static double[] filledDouble(int n, double v) {
        double[] a = new double[n];
        java.util.Arrays.fill(a, v);
        return a;
    }
}
