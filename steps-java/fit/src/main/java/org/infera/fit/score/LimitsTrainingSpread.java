package org.infera.fit.score;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.csv.CSVPrinter;
import org.infera.core.cli.InputException;
import org.infera.core.stats.EnsembleSpread;
import org.infera.fit.Median;

/**
 * The training uncertainty of the likelihood-ratio limits when each replica's log r̂ comes from an ensemble
 * (infera-fit limits --method ratio's "ensemble" field): per replica the standard deviation over members of each
 * member's own slice ends [lo, hi]; the summary reports their medians over replicas beside the ensemble's slice.
 * An end a member cannot place (its region reaches the grid's edge, or is empty) leaves that replica's spread of
 * that end undefined (NaN), and the median is over the replicas where it is defined.
 */
final class LimitsTrainingSpread {
    private int members = -1; // -1: no ratio limits read yet; 0: one network
    private final List<double[][]> std = new ArrayList<>(); // per replica [parameter][lo, hi]

    /** One replica's ratio slices, checked to come from as many members as the earlier replicas'. */
    void add(LimitSlices replica, Path file) {
        double[][][] m = replica.memberSlices();
        int k = m == null ? 0 : m.length;
        if (members >= 0 && k != members)
            throw new InputException.Mismatch(
                    file,
                    "$.ensemble.members",
                    describe(k) + ", but the first replica's ratio limits come from " + describe(members));
        members = k;
        if (m == null) return;
        int parameters = replica.slices().length;
        double[][] spread = new double[parameters][2];
        for (int p = 0; p < parameters; p++) {
            for (int end = 0; end < 2; end++) {
                double[] values = new double[k];
                for (int j = 0; j < k; j++) values[j] = m[j][p][end];
                spread[p][end] =
                        Arrays.stream(values).allMatch(Double::isFinite) ? EnsembleSpread.std(values) : Double.NaN;
            }
        }
        std.add(spread);
    }

    private static String describe(int k) {
        return k == 0 ? "one network" : "an ensemble of " + k;
    }

    boolean any() {
        return members > 0;
    }

    /** The median over the replicas where it is defined of parameter p's spread of end 0 (lo) or 1 (hi). */
    double median(int p, int end) {
        double[] v = std.stream()
                .mapToDouble(s -> s[p][end])
                .filter(Double::isFinite)
                .toArray();
        return v.length == 0 ? Double.NaN : Median.of(v);
    }

    /** summary.json's "ratio_ensemble": members, and per parameter the median spreads of [lo, hi]. */
    void json(ObjectNode root, String[] parameters) {
        ObjectNode node = root.putObject("ratio_ensemble").put("members", members);
        ObjectNode slice = node.putObject("slice_std");
        for (int p = 0; p < parameters.length; p++)
            slice.putArray(parameters[p]).add(median(p, 0)).add(median(p, 1));
    }

    /**
     * summary.csv's rows of modes ratio_slice_lo_training_std and ratio_slice_hi_training_std: the spread's median,
     * min and max over the replicas where it is defined.
     */
    void csv(CSVPrinter csv, String[] parameters) throws IOException {
        for (int end = 0; end < 2; end++) {
            for (int p = 0; p < parameters.length; p++) {
                final int q = p, e = end;
                double[] v = std.stream()
                        .mapToDouble(s -> s[q][e])
                        .filter(Double::isFinite)
                        .toArray();
                csv.printRecord(
                        "ratio_slice_" + (end == 0 ? "lo" : "hi") + "_training_std",
                        parameters[p],
                        median(p, end),
                        Arrays.stream(v).min().orElse(Double.NaN),
                        Arrays.stream(v).max().orElse(Double.NaN),
                        "");
            }
        }
    }

    /** summary.md's table: the ensemble's slice (median over replicas) ± the spread of each end over members. */
    String markdown(String[] parameters, double[][] slice) {
        StringBuilder md = new StringBuilder(String.format(
                "%nTraining uncertainty of RATIO: an ensemble of %d trainings per replica (derived seeds), combined "
                        + "by their mean log r̂; ± is the standard deviation over members of each end of each "
                        + "member's own slice (median over replicas; n/a where a member's region reaches the grid's "
                        + "edge):%n%n| parameter | RATIO slice lo | RATIO slice hi |%n| --- | --- | --- |%n",
                members));
        for (int p = 0; p < parameters.length; p++)
            md.append(String.format(
                    "| %s | %s | %s |%n",
                    parameters[p], end(slice[p][0], median(p, 0)), end(slice[p][1], median(p, 1))));
        return md.toString();
    }

    private static String end(double value, double spread) {
        String v = Double.isInfinite(value) ? (value > 0 ? "+∞" : "−∞") : String.format("%.3g", value);
        return Double.isNaN(spread) ? v + " ± n/a" : String.format("%s ± %.2g", v, spread);
    }
}
