package org.infera.fit.score;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVPrinter;
import org.infera.core.cli.InputException;
import org.infera.fit.Median;

/**
 * The training uncertainty of SALLY's Fisher information when each replica's scores come from an ensemble
 * (infera-fit fisher's "ensemble" field): per replica the standard deviation over members of each member's
 * information I_pp and Cramér–Rao σ_p; the summary reports their medians over replicas beside the ensemble's
 * own values.
 */
final class TrainingSpread {
    private int members; // 0: no replica had an ensemble
    private final List<double[]> sigmaStd = new ArrayList<>(), informationStd = new ArrayList<>();

    /** Reads one replica's sally.json "ensemble" field (absent: one network), checked against earlier replicas. */
    void add(JsonNode sally, Path file, int parameters, boolean first) {
        JsonNode e = sally.get("ensemble");
        int k = e == null ? 0 : ScoreJson.ensembleMembers(e, file);
        if (!first && k != members) {
            throw new InputException.Mismatch(
                    file,
                    "$.ensemble.members",
                    (k == 0 ? "one network" : "an ensemble of " + k) + ", but the first replica's is "
                            + (members == 0 ? "one network" : "an ensemble of " + members));
        }
        members = k;
        if (e == null) return;
        ScoreJson.allowOnly(e, file, "$.ensemble", "members", "fisher_std", "sigma_std", "fisher_members");
        double[] information = new double[parameters], sigma = new double[parameters];
        JsonNode f = e.path("fisher_std"), s = e.path("sigma_std");
        if (!f.isArray() || f.size() != parameters)
            throw new InputException.Shape(file, "$.ensemble.fisher_std", "expected " + parameters + " rows");
        if (!s.isArray() || s.size() != parameters)
            throw new InputException.Shape(file, "$.ensemble.sigma_std", "expected " + parameters + " numbers or null");
        for (int p = 0; p < parameters; p++) {
            String row = "$.ensemble.fisher_std[" + p + "]";
            if (!f.get(p).isArray() || f.get(p).size() != parameters)
                throw new InputException.Shape(file, row, "expected " + parameters + " numbers (a square matrix)");
            information[p] = ScoreJson.number(f.get(p).get(p), file, row + "[" + p + "]");
            if (information[p] < 0)
                throw new InputException.Value(file, row + "[" + p + "]", "a standard deviation cannot be negative");
            String at = "$.ensemble.sigma_std[" + p + "]";
            sigma[p] = s.get(p).isNull() ? Double.NaN : ScoreJson.number(s.get(p), file, at);
            if (sigma[p] < 0) throw new InputException.Value(file, at, "a standard deviation cannot be negative");
        }
        informationStd.add(information);
        sigmaStd.add(sigma);
    }

    boolean any() {
        return members > 0;
    }

    int members() {
        return members;
    }

    /** The median over replicas of parameter p's spread: of σ (sigma: true) or of I_pp. */
    double median(int p, boolean sigma) {
        List<double[]> rows = sigma ? sigmaStd : informationStd;
        double[] v = new double[rows.size()];
        for (int r = 0; r < v.length; r++) v[r] = rows.get(r)[p];
        return Median.of(v);
    }

    /** summary.json's "ensemble": members, and per parameter the median spreads. */
    void json(ObjectNode root, String[] parameters) {
        ObjectNode node = root.putObject("ensemble").put("members", members);
        ObjectNode sigma = node.putObject("sigma_std"), information = node.putObject("information_std");
        for (int p = 0; p < parameters.length; p++) {
            sigma.put(parameters[p], median(p, true));
            information.put(parameters[p], median(p, false));
        }
    }

    /** summary.csv's rows of mode sally_training_std: the spread's median, min and max over replicas. */
    void csv(CSVPrinter csv, String[] parameters) throws java.io.IOException {
        for (int p = 0; p < parameters.length; p++) {
            double[] v = new double[sigmaStd.size()];
            for (int r = 0; r < v.length; r++) v[r] = sigmaStd.get(r)[p];
            double lo = java.util.Arrays.stream(v).min().orElseThrow(),
                    hi = java.util.Arrays.stream(v).max().orElseThrow();
            csv.printRecord("sally_training_std", parameters[p], median(p, true), lo, hi, median(p, false));
        }
    }

    /** summary.md's table: the ensemble's information and σ (medians over replicas) ± the spread over members. */
    String markdown(String[] parameters, double[] information, double[] sigma) {
        StringBuilder md = new StringBuilder(String.format(
                "%nTraining uncertainty of SALLY: an ensemble of %d trainings per replica (derived seeds), combined "
                        + "by their mean score; ± is the standard deviation over members of each member's own "
                        + "result (median over replicas):%n%n| parameter | Fisher information I_pp | σ |%n"
                        + "| --- | --- | --- |%n",
                members));
        for (int p = 0; p < parameters.length; p++) {
            md.append(String.format(
                    "| %s | %.4g ± %.2g | %.4g ± %.2g |%n",
                    parameters[p], information[p], median(p, false), sigma[p], median(p, true)));
        }
        return md.toString();
    }
}
