package org.infera.fit.score;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.infera.core.cli.Progress;
import org.infera.core.data.EstimatedScoresFile;
import org.infera.core.data.MadMinerEventFile;
import org.infera.core.morphing.JointScore;
import org.infera.core.morphing.Morphing;
import org.infera.core.physics.EftToy;
import org.infera.fit.FitCli;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** infera-fit fisher reads a run's shards one file at a time: the same information as from all events at once. */
class FisherCommandTest {
    @TempDir
    static Path dir;

    static Path a, b, whole;

    @BeforeAll
    static void events() {
        try (Progress progress = new Progress("test", 30000, "events")) {
            MadMinerEventFile first = EftToy.events(10000, 30000, 1, progress),
                    second = EftToy.events(20000, 30000, 2, progress);
            first.write(a = dir.resolve("eft_shard00000.h5"));
            second.write(b = dir.resolve("eft_shard00001.h5"));
        }
        MadMinerEventFile.readAll(List.of(a, b)).write(whole = dir.resolve("whole.h5"));
    }

    private static JsonNode fisher(String... args) {
        FitCli.Result r = FitCli.run(args);
        return r.code() == 0 ? r.json() : new ObjectMapper().createObjectNode().put("code", r.code());
    }

    @Test
    void shardsOneAtATimeGiveTheInformationOfAllEvents() throws Exception {
        for (String mode : List.of("truth", "rate")) {
            for (String theta : List.of("0,0", "0.3,-0.2")) {
                JsonNode sharded = fisher(
                        "fisher",
                        "--events",
                        b.toString(),
                        a.toString(),
                        "--theta",
                        theta,
                        "--luminosity",
                        "100",
                        "--mode",
                        mode);
                JsonNode all = fisher(
                        "fisher",
                        "--events",
                        whole.toString(),
                        "--theta",
                        theta,
                        "--luminosity",
                        "100",
                        "--mode",
                        mode);
                for (int i = 0; i < 2; i++) {
                    for (int j = 0; j < 2; j++) {
                        double expected = all.get("fisher").get(i).get(j).asDouble();
                        assertEquals(
                                expected,
                                sharded.get("fisher").get(i).get(j).asDouble(),
                                1e-12 * Math.max(1, Math.abs(expected)),
                                mode + " at " + theta + " [" + i + "][" + j + "]");
                    }
                }
            }
        }
    }

    /**
     * With the exact score t(x | θ) = ∂w/w − ∂σ/σ as the estimated one, SALLY's information L Σ w t tᵀ + L ∂σ∂σᵀ/σ is
     * the
     * truth L Σ ∂w∂wᵀ/w: an identity, checked through the scores files infera-shift scores writes.
     */
    @Test
    void sallyWithTheExactScoreIsTheTruth() throws Exception {
        Path scores = Files.createDirectories(dir.resolve("exact-scores"));
        MadMinerEventFile all = MadMinerEventFile.read(whole);
        double[] theta = {0.3, -0.2};
        double[][] t =
                JointScore.at(new Morphing(all.morphingComponents(), all.morphingMatrix()), all.weights(), theta);
        new EstimatedScoresFile("whole.h5", all.events(), "sally", all.parameters(), all.observables(), t)
                .write(scores.resolve("whole.h5"));
        JsonNode truth = fisher("fisher", "--events", whole.toString(), "--theta", "0.3,-0.2", "--luminosity", "100");
        JsonNode sally = fisher(
                "fisher",
                "--events",
                whole.toString(),
                "--theta",
                "0.3,-0.2",
                "--luminosity",
                "100",
                "--mode",
                "sally",
                "--scores",
                scores.toString());
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 2; j++) {
                double expected = truth.get("fisher").get(i).get(j).asDouble();
                assertEquals(
                        expected,
                        sally.get("fisher").get(i).get(j).asDouble(),
                        1e-9 * Math.abs(expected),
                        "[" + i + "][" + j + "]");
            }
        }
        // scores of other events, or none, are refused
        assertEquals(
                2,
                fisher(
                                "fisher",
                                "--events",
                                a.toString(),
                                "--theta",
                                "0,0",
                                "--luminosity",
                                "1",
                                "--mode",
                                "sally",
                                "--scores",
                                scores.toString())
                        .get("code")
                        .asInt());
        assertEquals(
                2,
                fisher("fisher", "--events", whole.toString(), "--theta", "0,0", "--luminosity", "1", "--mode", "sally")
                        .get("code")
                        .asInt());
    }

    /**
     * An ensemble whose member k estimates c_k times the exact score: member k's information is c_k² (truth − rate)
     * + rate, the ensemble's (its mean score, c̄ times the exact one) c̄² (truth − rate) + rate; the spread is the
     * sample standard deviation of the members' matrices and of their Cramér–Rao σ (a 2×2 inverse by hand).
     */
    @Test
    void anEnsemblesSpreadIsThatOfItsMembersInformation() throws Exception {
        Path scores = Files.createDirectories(dir.resolve("ensemble-scores"));
        MadMinerEventFile all = MadMinerEventFile.read(whole);
        double[] c = {1, 0.9, 1.2};
        double[][] t = JointScore.at(
                new Morphing(all.morphingComponents(), all.morphingMatrix()), all.weights(), new double[] {0, 0});
        double[][][] members = new double[3][t.length][2];
        double[][] mean = new double[t.length][2];
        for (int e = 0; e < t.length; e++) {
            for (int p = 0; p < 2; p++) {
                for (int k = 0; k < 3; k++) members[k][e][p] = c[k] * t[e][p];
                mean[e][p] = (c[0] + c[1] + c[2]) / 3 * t[e][p];
            }
        }
        new EstimatedScoresFile("whole.h5", all.events(), "sally", all.parameters(), all.observables(), mean, members)
                .write(scores.resolve("whole.h5"));
        String[] common = {"fisher", "--events", whole.toString(), "--theta", "0,0", "--luminosity", "100"};
        JsonNode truth = fisher(common), rate = fisher(concat(common, "--mode", "rate"));
        JsonNode sally = fisher(concat(common, "--mode", "sally", "--scores", scores.toString()));
        double cBar = (c[0] + c[1] + c[2]) / 3;
        double[][][] info = new double[3][2][2];
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 2; j++) {
                double r = rate.get("fisher").get(i).get(j).asDouble(),
                        kinematic = truth.get("fisher").get(i).get(j).asDouble() - r;
                assertClose(
                        cBar * cBar * kinematic + r,
                        sally.at("/fisher/" + i + "/" + j).asDouble());
                double[] v = new double[3];
                for (int k = 0; k < 3; k++) {
                    v[k] = info[k][i][j] = c[k] * c[k] * kinematic + r;
                    assertClose(
                            v[k],
                            sally.at("/ensemble/fisher_members/" + k + "/" + i + "/" + j)
                                    .asDouble());
                }
                assertClose(
                        sampleStd(v),
                        sally.at("/ensemble/fisher_std/" + i + "/" + j).asDouble());
            }
        }
        assertEquals(3, sally.at("/ensemble/members").asInt());
        for (int p = 0; p < 2; p++) {
            double[] sigma = new double[3];
            for (int k = 0; k < 3; k++) {
                double[][] m = info[k];
                sigma[k] = Math.sqrt(m[1 - p][1 - p] / (m[0][0] * m[1][1] - m[0][1] * m[1][0]));
            }
            assertClose(sampleStd(sigma), sally.at("/ensemble/sigma_std/" + p).asDouble());
        }
    }

    private static double sampleStd(double[] v) {
        double m = (v[0] + v[1] + v[2]) / 3;
        return Math.sqrt(((v[0] - m) * (v[0] - m) + (v[1] - m) * (v[1] - m) + (v[2] - m) * (v[2] - m)) / 2);
    }

    private static void assertClose(double expected, double actual) {
        assertEquals(expected, actual, 1e-9 * Math.max(1e-6, Math.abs(expected)));
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Test
    void shardsOfAnotherRunAreRejected() throws Exception {
        MadMinerEventFile f = MadMinerEventFile.read(a);
        Path other = dir.resolve("other.h5");
        new MadMinerEventFile(
                        f.parameters(),
                        f.benchmarks(),
                        f.benchmarkValues(),
                        f.morphingComponents(),
                        f.morphingMatrix(),
                        new String[] {"pt", "eta"},
                        f.observations(),
                        f.weights(),
                        null)
                .write(other);
        JsonNode r = fisher(
                "fisher",
                "--events",
                a.toString(),
                other.toString(),
                "--theta",
                "0,0",
                "--luminosity",
                "1",
                "--mode",
                "truth");
        assertEquals(2, r.get("code").asInt());
        assertEquals(
                2,
                fisher("fisher", "--events", a.toString(), "--theta", "0,0", "--luminosity", "1", "--mode", "bogus")
                        .get("code")
                        .asInt());
    }
}
