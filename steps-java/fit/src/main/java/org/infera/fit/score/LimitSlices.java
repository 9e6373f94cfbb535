package org.infera.fit.score;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.infera.core.cli.InputException;

/**
 * The slices of one replica's expected limits (infera-fit limits) through the true point: for each parameter
 * [lo, hi], and the method that gave them (sally or sallino histograms, or ratio: a learned log r̂); for a ratio
 * ensemble also each member's own slices, [member][parameter][lo, hi] (else null).
 */
record LimitSlices(String method, double[][] slices, double[][][] memberSlices) {
    /** The methods of infera-fit limits, in the order of the summary's columns. */
    static final List<String> METHODS = List.of("sally", "sallino", "ratio");

    /**
     * Along each parameter, through the grid point nearest the true point, the grid values whose p-value
     * is at least alpha: [lowest, highest] (infinite where the region reaches the edge of the grid).
     */
    static LimitSlices of(JsonNode limits, Path file, String[] parameters, double[] truth, double alpha) {
        if (!limits.isObject()) throw new InputException.Shape(file, "$", "expected a JSON object");
        String method = limits.path("method").asText("sally");
        if (!METHODS.contains(method))
            throw new InputException.Value(file, "$.method", "expected one of " + METHODS + ", found " + method);
        boolean ratio = method.equals("ratio");
        if (ratio)
            ScoreJson.allowOnly(
                    limits,
                    file,
                    "$",
                    "parameters",
                    "theta_true",
                    "luminosity",
                    "method",
                    "estimator",
                    "expected_events",
                    "q_min",
                    "best_fit",
                    "grid",
                    "ensemble");
        else
            ScoreJson.allowOnly(
                    limits, file, "$", "parameters", "theta_true", "luminosity", "method", "bins", "grid", "coverage");
        if (!Arrays.equals(parameters, ScoreJson.strings(limits, "parameters", file)))
            throw new InputException.Mismatch(file, "$.parameters", "differ from the Fisher files'");
        double[] thetaTrue = ScoreJson.doubles(limits, "theta_true", file);
        if (thetaTrue.length != parameters.length)
            throw new InputException.Shape(file, "$.theta_true", "expected " + parameters.length + " values");
        if (!(ScoreJson.number(limits.get("luminosity"), file, "$.luminosity") > 0))
            throw new InputException.Value(file, "$.luminosity", "must be positive");
        JsonNode bins = limits.get("bins");
        if (!ratio && (bins == null || !bins.isIntegralNumber() || bins.asLong() < 1))
            throw new InputException.Value(file, "$.bins", "expected a positive integer, found " + bins);
        JsonNode grid = limits.path("grid");
        if (!grid.isArray() || grid.isEmpty()) throw new InputException.Shape(file, "$.grid", "is missing or empty");
        int n = parameters.length;
        List<double[]> points = new ArrayList<>();
        for (int i = 0; i < grid.size(); i++) {
            JsonNode g = grid.get(i);
            double[] row = new double[n + 1];
            ScoreJson.allowOnly(g, file, "$.grid[" + i + "]", "theta", "q", "p_value");
            JsonNode q = g.get("q");
            // a learned log r̂ can put q below 0 (its p-values are those of q − q_min)
            if (q == null || (!q.isNull() && !(ScoreJson.number(q, file, "$.grid[" + i + "].q") >= 0) && !ratio)) {
                throw new InputException.Value(file, "$.grid[" + i + "].q", "expected a non-negative number or null");
            }
            if (!g.path("theta").isArray() || g.path("theta").size() != n)
                throw new InputException.Shape(file, "$.grid[" + i + "].theta", "expected " + n + " numbers");
            for (int p = 0; p < n; p++)
                row[p] = ScoreJson.number(g.path("theta").get(p), file, "$.grid[" + i + "].theta[" + p + "]");
            row[n] = ScoreJson.number(g.get("p_value"), file, "$.grid[" + i + "].p_value");
            if (row[n] < 0 || row[n] > 1)
                throw new InputException.Value(
                        file, "$.grid[" + i + "].p_value", "a p-value must lie in [0, 1], got " + row[n]);
            points.add(row);
        }
        double[][][] members = null;
        if (limits.has("ensemble")) {
            double[][] memberP = memberPValues(limits.get("ensemble"), file, points.size());
            members = new double[memberP.length][][];
            for (int k = 0; k < members.length; k++) {
                List<double[]> own = new ArrayList<>();
                for (int i = 0; i < points.size(); i++) {
                    double[] row = points.get(i).clone();
                    row[n] = memberP[k][i];
                    own.add(row);
                }
                members[k] = slices(own, n, truth, alpha);
            }
        }
        return new LimitSlices(method, slices(points, n, truth, alpha), members);
    }

    /** A ratio ensemble's "ensemble": {"members": K ≥ 2, "p_values": K rows of one p-value per grid point}. */
    private static double[][] memberPValues(JsonNode e, Path file, int points) {
        ScoreJson.allowOnly(e, file, "$.ensemble", "members", "p_values");
        int k = ScoreJson.ensembleMembers(e, file);
        JsonNode rows = e.path("p_values");
        if (!rows.isArray() || rows.size() != k)
            throw new InputException.Shape(file, "$.ensemble.p_values", "expected " + k + " rows, one per member");
        double[][] out = new double[rows.size()][points];
        for (int m = 0; m < out.length; m++) {
            String at = "$.ensemble.p_values[" + m + "]";
            if (!rows.get(m).isArray() || rows.get(m).size() != points)
                throw new InputException.Shape(file, at, "expected " + points + " p-values, one per grid point");
            for (int i = 0; i < points; i++) {
                out[m][i] = ScoreJson.number(rows.get(m).get(i), file, at + "[" + i + "]");
                if (out[m][i] < 0 || out[m][i] > 1)
                    throw new InputException.Value(file, at + "[" + i + "]", "a p-value must lie in [0, 1]");
            }
        }
        return out;
    }

    /** rows: θ (n values) then the p-value; the slices [parameter][lo, hi] through the grid point nearest truth. */
    private static double[][] slices(List<double[]> points, int n, double[] truth, double alpha) {
        double[] nearest = new double[n];
        for (int p = 0; p < n; p++) {
            final int q = p;
            nearest[p] = points.stream()
                    .mapToDouble(row -> row[q])
                    .boxed()
                    .min((a, b) -> Double.compare(Math.abs(a - truth[q]), Math.abs(b - truth[q])))
                    .orElseThrow();
        }
        double[][] out = new double[n][];
        for (int axis = 0; axis < n; axis++) {
            final int p = axis;
            List<double[]> line = new ArrayList<>();
            for (double[] row : points) {
                boolean onLine = true;
                for (int o = 0; o < n; o++) if (o != p && row[o] != nearest[o]) onLine = false;
                if (onLine) line.add(row);
            }
            line.sort((a, b) -> Double.compare(a[p], b[p]));
            double lo = Double.NaN, hi = Double.NaN;
            for (int i = 0; i < line.size(); i++) {
                if (line.get(i)[n] < alpha) continue;
                if (Double.isNaN(lo))
                    lo = i == 0 ? Double.NEGATIVE_INFINITY : crossing(line.get(i - 1), line.get(i), p, n, alpha);
                hi = i == line.size() - 1
                        ? Double.POSITIVE_INFINITY
                        : line.get(i + 1)[n] < alpha ? crossing(line.get(i), line.get(i + 1), p, n, alpha) : hi;
            }
            out[p] = new double[] {lo, hi};
        }
        return out;
    }

    /** Where p = alpha between two neighbouring grid points, p linear in between. */
    private static double crossing(double[] a, double[] b, int axis, int pIndex, double alpha) {
        double t = (alpha - a[pIndex]) / (b[pIndex] - a[pIndex]);
        return a[axis] + t * (b[axis] - a[axis]);
    }
}
