package org.infera.fit.score;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import org.hipparchus.distribution.continuous.ChiSquaredDistribution;
import org.infera.core.random.PseudoExperimentSeeds;
import org.infera.core.random.Rng;
import org.infera.core.stats.Coverage;

/**
 * Coverage of the score-histogram limits' confidence regions: pseudo-experiments are Poisson counts of the
 * expected histogram at the true point (the histograms' own templates: a check of the method, not of the
 * events), or fresh events simulated at the true point and binned by their estimated scores
 * ({@link PseudoEventExperiments}: event level), and a pseudo-experiment's region at confidence CL is every θ
 * with q(θ) − min q ≤ the χ² quantile (the minimum over the grid and the true point). Covered when the true
 * point lies in the region.
 */
final class LimitsCoverage {
    static final double[] LEVELS = {Coverage.NOMINAL, 0.95};

    private LimitsCoverage() {}

    /** The counts per bin of pseudo-experiment t, and how they are made. */
    interface Counts {
        double[] of(int toy);

        /** "histogram" or "events". */
        String level();
    }

    /** Poisson counts of the expected histogram at the truth, each toy from its own seed. */
    static Counts poisson(double[] expected, long seed) {
        return new Counts() {
            @Override
            public double[] of(int toy) {
                long toySeed = PseudoExperimentSeeds.seed(seed, PseudoExperimentSeeds.TEMPLATES, "limits", 0, 0, toy);
                Rng rng = new Rng(toySeed);
                double[] counts = new double[expected.length];
                for (int b = 0; b < counts.length; b++) counts[b] = rng.poisson(expected[b]);
                return counts;
            }

            @Override
            public String level() {
                return "histogram";
            }
        };
    }

    /**
     * {@code q} gives q(θ) of a pseudo-experiment's counts for the grid points (g = 0 … points − 1) and the
     * true point (g = points).
     */
    static void compute(ObjectNode out, Counts pseudo, int points, int parameters, int toys, long seed, QFunction q) {
        ChiSquaredDistribution chi2 = new ChiSquaredDistribution(parameters);
        int[] covered = new int[LEVELS.length];
        for (int t = 0; t < toys; t++) {
            double[] counts = pseudo.of(t);
            double atTruth = q.of(counts, points), min = atTruth;
            for (int g = 0; g < points; g++) min = Math.min(min, q.of(counts, g));
            for (int l = 0; l < LEVELS.length; l++)
                if (atTruth - min <= chi2.inverseCumulativeProbability(LEVELS[l])) covered[l]++;
        }
        ObjectNode node = out.putObject("coverage");
        node.put("toys", toys).put("seed", seed).put("pseudo_experiments", pseudo.level());
        var levels = node.putArray("levels");
        for (int l = 0; l < LEVELS.length; l++) {
            double c = (double) covered[l] / toys, p = LEVELS[l];
            double z = (c - p) / Math.sqrt(p * (1 - p) / toys);
            levels.addObject()
                    .put("confidence", p)
                    .put("covered", covered[l])
                    .put("coverage", c)
                    .put("error", Math.sqrt(c * (1 - c) / toys))
                    .put("z", z)
                    .put("flagged", Math.abs(z) > Coverage.FLAG_SIGMAS);
        }
    }

    /** q(θ_g) of the given counts. */
    interface QFunction {
        double of(double[] counts, int g);
    }

    /** The summary's lines: each replica's coverage at each confidence level. */
    static String markdown(List<JsonNode> replicas) {
        if (replicas.isEmpty()) return "";
        StringBuilder md = new StringBuilder(String.format(
                Locale.ROOT,
                "%nCoverage of the histogram limits' regions, %d %s at θ per replica (⚠: beyond ±3σ of the "
                        + "binomial band):%n%n",
                replicas.get(0).path("toys").asInt(),
                replicas.get(0).path("pseudo_experiments").asText().equals("events")
                        ? "event-level pseudo-experiments (fresh events simulated"
                                + " and binned by their estimated score)"
                        : "Poisson pseudo-experiments of the score histograms"));
        ToDoubleFunction<JsonNode> c = n -> n.path("coverage").asDouble();
        for (int r = 0; r < replicas.size(); r++) {
            md.append("- replica ").append(r).append(':');
            for (JsonNode level : replicas.get(r).path("levels"))
                md.append(String.format(
                        Locale.ROOT,
                        " %.2f%% CL: %.3f ± %.3f%s;",
                        100 * level.path("confidence").asDouble(),
                        c.applyAsDouble(level),
                        level.path("error").asDouble(),
                        level.path("flagged").asBoolean() ? " ⚠" : ""));
            md.append('\n');
        }
        return md.toString();
    }
}
