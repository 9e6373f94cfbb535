package org.infera.fit.score;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.infera.core.cli.Progress;
import org.infera.core.data.EstimatedScoresFile;
import org.infera.core.data.MadMinerEventFile;
import org.infera.core.morphing.JointScore;
import org.infera.core.morphing.Morphing;
import org.infera.core.physics.EftToy;
import org.infera.core.random.Rng;
import org.infera.fit.FitCli;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** infera-fit limits over a run's shards, read one file at a time: the limits of all events at once. */
class ScoreLimitsCommandTest {
    @TempDir
    static Path dir;

    static Path a, b, whole, scores;

    @BeforeAll
    static void eventsAndScores() throws Exception {
        try (Progress progress = new Progress("test", 16000, "events")) {
            EftToy.events(6000, 16000, 1, progress).write(a = dir.resolve("eft_shard00000.h5"));
            EftToy.events(10000, 16000, 2, progress).write(b = dir.resolve("eft_shard00001.h5"));
        }
        MadMinerEventFile.readAll(List.of(a, b)).write(whole = dir.resolve("whole.h5"));
        // the scores as infera-shift scores writes them, one file per events file; here the joint score at the SM of
        // the whole run (one function of the event for all files, as a network is), cut into the shards' events
        scores = Files.createDirectories(dir.resolve("scores"));
        MadMinerEventFile all = MadMinerEventFile.read(whole);
        double[][] t = JointScore.at(
                new Morphing(all.morphingComponents(), all.morphingMatrix()), all.weights(), new double[2]);
        int offset = 0;
        for (Path events : List.of(a, b)) {
            MadMinerEventFile f = MadMinerEventFile.read(events);
            write(events, f, Arrays.copyOfRange(t, offset, offset + f.events()));
            offset += f.events();
        }
        write(whole, all, t);
    }

    private static void write(Path events, MadMinerEventFile f, double[][] t) {
        new EstimatedScoresFile(
                        events.getFileName().toString(), f.events(), "sally", f.parameters(), f.observables(), t)
                .write(scores.resolve(events.getFileName().toString()));
    }

    private static JsonNode limits(String... events) {
        String[] args = {
            "limits",
            "--scores",
            scores.toString(),
            "--luminosity",
            "100",
            "--grid=-0.4:0.4:5,-0.8:0.8:5",
            "--bins",
            "4",
            "--events"
        };
        String[] all = Arrays.copyOf(args, args.length + events.length);
        System.arraycopy(events, 0, all, args.length, events.length);
        FitCli.Result r = FitCli.run(all);
        assertEquals(0, r.code(), r.err());
        return r.json();
    }

    @Test
    void shardsGiveTheLimitsOfAllEvents() throws Exception {
        JsonNode sharded = limits(b.toString(), a.toString()), once = limits(whole.toString());
        assertEquals(25, once.get("grid").size());
        boolean excluded = false;
        for (int g = 0; g < 25; g++) {
            double expected = once.get("grid").get(g).get("p_value").asDouble();
            assertEquals(expected, sharded.get("grid").get(g).get("p_value").asDouble(), 1e-12, "grid point " + g);
            excluded |= expected < 0.05;
        }
        assertTrue(excluded, "the grid reaches beyond the 95% CL region");
        assertEquals(1, once.get("grid").get(12).get("p_value").asDouble(), 1e-12, "the true point");
    }

    @Test
    void ascendingIsAStableSortInFloatCompareOrder() {
        Rng rng = new Rng(3);
        float[] v = new float[5000];
        for (int i = 0; i < v.length; i++) v[i] = (float) Math.floor((rng.uniform() - 0.5) * 40) / 4; // many ties
        v[7] = -0.0f;
        v[8] = 0.0f;
        v[9] = Float.NEGATIVE_INFINITY;
        v[10] = Float.POSITIVE_INFINITY;
        Integer[] boxed = new Integer[v.length];
        for (int i = 0; i < v.length; i++) boxed[i] = i;
        Arrays.sort(boxed, (i, j) -> Float.compare(v[i], v[j])); // stable: ties keep index order
        assertArrayEquals(Arrays.stream(boxed).mapToInt(Integer::intValue).toArray(), ScoreLimitsCommand.ascending(v));
    }
}
