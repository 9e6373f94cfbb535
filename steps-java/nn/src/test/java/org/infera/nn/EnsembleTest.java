package org.infera.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.infera.core.cli.InputException;
import org.infera.core.stats.EnsembleSpread;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ensembles of networks whose outputs are known in closed form: one feature x (unstandardised), one tanh unit
 * of weight W, member k's output v_k tanh(W x) + c_k.
 */
class EnsembleTest {
    static final float W = 0.7f;
    static final float[][] MEMBERS = {{1, 0}, {2, 0.5f}, {-0.5f, 1}}; // (v_k, c_k)
    static final double[][] X = {{-2}, {-0.5}, {0}, {1}, {3}};

    @TempDir
    static Path dir;

    static List<Path> members;

    @BeforeAll
    static void members() {
        System.setProperty("ai.djl.offline", "true");
        members = List.of(member(0, "sally", 11), member(1, "sally", 12), member(2, "sally", 13));
    }

    static Path member(int k, String kind, long seed) {
        NetworkSpec spec = new NetworkSpec(
                kind,
                List.of("x"),
                new double[] {0},
                new double[] {1},
                List.of(1),
                "tanh",
                1,
                seed,
                1,
                1,
                0.5,
                "test",
                kind.equals("sally") || kind.equals("classifier") ? null : 0.1,
                kind.equals("sally") || kind.equals("classifier") ? null : 1);
        return ModelFixtures.save(
                dir.resolve(kind + "_m" + k + "_s" + seed),
                spec,
                List.of(new float[] {W}, new float[] {0}, new float[] {MEMBERS[k][0]}, new float[] {MEMBERS[k][1]}));
    }

    static double output(int k, double x) {
        return MEMBERS[k][0] * Math.tanh(W * x) + MEMBERS[k][1];
    }

    @Test
    void theMeanPredictionIsTheMeanOfTheMembersOutputs() {
        try (Ensemble e = Ensemble.load(members, ai.djl.Device.cpu())) {
            assertEquals(3, e.size());
            double[][][] each = e.predictions(X, Ensemble::raw);
            double[][] mean = Ensemble.mean(each);
            for (int i = 0; i < X.length; i++) {
                double x = X[i][0];
                // (1 + 2 − 0.5)/3 tanh(W x) + (0 + 0.5 + 1)/3
                assertEquals(2.5 / 3 * Math.tanh(W * x) + 0.5, mean[i][0], 1e-6, "x = " + x);
                for (int k = 0; k < 3; k++) assertEquals(output(k, x), each[k][i][0], 1e-6);
            }
        }
    }

    @Test
    void theSpreadIsTheSampleStandardDeviationOverMembers() {
        try (Ensemble e = Ensemble.load(members, ai.djl.Device.cpu())) {
            double[][] spread = EnsembleSpread.elementwise(e.predictions(X, Ensemble::raw), true);
            for (int i = 0; i < X.length; i++) {
                double x = X[i][0], a = output(0, x), b = output(1, x), c = output(2, x), m = (a + b + c) / 3;
                double expected = Math.sqrt(((a - m) * (a - m) + (b - m) * (b - m) + (c - m) * (c - m)) / 2);
                assertEquals(expected, spread[i][0], 1e-6, "x = " + x);
            }
        }
    }

    /** What a member's output means is the caller's: a classifier's mean is of probabilities, not of logits. */
    @Test
    void theQuantityAveragedIsTheCallers() {
        try (Ensemble e = Ensemble.load(members, ai.djl.Device.cpu())) {
            double[][] p = Ensemble.mean(e.predictions(X, out -> new double[] {1 / (1 + Math.exp(-out[0]))}));
            for (int i = 0; i < X.length; i++) {
                double expected = 0;
                for (int k = 0; k < 3; k++) expected += 1 / (1 + Math.exp(-output(k, X[i][0]))) / 3;
                assertEquals(expected, p[i][0], 1e-6);
            }
        }
    }

    @Test
    void oneMemberIsTheNetworkItself() {
        try (Ensemble e = Ensemble.load(members.subList(1, 2), ai.djl.Device.cpu());
                TrainedNetwork net = TrainedNetwork.load(members.get(1))) {
            double[][] mean = Ensemble.mean(e.predictions(X, Ensemble::raw));
            float[][] raw = net.outputs(X);
            for (int i = 0; i < X.length; i++) assertArrayEquals(new double[] {raw[i][0]}, mean[i], 0);
        }
    }

    @Test
    void refusesMembersThatDoNotBelongTogether() {
        InputException twice = assertThrows(
                InputException.class,
                () -> Ensemble.load(List.of(members.get(0), members.get(0)), ai.djl.Device.cpu()));
        assertTrue(twice.getMessage().contains("given twice"), twice.getMessage());
        Path sameSeed = member(1, "sally", 11);
        InputException seed = assertThrows(
                InputException.class, () -> Ensemble.load(List.of(members.get(0), sameSeed), ai.djl.Device.cpu()));
        assertTrue(seed.getMessage().contains("$.seed"), seed.getMessage());
        Path classifier = member(1, "classifier", 21);
        InputException kind = assertThrows(
                InputException.class, () -> Ensemble.load(List.of(members.get(0), classifier), ai.djl.Device.cpu()));
        assertTrue(kind.getMessage().contains("no member of the ensemble"), kind.getMessage());
    }

    /** INFERNO's outputs are soft-histogram bins labelled arbitrarily by each training: never averaged. */
    @Test
    void refusesToAverageSoftHistograms() {
        List<Path> inferno = List.of(member(0, "inferno", 31), member(1, "inferno", 32));
        InputException e = assertThrows(InputException.class, () -> Ensemble.load(inferno, ai.djl.Device.cpu()));
        assertTrue(e.getMessage().contains("cannot be averaged"), e.getMessage());
        try (Ensemble one = Ensemble.load(inferno.subList(0, 1), ai.djl.Device.cpu())) {
            assertEquals(1, one.size());
        }
    }
}
