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
