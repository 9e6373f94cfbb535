package org.infera.train.classifier;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.infera.core.cli.StepMain;
import org.infera.core.data.Sample;
import org.infera.core.data.SamplesFile;
import org.infera.core.data.SamplesFixtures;
import org.infera.core.data.Split;
import org.infera.nn.TrainedNetwork;
import org.infera.train.TrainCommand;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassifierCommandTest {
    @TempDir
    static Path dir;

    static Path samples;

    @BeforeAll
    static void data() {
        System.setProperty("ai.djl.offline", "true");
        samples = SamplesFixtures.write(dir.resolve("samples.h5"), 1500, 11);
    }

    private static int train(Path out, String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of(
                "classifier",
                "--samples",
                samples.toString(),
                "--seed",
                "3",
                "--hidden",
                "16,16",
                "--batch-size",
                "128",
                "-o",
                out.toString()));
        args.addAll(List.of(extra));
        return StepMain.execute(new TrainCommand(), args.toArray(new String[0]));
    }

    @Test
    void sameSeedGivesByteIdenticalModels() throws Exception {
        Path a = dir.resolve("a"), b = dir.resolve("b");
        assertEquals(0, train(a, "--epochs", "3"));
        assertEquals(0, train(b, "--epochs", "3"));
        for (String f : List.of(TrainedNetwork.SPEC, TrainedNetwork.WEIGHTS, TrainedNetwork.HISTORY)) {
            assertArrayEquals(Files.readAllBytes(a.resolve(f)), Files.readAllBytes(b.resolve(f)), f);
        }
        assertEquals(4, Files.readAllLines(a.resolve(TrainedNetwork.HISTORY)).size(), "header and 3 epochs");
    }

    /**
     * Ensemble members: member k is trained with Rng.derivedSeed(--seed, k), the same member twice gives the same
     * bytes, another member other weights; without --member the seed is --seed itself.
     */
    @Test
    void ensembleMembersAreTrainingsWithDerivedSeeds() throws Exception {
        Path m1 = dir.resolve("m1"), again = dir.resolve("m1-again"), m2 = dir.resolve("m2"), plain = dir.resolve("p");
        assertEquals(0, train(m1, "--epochs", "2", "--member", "1"));
        assertEquals(0, train(again, "--epochs", "2", "--member", "1"));
        assertEquals(0, train(m2, "--epochs", "2", "--member", "2"));
        assertEquals(0, train(plain, "--epochs", "2"));
        for (String f : List.of(TrainedNetwork.SPEC, TrainedNetwork.WEIGHTS, TrainedNetwork.HISTORY))
            assertArrayEquals(Files.readAllBytes(m1.resolve(f)), Files.readAllBytes(again.resolve(f)), f);
        assertFalse(java.util.Arrays.equals(
                Files.readAllBytes(m1.resolve(TrainedNetwork.WEIGHTS)),
                Files.readAllBytes(m2.resolve(TrainedNetwork.WEIGHTS))));
        try (TrainedNetwork a = TrainedNetwork.load(m1);
                TrainedNetwork b = TrainedNetwork.load(m2);
                TrainedNetwork p = TrainedNetwork.load(plain)) {
            assertEquals(org.infera.core.random.Rng.derivedSeed(3, 1), a.spec().seed());
            assertEquals(org.infera.core.random.Rng.derivedSeed(3, 2), b.spec().seed());
            assertEquals(3, p.spec().seed());
        }
        Path refused = dir.resolve("refused");
        assertEquals(2, train(refused, "--epochs", "1", "--member", "-1"));
        assertFalse(Files.exists(refused));
    }

    @Test
    void learnsAndRestoresTheWeightsOfTheBestEpoch() throws Exception {
        Path out = dir.resolve("best");
        // A large learning rate makes the validation loss wander, so the last epoch is rarely the best.
        assertEquals(0, train(out, "--epochs", "12", "--patience", "12", "--learning-rate", "0.03"));
        List<String> history = Files.readAllLines(out.resolve(TrainedNetwork.HISTORY));
        double best = Double.POSITIVE_INFINITY;
        for (String line : history.subList(1, history.size()))
            best = Math.min(best, Double.parseDouble(line.split(",")[2]));
        try (TrainedNetwork net = TrainedNetwork.load(out)) {
            assertEquals(best, net.spec().bestValidationLoss(), 1e-12);
            Sample validation = SamplesFile.read(samples).split(Split.VALIDATION);
            double restored = weightedLoss(net, validation);
            assertEquals(best, restored, 1e-5, "the saved weights reproduce the best validation loss");
            assertTrue(restored < Math.log(2) - 0.1, "better than guessing: " + restored);
        }
    }

    @Test
    void lossMatchesTheClosedForm() {
        try (NDManager m = NDManager.newBaseManager()) {
            float[] z = {-3, -0.5f, 0, 2, 7};
            float[] y = {0, 1, 1, 0, 1};
            float[] w = {1, 2, 0.5f, 3, 1};
            double num = 0, den = 0;
            for (int i = 0; i < z.length; i++) {
                double p = 1 / (1 + Math.exp(-z[i]));
                num += w[i] * -(y[i] * Math.log(p) + (1 - y[i]) * Math.log(1 - p));
                den += w[i];
            }
            float loss = new WeightedBinaryCrossEntropy()
                    .evaluate(new NDList(m.create(y), m.create(w)), new NDList(m.create(z)))
                    .getFloat();
            assertEquals(num / den, loss, 1e-6);
        }
    }

    @Test
    void rejectsBadInputWithExitTwo() throws Exception {
        Path out = dir.resolve("bad");
        assertEquals(
                2,
                StepMain.execute(
                        new TrainCommand(),
                        "classifier",
                        "--samples",
                        dir.resolve("none.h5").toString(),
                        "--seed",
                        "1",
                        "-o",
                        out.toString()));
        assertEquals(2, train(out, "--epochs", "0"));
        assertEquals(2, train(out, "--activation", "sigmoidish"));
        Path text = Files.writeString(dir.resolve("text.h5"), "x");
        assertEquals(
                2,
                StepMain.execute(
                        new TrainCommand(),
                        "classifier",
                        "--samples",
                        text.toString(),
                        "--seed",
                        "1",
                        "-o",
                        out.toString()));
        assertEquals(2, StepMain.execute(new TrainCommand()));
        assertFalse(Files.exists(out));
    }

    /** Class-balanced binary cross-entropy of the network on a sample, computed here in double precision. */
    private static double weightedLoss(TrainedNetwork net, Sample s) {
        float[][] logits = net.outputs(s.x());
        long signal = java.util.Arrays.stream(s.label()).sum();
        double wS = s.size() / (2.0 * signal), wB = s.size() / (2.0 * (s.size() - signal));
        double num = 0, den = 0;
        for (int i = 0; i < s.size(); i++) {
            double z = logits[i][0];
            double y = s.label()[i];
            double w = y == 1 ? wS : wB;
            num += w * (Math.max(z, 0) - z * y + Math.log1p(Math.exp(-Math.abs(z))));
            den += w;
        }
        return num / den;
    }
}
