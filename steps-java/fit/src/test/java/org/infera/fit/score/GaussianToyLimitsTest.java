package org.infera.fit.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hipparchus.distribution.continuous.ChiSquaredDistribution;
import org.infera.core.data.EstimatedScoresFile;
import org.infera.core.data.MadMinerEventFile;
import org.infera.core.physics.GaussianToy;
import org.infera.fit.FitCli;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SALLY's histogram limits on the Gaussian toy with the exact score t(x) = x/5 at θ = 0 (the score a perfect SALLY
 * learns; any monotone function of x bins the same), against the unbinned Gaussian location model computed here:
 * x ~ N(θ, 5), so the Asimov q(θ) of L events is 2 L KL(N(0, 5) ‖ N(θ, 5)) = L θ²/5 (the Fisher bound, 0.2 per
 * event, no rate term since σ = 1). Binning can only lose information, so the histogram q lies below it, the more
 * so for coarser bins, and the 68.27% interval is never narrower than θ ± 1/sqrt(0.2 L).
 */
class GaussianToyLimitsTest {
    static final double LUMINOSITY = 1000;

    @TempDir
    static Path dir;

    static Path templates, templateScores, pseudo, pseudoScores;

    @BeforeAll
    static void eventsWithTheExactScore() throws Exception {
        // weights at every point of the finest grid below (the others are subsets of it)
        double[] grid = org.infera.core.cli.Checks.range("grid", "-0.3:0.3:61");
        templates = write("templates", GaussianToy.weightedEvents(100_000, 100_000, 11, 0, grid));
        templateScores = scores(templates, "template-scores");
        pseudo = write("pseudo", GaussianToy.weightedEvents(50_000, 50_000, 12, 0, new double[0]));
        pseudoScores = scores(pseudo, "pseudo-scores");
    }

    private static Path write(String name, MadMinerEventFile f) throws Exception {
        Path p = Files.createDirectories(dir.resolve(name)).resolve("gauss.h5");
        f.write(p);
        return p;
    }

    /** t(x) = (x − 0)/5 of every event, as float32 values like a network's. */
    private static Path scores(Path events, String name) throws Exception {
        MadMinerEventFile f = MadMinerEventFile.read(events);
        double[][] t = new double[f.events()][1];
        for (int e = 0; e < t.length; e++) t[e][0] = (float) (f.observations()[e][0] / 5);
        Path d = Files.createDirectories(dir.resolve(name));
        new EstimatedScoresFile("gauss.h5", t.length, "sally", f.parameters(), f.observables(), t)
                .write(d.resolve("gauss.h5"));
        return d;
    }

    private static JsonNode limits(int bins, double luminosity, String grid, String... more) {
        String[] args = {
            "limits",
            "--events",
            templates.toString(),
            "--scores",
            templateScores.toString(),
            "--luminosity",
            String.valueOf(luminosity),
            "--grid=" + grid,
            "--bins",
            String.valueOf(bins)
        };
        String[] all = java.util.stream.Stream.concat(java.util.Arrays.stream(args), java.util.Arrays.stream(more))
                .toArray(String[]::new);
        FitCli.Result r = FitCli.run(all);
        assertEquals(0, r.code(), r.err());
        return r.json();
    }

    @Test
    void histogramLimitsApproachTheFisherBoundFromBelow() {
        JsonNode fine = limits(40, LUMINOSITY, "-0.3:0.3:13").get("grid"),
                coarse = limits(2, LUMINOSITY, "-0.3:0.3:13").get("grid");
        for (int g = 0; g < fine.size(); g++) {
            double theta = fine.get(g).get("theta").get(0).asDouble();
            double exact = LUMINOSITY * theta * theta / 5; // the unbinned Gaussian location model
            double q = fine.get(g).get("q").asDouble(),
                    qCoarse = coarse.get(g).get("q").asDouble();
            if (theta == 0) {
                assertEquals(0, q, 1e-9);
                continue;
            }
            assertTrue(q <= exact * 1.01, "θ = " + theta + ": q " + q + " above the Fisher bound " + exact);
            assertTrue(q >= exact * 0.96, "θ = " + theta + ": 40 bins keep ≥ 96% of the information, q " + q);
            // two bins at the median keep 2/π of it (the sign of x): q ≈ (2/π) L θ²/5 for small θ
            assertTrue(qCoarse < q, "coarser bins lose information: " + qCoarse + " vs " + q);
            if (Math.abs(theta) <= 0.1)
                assertEquals(2 / Math.PI * exact, qCoarse, 0.05 * exact, "θ = " + theta + ": two bins");
            System.out.printf(
                    "GaussianToyLimitsTest: θ = %+.2f: q/(Lθ²/5) = %.4f with 40 bins, %.4f with 2 (2/π = %.4f)%n",
                    theta, q / exact, qCoarse / exact, 2 / Math.PI);
        }
    }

    @Test
    void theIntervalIsNoNarrowerThanTheFisherBound() {
        JsonNode grid = limits(40, LUMINOSITY, "-0.3:0.3:61").get("grid");
        double bound = 1 / Math.sqrt(GaussianToy.FISHER_PER_EVENT * LUMINOSITY); // 0.0707
        double threshold = new ChiSquaredDistribution(1).inverseCumulativeProbability(0.6827);
        double upper = Double.NaN;
        for (int g = 1; g < grid.size(); g++) {
            double q0 = grid.get(g - 1).get("q").asDouble(),
                    q1 = grid.get(g).get("q").asDouble();
            double t0 = grid.get(g - 1).get("theta").get(0).asDouble(),
                    t1 = grid.get(g).get("theta").get(0).asDouble();
            if (t0 >= 0 && q0 <= threshold && q1 > threshold) upper = t0 + (threshold - q0) / (q1 - q0) * (t1 - t0);
        }
        System.out.printf("GaussianToyLimitsTest: 68.27%% upper end %.5f, Fisher bound %.5f%n", upper, bound);
        assertTrue(upper >= bound * 0.995, "upper end " + upper + " against the Fisher bound " + bound);
        assertEquals(bound, upper, 0.03 * bound, "40 bins of the exact score: close to the bound");
    }

    @Test
    void eventLevelCoverageOfTheExactScoreIntervalIsNominal() {
        // 400 pseudo-experiments of Poisson(100) fresh events at θ = 0; σ(θ̂) = 1/sqrt(20) = 0.22, grid step 0.01
        int toys = 400;
        JsonNode coverage = limits(
                        20,
                        100,
                        "-0.3:0.3:61",
                        "--toys",
                        String.valueOf(toys),
                        "--seed",
                        "7",
                        "--pseudo-events",
                        pseudo.toString(),
                        "--pseudo-scores",
                        pseudoScores.toString())
                .get("coverage");
        assertEquals("events", coverage.get("pseudo_experiments").asText());
        for (JsonNode level : coverage.get("levels")) {
            double p = level.get("confidence").asDouble(),
                    c = level.get("coverage").asDouble();
            double band = 3 * Math.sqrt(p * (1 - p) / toys);
            System.out.printf(
                    "GaussianToyLimitsTest: event-level coverage at %.4f: %.4f ± %.4f (%d toys)%n",
                    p, c, level.get("error").asDouble(), toys);
            assertEquals(p, c, band, "coverage at " + p + " within ±3σ of the binomial band");
            assertEquals(Math.abs(c - p) > band, level.get("flagged").asBoolean());
        }
    }
}
