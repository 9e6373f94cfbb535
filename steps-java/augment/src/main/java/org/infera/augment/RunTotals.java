package org.infera.augment;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.infera.core.data.MadMinerEventFile;
import org.infera.core.data.SamplingFactors;
import org.infera.core.data.Split;
import org.infera.core.morphing.Morphing;

/**
 * What a shard's augmentation task needs to know of the whole run at each θ it draws at, summed over
 * every event of every shard (read one file at a time, so memory follows the largest shard; weights
 * with the run's sampling factors applied, as in the task's own file): the
 * cross section σ(θ) and its gradient, which the joint score and ratio are normalised by; the sums of
 * the clipped weights and of their squares (the effective sample size); and each shard's clipped
 * weight in each split, by which the run's draws are shared among the shards.
 */
final class RunTotals {
    /** The run's sums at one θ. */
    record At(double sigma, double[] dSigma, double clipped, double clippedSquares, double[][] splitWeight) {
        /** (Σw)²/Σw² of the clipped weights, over every event of the run. */
        double effectiveSampleSize() {
            return clipped * clipped / clippedSquares;
        }
    }

    private final Map<String, At> byTheta = new HashMap<>();

    /**
     * @param partitions each shard's partition into splits (indices into its file's events)
     */
    RunTotals(
            List<Path> files,
            MadMinerEventFile own,
            double[][] ownWeights,
            SamplingFactors factors,
            Path ownPath,
            Morphing morphing,
            List<double[]> thetas,
            List<Map<Split, int[]>> partitions) {
        int params = morphing.parameters();
        Map<String, double[]> sums = new HashMap<>(); // σ, Σ clipped, Σ clipped², then ∇σ
        Map<String, double[][]> splits = new HashMap<>();
        for (double[] theta : thetas) {
            sums.put(key(theta), new double[3 + params]);
            splits.put(key(theta), new double[files.size()][Split.values().length]);
        }
        for (int s = 0; s < files.size(); s++) {
            boolean isOwn = files.get(s).equals(ownPath);
            if (!isOwn) MadMinerEventFile.readHeader(files.get(s)).requireSameRunAs(own, files.get(s), ownPath);
            double[][] weights = isOwn ? ownWeights : MadMinerEventFile.readWeights(files.get(s), factors);
            if (weights.length
                    != partitions.get(s).values().stream()
                            .mapToInt(p -> p.length)
                            .sum()) {
                throw new org.infera.core.cli.InputException(
                        files.get(s) + ": changed while it was read (its event count differs)");
            }
            Map<Split, int[]> partition = partitions.get(s);
            for (double[] theta : thetas) {
                // w(θ) and ∇w(θ) event by event, summed as Morphing.eventWeights/eventWeightGradients sum them
                // (the same bytes as one task for the whole run), without holding them for every event
                double[] wb = morphing.benchmarkWeights(theta);
                double[][] gb = morphing.benchmarkWeightGradients(theta);
                double[] w = new double[weights.length];
                double[] sum = sums.get(key(theta));
                for (int e = 0; e < w.length; e++) {
                    for (int b = 0; b < wb.length; b++) w[e] += wb[b] * weights[e][b];
                    double c = Math.max(w[e], 0);
                    sum[0] += w[e];
                    sum[1] += c;
                    sum[2] += c * c;
                    for (int p = 0; p < params; p++) {
                        double d = 0;
                        for (int b = 0; b < wb.length; b++) d += gb[p][b] * weights[e][b];
                        sum[3 + p] += d;
                    }
                }
                for (Split split : Split.values()) {
                    double t = 0;
                    for (int e : partition.get(split)) t += Math.max(w[e], 0);
                    splits.get(key(theta))[s][split.ordinal()] = t;
                }
            }
        }
        for (double[] theta : thetas) {
            double[] sum = sums.get(key(theta));
            byTheta.put(
                    key(theta),
                    new At(sum[0], Arrays.copyOfRange(sum, 3, 3 + params), sum[1], sum[2], splits.get(key(theta))));
        }
    }

    At at(double[] theta) {
        At at = byTheta.get(key(theta));
        if (at == null) throw new IllegalStateException("no run totals at θ = " + Arrays.toString(theta));
        return at;
    }

    private static String key(double[] theta) {
        return Arrays.toString(theta);
    }
}
