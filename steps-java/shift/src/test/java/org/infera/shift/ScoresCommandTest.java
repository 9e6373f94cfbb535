package org.infera.shift;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.infera.core.cli.Progress;
import org.infera.core.cli.StepMain;
import org.infera.core.data.EstimatedScoresFile;
import org.infera.core.data.MadMinerEventFile;
import org.infera.core.physics.EftToy;
import org.infera.nn.ModelFixtures;
import org.infera.nn.NetworkSpec;
import org.infera.nn.Standardisation;
import org.infera.nn.TrainedNetwork;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScoresCommandTest {
    @TempDir
    static Path dir;

    static Path a;
    static Path b;
    static Path sally;

    @BeforeAll
    static void eventsAndModel() {
        System.setProperty("ai.djl.offline", "true");
        try (Progress progress = new Progress("test", 3000, "events")) {
            EftToy.events(1000, 3000, 1, progress).write(a = dir.resolve("eft_shard00000.h5"));
            EftToy.events(2000, 3000, 2, progress).write(b = dir.resolve("eft_shard00001.h5"));
        }
        MadMinerEventFile events = MadMinerEventFile.read(a);
        double[] mean = Standardisation.mean(events.observations());
        sally = ModelFixtures.untrained(
                dir.resolve("sally"),
                new NetworkSpec(
                        "sally",
                        List.of(events.observables()),
                        mean,
                        Standardisation.std(events.observations(), mean),
                        List.of(8),
                        "tanh",
                        2,
                        3,
                        1,
                        1,
                        0.5,
                        "test",
                        null,
                        null));
    }

    /** Each events file's scores are the network's outputs for its events, in their order, in a file of its name. */
    @Test
    void scoresAreTheNetworksOutputsFileByFile() throws Exception {
        Path out = dir.resolve("scores");
        assertEquals(
                0,
                StepMain.execute(
                        new ShiftCommand(),
                        "scores",
                        "--model",
                        sally.toString(),
                        "--events",
                        b.toString(),
                        a.toString(),
                        "-o",
                        out.toString()));
        try (TrainedNetwork net = TrainedNetwork.load(sally)) {
            for (Path events : List.of(a, b)) {
                MadMinerEventFile f = MadMinerEventFile.read(events);
                EstimatedScoresFile s = EstimatedScoresFile.forEvents(out, events, f);
                float[][] expected = net.outputs(f.observations());
                assertEquals(expected.length, s.score().length);
                for (int e = 0; e < expected.length; e++) {
                    for (int k = 0; k < 2; k++) assertEquals(expected[e][k], (float) s.score()[e][k], 0f, "event " + e);
                }
                assertEquals("sally", s.kind());
                assertArrayEquals(f.parameters(), s.parameters());
            }
        }
        // scores paired with the wrong events file are refused
        Path swapped = dir.resolve("swapped");
        Files.createDirectories(swapped);
        Files.copy(out.resolve(a.getFileName()), swapped.resolve(b.getFileName()));
        MadMinerEventFile fb = MadMinerEventFile.read(b);
        org.junit.jupiter.api.Assertions.assertThrows(
                org.infera.core.cli.InputException.Mismatch.class, () -> EstimatedScoresFile.forEvents(swapped, b, fb));
    }

    /** A SALLY network like the fixture's, with other random weights (another member's training). */
    static Path member(long seed) {
        NetworkSpec spec = null;
        try (TrainedNetwork net = TrainedNetwork.load(sally)) {
            NetworkSpec s = net.spec();
            spec = new NetworkSpec(
                    s.kind(),
                    s.features(),
                    s.mean(),
                    s.std(),
                    s.hidden(),
                    s.activation(),
                    s.outputs(),
                    seed,
                    1,
                    1,
                    0.5,
                    "test",
                    null,
                    null);
        }
        return ModelFixtures.untrained(dir.resolve("sally_seed" + seed), spec);
    }

    /**
     * Three members: the file's score is the mean of the three networks' outputs, each member's kept beside it;
     * the same run twice gives the same bytes; one network's file has no members.
     */
    @Test
    void anEnsemblesScoreIsTheMeanOfItsMembers() throws Exception {
        List<Path> members = List.of(sally, member(4), member(5));
        Path out = dir.resolve("ensemble"), again = dir.resolve("ensemble-again");
        for (Path o : List.of(out, again)) {
            assertEquals(
                    0,
                    StepMain.execute(
                            new ShiftCommand(),
                            "scores",
                            "--model",
                            members.get(0).toString(),
                            members.get(1).toString(),
                            members.get(2).toString(),
                            "--events",
                            a.toString(),
                            "-o",
                            o.toString()));
        }
        assertArrayEquals(
                Files.readAllBytes(out.resolve(a.getFileName())), Files.readAllBytes(again.resolve(a.getFileName())));
        MadMinerEventFile f = MadMinerEventFile.read(a);
        EstimatedScoresFile s = EstimatedScoresFile.forEvents(out, a, f);
        assertEquals(3, s.members().length);
        double[][] sum = new double[f.observations().length][2];
        for (int k = 0; k < 3; k++) {
            try (TrainedNetwork net = TrainedNetwork.load(members.get(k))) {
                float[][] t = net.outputs(f.observations());
                for (int e = 0; e < t.length; e++) {
                    for (int p = 0; p < 2; p++) {
                        assertEquals(t[e][p], s.members()[k][e][p], 0, "member " + k);
                        sum[e][p] += t[e][p];
                    }
                }
            }
        }
        for (int e = 0; e < sum.length; e++)
            for (int p = 0; p < 2; p++) assertEquals(sum[e][p] / 3, s.score()[e][p], 1e-12, "event " + e);
        Path single = dir.resolve("single");
        assertEquals(
                0,
                StepMain.execute(
                        new ShiftCommand(),
                        "scores",
                        "--model",
                        sally.toString(),
                        "--events",
                        a.toString(),
                        "-o",
                        single.toString()));
        assertEquals(null, EstimatedScoresFile.forEvents(single, a, f).members());
    }

    @Test
    void refusesANetworkThatEstimatesNoScore() throws Exception {
        MadMinerEventFile events = MadMinerEventFile.read(a);
        double[] mean = Standardisation.mean(events.observations());
        Path classifier = ModelFixtures.untrained(
                dir.resolve("classifier"),
                new NetworkSpec(
                        "classifier",
                        List.of(events.observables()),
                        mean,
                        Standardisation.std(events.observations(), mean),
                        List.of(8),
                        "relu",
                        1,
                        3,
                        1,
                        1,
                        0.5,
                        "test",
                        null,
                        null));
        Path out = dir.resolve("refused");
        assertEquals(
                2,
                StepMain.execute(
                        new ShiftCommand(),
                        "scores",
                        "--model",
                        classifier.toString(),
                        "--events",
                        a.toString(),
                        "-o",
                        out.toString()));
        assertFalse(Files.exists(out));
        assertEquals(2, StepMain.execute(new ShiftCommand()), "a sub-command is required");
    }
}
