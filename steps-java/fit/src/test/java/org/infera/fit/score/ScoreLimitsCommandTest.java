package org.infera.fit.score;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
        return limitsBy("sally", events);
    }

    private static JsonNode limitsBy(String method, String... events) {
        String[] args = {
            "limits",
            "--method",
            method,
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

    /**
     * --toys: Poisson pseudo-experiments of the score histograms at the true point; the regions
     * {θ: q(θ) − min q ≤ χ²₂ quantile} over a grid fine against σ (steps of about σ/3) cover at 68.27% and 95%
     * within ±3σ of their binomial bands (Wilks' theorem, two parameters).
     */
    @Test
    void toyRegionsCoverAtTheirConfidenceLevels() {
        FitCli.Result r = FitCli.run(
                "limits",
                "--scores",
                scores.toString(),
                "--luminosity",
                "100",
                "--grid=-0.3:0.3:31,-0.6:0.6:31",
                "--bins",
                "4",
                "--toys",
                "2000",
                "--seed",
                "5",
                "--events",
                whole.toString());
        assertEquals(0, r.code(), r.err());
        JsonNode levels = r.json().get("coverage").get("levels");
        assertEquals(0.6827, levels.get(0).get("confidence").asDouble());
        for (JsonNode level : levels) {
            double p = level.get("confidence").asDouble(),
                    c = level.get("coverage").asDouble();
            assertEquals(p, c, 3 * Math.sqrt(p * (1 - p) / 2000), "coverage at " + p);
            assertFalse(level.get("flagged").asBoolean());
        }
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
        assertArrayEquals(Arrays.stream(boxed).mapToInt(Integer::intValue).toArray(), ScoreBins.ascending(v));
    }

    /**
     * SALLINO as MadMiner's AsymptoticLimits defines mode "sallino", written out here event by event: at each θ the
     * scalar h = t̂·Δθ/|Δθ| (t̂'s first component at θ_true; rounded to float like the network's outputs), 16 equal
     * weight quantile bins of h at θ_true (as many as SALLY's 4 × 4), ν_b(θ) = L Σ_{e∈b} w_e(θ) from each event's
     * morphed weight, and q = 2 Σ [ν − n + n ln(n/ν)] with n = ν(θ_true); p from χ² with two degrees of freedom.
     */
    @Test
    void sallinoBinsTheScoreProjectedOnEachDirection() throws Exception {
        JsonNode sharded = limitsBy("sallino", b.toString(), a.toString());
        assertEquals("sallino", sharded.get("method").asText());
        assertEquals(16, sharded.get("bins").asInt());
        MadMinerEventFile all = MadMinerEventFile.read(whole);
        Morphing morphing = new Morphing(all.morphingComponents(), all.morphingMatrix());
        double[][] weights = all.combinedWeights(MadMinerEventFile.runSamplingFactors(List.of(whole)));
        double[][] t = EstimatedScoresFile.forEvents(scores, whole, all).score();
        double[] atTruth = morphing.eventWeights(weights, new double[2]);
        int n = t.length;
        boolean excluded = false;
        for (int g = 0; g < 25; g++) {
            JsonNode point = sharded.get("grid").get(g);
            double[] theta = {
                point.get("theta").get(0).asDouble(), point.get("theta").get(1).asDouble()
            };
            double norm = Math.hypot(theta[0], theta[1]);
            Integer[] order = new Integer[n];
            float[] h = new float[n];
            for (int e = 0; e < n; e++) {
                order[e] = e;
                h[e] = norm > 0
                        ? (float) (((float) t[e][0]) * (theta[0] / norm) + ((float) t[e][1]) * (theta[1] / norm))
                        : (float) t[e][0];
            }
            Arrays.sort(order, (i, j) -> Float.compare(h[i], h[j]));
            // summed in event order: the events of a run simulated at θ_true weigh the same, so the bin edges fall on
            // events and a compensated sum (DoubleStream.sum) would move the last event of a bin by rounding
            double total = 0;
            for (double w : atTruth) total += Math.max(w, 0);
            double[] atTheta = morphing.eventWeights(weights, theta);
            double[] nu = new double[16], observed = new double[16];
            double cumulative = 0;
            for (int e : order) {
                int bin = Math.min(15, (int) (cumulative / total * 16));
                cumulative += Math.max(atTruth[e], 0);
                nu[bin] += 100 * atTheta[e];
                observed[bin] += 100 * atTruth[e];
            }
            double q = 0;
            for (int bin = 0; bin < 16; bin++)
                q += 2 * (nu[bin] - observed[bin] + observed[bin] * Math.log(observed[bin] / nu[bin]));
            double p = Math.exp(-q / 2); // χ² with two degrees of freedom
            assertEquals(q, point.get("q").asDouble(), 1e-9 * Math.max(1, q), "q at " + Arrays.toString(theta));
            assertEquals(p, point.get("p_value").asDouble(), 1e-9, "p at " + Arrays.toString(theta));
            excluded |= p < 0.05;
        }
        assertTrue(excluded, "the grid reaches beyond SALLINO's 95% CL region");
        assertEquals(1, sharded.get("grid").get(12).get("p_value").asDouble(), 1e-12, "the true point");
    }
}
