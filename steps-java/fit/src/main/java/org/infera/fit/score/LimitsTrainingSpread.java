package org.infera.fit.score;

import com.fasterxml.jackson.databind.node.ArrayNode;
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
 * that end undefined, and the median is over the replicas where it is defined (none: null in summary.json, n/a in
 * summary.md, empty in summary.csv).
 */
final class LimitsTrainingSpread {
    private int members = -1; // -1: no ratio limits read yet; 0: one network
    private final List<double[][]> std = new ArrayList<>(); // per replica [parameter][lo, hi]; NaN: undefined

    /** One replica's ratio slices, checked to come from as many members as the earlier replicas'. */
    void add(LimitSlices replica, Path file) {
        double[][][] m = replica.memberSlices();
        int k = m == null ? 0 : m.length;
        if (members >= 0 && k != members)
            throw new InputException.Mismatch(
                    file,
                    k == 0 ? "$.ensemble" : "$.ensemble.members",
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
        return k == 0 ? "one network (no 'ensemble')" : "an ensemble of " + k;
    }

    boolean any() {
        return members > 0;
    }

    /** Parameter p's spread of end 0 (lo) or 1 (hi) in the replicas where it is defined. */
    private double[] defined(int p, int end) {
        return std.stream().mapToDouble(s -> s[p][end]).filter(Double::isFinite).toArray();
    }

    /** The median over the replicas where it is defined (NaN: in none). */
    double median(int p, int end) {
        double[] v = defined(p, end);
        return v.length == 0 ? Double.NaN : Median.of(v);
    }

    /** summary.json's "ratio_ensemble": members, and per parameter the median spreads of [lo, hi] (null: none). */
    void json(ObjectNode root, String[] parameters) {
        ObjectNode node = root.putObject("ratio_ensemble").put("members", members);
        ObjectNode slice = node.putObject("slice_std");
        for (int p = 0; p < parameters.length; p++) {
            ArrayNode ends = slice.putArray(parameters[p]);
            for (int end = 0; end < 2; end++) {
                double v = median(p, end);
                if (Double.isNaN(v)) ends.addNull();
                else ends.add(v);
            }
        }
    }

    /**
     * summary.csv's rows of modes ratio_slice_lo_training_std and ratio_slice_hi_training_std: the spread's median,
     * min and max over the replicas where it is defined (empty where it is in none).
     */
    void csv(CSVPrinter csv, String[] parameters) throws IOException {
        for (int end = 0; end < 2; end++) {
            for (int p = 0; p < parameters.length; p++) {
                double[] v = defined(p, end);
                csv.printRecord(
                        "ratio_slice_" + (end == 0 ? "lo" : "hi") + "_training_std",
                        parameters[p],
                        v.length == 0 ? "" : Median.of(v),
                        v.length == 0 ? "" : Arrays.stream(v).min().orElseThrow(),
                        v.length == 0 ? "" : Arrays.stream(v).max().orElseThrow(),
                        "");
            }
        }
    }

    /**
     * summary.md's table: the ensemble's slice (median over replicas, each end written by {@code bound}) ± the spread
     * of each end over members.
     */
    String markdown(
            String[] parameters, double[][] slice, double level, java.util.function.DoubleFunction<String> bound) {
        StringBuilder md = new StringBuilder(String.format(
                "%nTraining uncertainty of RATIO: an ensemble of %d trainings per replica (derived seeds), combined "
                        + "by their mean log r̂; ± is the standard deviation over members of each end of each "
                        + "member's own %.0f%% CL slice (median over replicas; n/a where a member's region reaches "
                        + "the grid's edge):%n%n| parameter | RATIO slice lo | RATIO slice hi |%n| --- | --- | --- |%n",
                members, 100 * level));
        for (int p = 0; p < parameters.length; p++) {
            md.append("| ").append(parameters[p]).append(" |");
            for (int end = 0; end < 2; end++) {
                double spread = median(p, end);
                md.append(' ')
                        .append(bound.apply(slice[p][end]))
                        .append(Double.isNaN(spread) ? " ± n/a" : String.format(" ± %.2g", spread))
                        .append(" |");
            }
            md.append('\n');
        }
        return md.toString();
    }
}
