package org.infera.augment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.infera.core.cli.Progress;
import org.infera.core.cli.StepMain;
import org.infera.core.data.MadMinerEventFile;
import org.infera.core.data.RatioSamplesFile;
import org.infera.core.data.ScoreSamplesFile;
import org.infera.core.data.Split;
import org.infera.core.data.TestSamplesFile;
import org.infera.core.physics.EftToy;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Score, ratio and test samples drawn shard by shard (one task per shard, every shard's file given):
 * the scores and ratios are the run's (normalised by the cross section of all shards, checked against
 * the EFT toy's closed forms as in {@link WeightedSamplesTest}), the run's draws are shared among the
 * shards in proportion to their weight, and a run of one shard is the unsharded run.
 */
class ShardedWeightedSamplesTest {
    /** Unequal shards: the draws must follow the weight, not the shard count. */
    static final int[] SIZES = {6000, 12000, 18000};

    @TempDir
    static Path dir;

    static List<Path> shards = new ArrayList<>();

    @BeforeAll
    static void events() {
        long total = 0;
        for (int n : SIZES) total += n;
        for (int k = 0; k < SIZES.length; k++) {
            Path p = dir.resolve(String.format("eft_shard%05d.h5", k));
            try (Progress progress = new Progress("test", SIZES[k], "events")) {
                EftToy.events(SIZES[k], total, 50 + k, progress).write(p);
            }
            shards.add(p);
        }
    }

    private static int run(List<String> args) {
        return StepMain.execute(new AugmentCommand(), args.toArray(new String[0]));
    }

    /** The samples of every shard task: the given options plus --run-shards, --shard, -o and all files. */
    private static List<Path> perShard(String name, String... options) {
        List<Path> outs = new ArrayList<>();
        for (int k = 0; k < SIZES.length; k++) {
            Path out = dir.resolve(name + k + ".h5");
            List<String> args = new ArrayList<>(List.of(options));
            args.addAll(List.of("--run-shards", "3", "--shard", String.valueOf(k), "-o", out.toString()));
            // any order: sorted by name
            for (int j = SIZES.length - 1; j >= 0; j--) args.add(shards.get(j).toString());
            assertEquals(0, run(args));
            outs.add(out);
        }
        return outs;
    }

    /** Σ |M(z; θ)|² over every event of the run and its gradient (into grad). */
    private static double runCrossSection(double[] theta, double[] grad) {
        return EftToyClosedForms.crossSection(EftToyClosedForms.latent(shards), theta, grad);
    }

    @Test
    void scoresAreTheRunsAndTheDrawsFollowEachShardsWeight() {
        int draws = 30000;
        List<Path> outs = perShard("local", "score", "--seed", "4", "--at", "1,0", "--draws", String.valueOf(draws));
        double[] theta = {1, 0}, grad = new double[2];
        double sigma = runCrossSection(theta, grad);
        int[] perSplit = new int[3];
        int[] perShard = new int[SIZES.length];
        double[] weightOfShard = new double[SIZES.length];
        for (int k = 0; k < SIZES.length; k++) {
            ScoreSamplesFile f = ScoreSamplesFile.read(outs.get(k));
            for (Split s : Split.values()) {
                ScoreSamplesFile.Scores scores = f.splits().get(s);
                perSplit[s.ordinal()] += scores.x().length;
                perShard[k] += scores.x().length;
                for (double[] t : scores.tXz()) {
                    // t = 2 ∇M / M − ∇σ/σ with M = 1 + z at θ = (1, 0): z from t1, then t2 must follow with the run's σ
                    double a = t[0] + grad[0] / sigma, z = a / (2 - a); // a = 2z / (1 + z)
                    assertEquals(
                            2 * (z * z - 1.0 / 3) / (1 + z) - grad[1] / sigma,
                            t[1],
                            1e-8 * Math.max(1, Math.abs(t[1])),
                            "the joint score normalised by the run's cross section, not the shard's");
                }
            }
            for (double[] w : MadMinerEventFile.read(shards.get(k)).weights()) weightOfShard[k] += w[1];
        }
        assertArrayEquals(
                new int[] {
                    Draws.of(new double[] {0.4, 0.2, 0.4}, Split.TRAIN, draws),
                    Draws.of(new double[] {0.4, 0.2, 0.4}, Split.VALIDATION, draws),
                    Draws.of(new double[] {0.4, 0.2, 0.4}, Split.TEST, draws)
                },
                perSplit,
                "the shards' draws add up to the run's");
        double runWeight = weightOfShard[0] + weightOfShard[1] + weightOfShard[2];
        for (int k = 0; k < SIZES.length; k++) {
            double p = weightOfShard[k] / runWeight, expected = p * draws, spread = Math.sqrt(draws * p * (1 - p));
            assertEquals(expected, perShard[k], 5 * spread, "shard " + k + " draws its weight's share");
        }
    }

    @Test
    void ratiosAreTheRunsAndTestDrawsAddUp() {
        List<Path> ratio = perShard("ratio", "ratio", "--seed", "4", "--pair", "0,0:1,0", "--draws", "3000");
        double[] sm = {0, 0}, theta1 = {1, 0}, gSm = new double[2], g1 = new double[2];
        double sSm = runCrossSection(sm, gSm), s1 = runCrossSection(theta1, g1);
        int train = 0;
        for (Path out : ratio) {
            RatioSamplesFile.Ratios r = RatioSamplesFile.read(out).splits().get(Split.TRAIN);
            train += r.size();
            for (int i = 0; i < r.size(); i++) {
                double z = (r.tXz0()[i][0] + gSm[0] / sSm) / 2;
                double expected = (1 / sSm) / (EftToy.squaredAmplitude(z, theta1) / s1);
                assertEquals(expected, r.rXz()[i], 1e-8 * expected, "r normalised by the run's cross sections");
            }
        }
        assertEquals(Draws.of(new double[] {0.4, 0.2, 0.4}, Split.TRAIN, 3000), train);
        int test = 0;
        for (Path out : perShard("test", "test", "--seed", "4", "--at", "0,0", "--at", "1,0", "--draws", "2000")) {
            test += TestSamplesFile.read(out).x().length;
        }
        assertEquals(2000, test);
    }

    @Test
    void sameSeedSameBytesAndOneShardIsTheUnshardedRun() throws Exception {
        List<Path> a = perShard("again-a", "score", "--seed", "6", "--at", "0,1", "--draws", "600");
        List<Path> b = perShard("again-b", "score", "--seed", "6", "--at", "0,1", "--draws", "600");
        for (int k = 0; k < a.size(); k++)
            assertArrayEquals(Files.readAllBytes(a.get(k)), Files.readAllBytes(b.get(k)));
        Path whole = dir.resolve("whole.h5"), one = dir.resolve("one.h5");
        String only = shards.get(0).toString();
        assertEquals(
                0,
                run(List.of(
                        "ratio", "--seed", "6", "--pair", "0,0:0,1", "--draws", "600", "-o", whole.toString(), only)));
        assertEquals(
                0,
                run(List.of(
                        "ratio",
                        "--seed",
                        "6",
                        "--pair",
                        "0,0:0,1",
                        "--draws",
                        "600",
                        "--run-shards",
                        "1",
                        "--shard",
                        "0",
                        "-o",
                        one.toString(),
                        only)));
        assertArrayEquals(Files.readAllBytes(whole), Files.readAllBytes(one));
    }

    @Test
    void rejectsIncompleteRunsAndTooFewDraws() {
        Path out = dir.resolve("bad.h5");
        String s0 = shards.get(0).toString(),
                s1 = shards.get(1).toString(),
                s2 = shards.get(2).toString();
        assertEquals(
                2,
                run(List.of(
                        "score",
                        "--seed",
                        "1",
                        "--at",
                        "0,0",
                        "--run-shards",
                        "3",
                        "--shard",
                        "0",
                        "-o",
                        out.toString(),
                        s0)),
                "one file of three");
        assertEquals(
                2,
                run(List.of(
                        "score",
                        "--seed",
                        "1",
                        "--at",
                        "0,0",
                        "--run-shards",
                        "3",
                        "--shard",
                        "3",
                        "-o",
                        out.toString(),
                        s0,
                        s1,
                        s2)),
                "no shard 3");
        assertEquals(
                2,
                run(List.of(
                        "score",
                        "--seed",
                        "1",
                        "--at",
                        "0,0",
                        "--draws",
                        "3",
                        "--run-shards",
                        "3",
                        "--shard",
                        "0",
                        "-o",
                        out.toString(),
                        s0,
                        s1,
                        s2)),
                "three draws cannot fill every split of every shard");
        assertFalse(Files.exists(out));
    }
}
