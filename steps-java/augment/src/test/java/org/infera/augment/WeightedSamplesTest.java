package org.infera.augment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.infera.core.cli.Progress;
import org.infera.core.cli.StepMain;
import org.infera.core.data.RatioSamplesFile;
import org.infera.core.data.ScoreSamplesFile;
import org.infera.core.data.Split;
import org.infera.core.data.TestSamplesFile;
import org.infera.core.physics.EftToy;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ratio and test samples of the EFT toy against its closed forms. Each event's latent z follows from
 * its raw weights (w_θ1+ / w_SM = (1 + z)²), and with the amplitude M(z; θ) = 1 + θ1 z + θ2 (z² − 1/3)
 * and the sample's cross sections S(θ) = Σ_events |M|² (MadMiner normalises by the sample, as we do):
 * t(θ) = 2 ∇M / M − ∇S / S and r(θ0, θ1) = (|M(θ0)|² / S(θ0)) / (|M(θ1)|² / S(θ1)), no morphing involved.
 */
class WeightedSamplesTest {
    @TempDir
    static Path dir;

    static Path events;

    @BeforeAll
    static void events() {
        events = dir.resolve("eft.h5");
        try (Progress progress = new Progress("test", 40000, "events")) {
            EftToy.events(40000, 40000, 5, progress).write(events);
        }
    }

    private static int run(String... args) {
        return StepMain.execute(new AugmentCommand(), args);
    }

    @Test
    void ratioSamplesCarryTheJointRatioAndBothScores() {
        Path out = dir.resolve("ratio.h5");
        assertEquals(
                0,
                run(
                        "ratio",
                        "--seed",
                        "3",
                        "--pair",
                        "0,0:1,0",
                        "--pair",
                        "0,0:0,1",
                        "--draws",
                        "40000",
                        "-o",
                        out.toString(),
                        events.toString()));
        RatioSamplesFile file = RatioSamplesFile.read(out);
        assertArrayEquals(new double[][] {{0, 0}, {0, 0}}, file.theta0());
        assertArrayEquals(new double[][] {{1, 0}, {0, 1}}, file.theta1());
        assertEquals(40000, file.effectiveSampleSize0()[0], 1e-6, "equal weights at the SM");
        RatioSamplesFile.Ratios train = file.splits().get(Split.TRAIN);
        assertEquals(16000, train.size());
        double[] sm = {0, 0}, theta1 = {1, 0};
        double[] z = latent();
        double[] gradSm = new double[2], grad1 = new double[2];
        double sumSm = sampleCrossSection(z, sm, gradSm), sum1 = sampleCrossSection(z, theta1, grad1);
        int[] labels = new int[2];
        double meanR = 0, meanInverse = 0;
        int drawnAtTheta1 = 0, drawnAtTheta0 = 0;
        for (int i = 0; i < train.size(); i++) {
            if (train.theta1()[i][0] != 1) continue; // the first pair
            labels[(int) train.y()[i]]++;
            double zi = (train.tXz0()[i][0] + gradSm[0] / sumSm) / 2; // t0[0] = 2 z − ∂S/S at the SM
            assertEquals(2 * (zi * zi - 1.0 / 3) - gradSm[1] / sumSm, train.tXz0()[i][1], 1e-9, "t0 is the SM score");
            double r = (1 / sumSm) / (EftToy.squaredAmplitude(zi, theta1) / sum1);
            assertEquals(r, train.rXz()[i], 1e-9 * r, "r(x, z | SM, θ1)");
            double[] t1 = {2 * zi / (1 + zi) - grad1[0] / sum1, 2 * (zi * zi - 1.0 / 3) / (1 + zi) - grad1[1] / sum1};
            for (int p = 0; p < 2; p++)
                assertEquals(t1[p], train.tXz1()[i][p], 1e-9 * Math.max(1, Math.abs(t1[p])), "t1 (z near −1: large)");
            if (train.y()[i] == 1) {
                meanR += train.rXz()[i];
                drawnAtTheta1++;
            } else {
                meanInverse += 1 / train.rXz()[i];
                drawnAtTheta0++;
            }
        }
        assertArrayEquals(new int[] {4000, 4000}, labels, "half of each pair's draws at θ0, half at θ1");
        // E_θ1[r(x, z | θ0, θ1)] = 1 and E_θ0[1/r] = 1: the draws follow their θ and r points the right way
        assertEquals(1, meanR / drawnAtTheta1, 0.05);
        assertEquals(1, meanInverse / drawnAtTheta0, 0.05);
    }

    /**
     * --theta0-prior: K points θ0 drawn from the prior (within a flat prior's range, a Gaussian prior's mean and
     * spread), all against --theta1; each event's joint ratio is that of its own θ0, from the closed form.
     */
    @Test
    void ratioSamplesDrawThetaZeroFromThePrior() {
        Path out = dir.resolve("ratio-prior.h5");
        assertEquals(
                0,
                run(
                        "ratio",
                        "--seed",
                        "3",
                        "--theta0-prior",
                        "flat:-1:1,gaussian:0.2:0.5",
                        "--theta0-points",
                        "400",
                        "--theta1",
                        "0,0",
                        "--draws",
                        "8000",
                        "-o",
                        out.toString(),
                        events.toString()));
        RatioSamplesFile file = RatioSamplesFile.read(out);
        assertEquals(400, file.theta0().length);
        double mean = 0, square = 0;
        for (int k = 0; k < 400; k++) {
            assertArrayEquals(new double[] {0, 0}, file.theta1()[k]);
            assertTrue(file.theta0()[k][0] >= -1 && file.theta0()[k][0] < 1, "flat:-1:1");
            mean += file.theta0()[k][1] / 400;
            square += file.theta0()[k][1] * file.theta0()[k][1] / 400;
        }
        // 400 draws of N(0.2, 0.5²): the mean within 4 standard errors (0.1), the spread within 15%
        assertEquals(0.2, mean, 0.1);
        assertEquals(0.5, Math.sqrt(square - mean * mean), 0.075);
        double[] z = latent();
        double[] gradSm = new double[2];
        double sumSm = sampleCrossSection(z, new double[] {0, 0}, gradSm);
        RatioSamplesFile.Ratios train = file.splits().get(Split.TRAIN);
        Set<Double> seen = new HashSet<>();
        for (int i = 0; i < train.size(); i++) {
            double[] theta0 = train.theta0()[i];
            seen.add(theta0[0]);
            assertArrayEquals(new double[] {0, 0}, train.theta1()[i]);
            double zi = (train.tXz1()[i][0] + gradSm[0] / sumSm) / 2; // t1[0] = 2 z − ∂S/S at the SM
            double s0 = sampleCrossSection(z, theta0, new double[2]);
            double r = (EftToy.squaredAmplitude(zi, theta0) / s0) / (1 / sumSm);
            assertEquals(r, train.rXz()[i], 1e-9 * r, "r(x, z | θ0, SM) at the event's own θ0");
        }
        assertTrue(seen.size() > 300, "the train split uses the drawn points: " + seen.size());
    }

    private static double[] latent() {
        return EftToyClosedForms.latent(List.of(events));
    }

    private static double sampleCrossSection(double[] z, double[] theta, double[] grad) {
        return EftToyClosedForms.crossSection(z, theta, grad);
    }

    @Test
    void testSamplesFollowTheirThetaAndNeverMeetTheTrainingEvents() {
        Path test = dir.resolve("test.h5"), local = dir.resolve("local.h5");
        assertEquals(
                0,
                run(
                        "test",
                        "--seed",
                        "3",
                        "--at",
                        "0,0",
                        "--at",
                        "1,0",
                        "--draws",
                        "20000",
                        "-o",
                        test.toString(),
                        events.toString()));
        assertEquals(
                0,
                run(
                        "score",
                        "--seed",
                        "3",
                        "--at",
                        "0,0",
                        "--draws",
                        "20000",
                        "-o",
                        local.toString(),
                        events.toString()));
        TestSamplesFile file = TestSamplesFile.read(test);
        double[] sum = new double[2], sumSquares = new double[2];
        int[] count = new int[2];
        for (int i = 0; i < file.x().length; i++) {
            int k = (int) file.theta()[i][0];
            sum[k] += file.x()[i][0];
            sumSquares[k] += file.x()[i][0] * file.x()[i][0];
            count[k]++;
        }
        assertArrayEquals(new int[] {10000, 10000}, count);
        // E[x1] = E[z]: 0 at the SM, ∫z(1+z)²/∫(1+z)² = 1/2 at θ = (1, 0)
        double[] expected = {0, 0.5};
        for (int k = 0; k < 2; k++) {
            double mean = sum[k] / count[k], error = Math.sqrt((sumSquares[k] / count[k] - mean * mean) / count[k]);
            assertEquals(expected[k], mean, 5 * error, "mean x1 at θ1 = " + k);
        }
        ScoreSamplesFile training = ScoreSamplesFile.read(local);
        Set<Double> trained = new HashSet<>();
        for (Split s : List.of(Split.TRAIN, Split.VALIDATION)) {
            for (double[] x : training.splits().get(s).x()) trained.add(x[0]);
        }
        for (double[] x : file.x())
            assertFalse(trained.contains(x[0]), "a test event was drawn from the training partition");
        Set<Double> testPartition = new HashSet<>();
        for (double[] x : training.splits().get(Split.TEST).x()) testPartition.add(x[0]);
        assertTrue(
                Arrays.stream(file.x()).anyMatch(x -> testPartition.contains(x[0])),
                "both draw from the same test partition");
    }

    @Test
    void sameSeedSameBytes() throws Exception {
        Path a = dir.resolve("a.h5"), b = dir.resolve("b.h5");
        assertEquals(
                0,
                run(
                        "ratio",
                        "--seed",
                        "8",
                        "--pair",
                        "0,0:1,1",
                        "--draws",
                        "300",
                        "-o",
                        a.toString(),
                        events.toString()));
        assertEquals(
                0,
                run(
                        "ratio",
                        "--seed",
                        "8",
                        "--pair",
                        "0,0:1,1",
                        "--draws",
                        "300",
                        "-o",
                        b.toString(),
                        events.toString()));
        assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b));
    }

    @Test
    void rejectsBadPointsWithExitTwo() {
        Path out = dir.resolve("bad.h5");
        String e = events.toString(), o = out.toString();
        assertEquals(2, run("ratio", "--seed", "1", "--pair", "0,0", "-o", o, e), "no θ1");
        assertEquals(
                2, run("ratio", "--seed", "1", "--pair", "0,0:1", "-o", o, e), "θ1 has one value for two parameters");
        assertEquals(2, run("test", "--seed", "1", "--at", "0,x", "-o", o, e), "not a number");
        assertEquals(2, run("test", "--seed", "1", "--at", "0,NaN", "-o", o, e), "not finite");
        assertEquals(2, run("--seed", "1", "-o", o, e), "no sub-command");
        assertEquals(
                2,
                run("ratio", "--seed", "1", "--pair", "0,0:1,0", "--pair", "0,0:0,1", "--draws", "5", "-o", o, e),
                "too few draws");
        assertFalse(Files.exists(out));
    }
}
