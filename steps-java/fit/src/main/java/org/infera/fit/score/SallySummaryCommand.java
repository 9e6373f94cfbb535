package org.infera.fit.score;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.hipparchus.distribution.continuous.ChiSquaredDistribution;
import org.infera.core.cli.InputException;
import org.infera.core.cli.VersionProvider;
import org.infera.core.io.AtomicOutput;
import org.infera.core.io.StrictJson;
import org.infera.fit.Median;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "sally-summary",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "The result table of a score-based analysis, like the INFERNO benchmark table: per Fisher mode (truth, "
                    + "rate, sally) the Cramér–Rao σ of each parameter, median over replicas with the range; from the "
                    + "score-histogram "
                    + "limits, the slice of the expected 95%% CL region through the true point along each parameter, "
                    + "beside the "
                    + "half-width the same region has in the Fisher approximation. Writes summary.json, summary.csv "
                    + "and summary.md."
        })
public final class SallySummaryCommand implements Callable<Integer> {
    static final String[] MODES = {"truth", "rate", "sally"};
    private static final ObjectMapper JSON = new ObjectMapper();

    @Option(
            names = "--fisher",
            required = true,
            arity = "1..*",
            paramLabel = "DIR",
            description = "One directory per replica with truth.json, rate.json and sally.json (infera-fit fisher).")
    List<Path> fisher;

    @Option(
            names = "--limits",
            arity = "1..*",
            paramLabel = "FILE",
            description = "One infera-fit limits JSON per replica.")
    List<Path> limits;

    @Option(
            names = "--confidence",
            defaultValue = "0.95",
            description = "Confidence level of the limits slices (default: ${DEFAULT-VALUE}).")
    double confidence;

    @Option(
            names = {"-o", "--out"},
            required = true,
            description = "Output directory.")
    Path out;

    @Override
    public Integer call() throws IOException {
        if (!(confidence > 0 && confidence < 1))
            throw new InputException("--confidence must be in (0, 1), got " + confidence);
        List<Path> dirs = new ArrayList<>(fisher);
        dirs.sort(null);
        String[] parameters = null;
        double luminosity = Double.NaN;
        double[] theta = null;
        // sigma[mode][parameter][replica], information[mode][parameter][replica] (the diagonal)
        double[][][] sigma = new double[MODES.length][][], information = new double[MODES.length][][];
        for (int r = 0; r < dirs.size(); r++) {
            for (int m = 0; m < MODES.length; m++) {
                Path file = dirs.get(r).resolve(MODES[m] + ".json");
                JsonNode node = read(file);
                allowOnly(node, file, "$", "mode", "luminosity", "theta", "parameters", "sigma", "fisher");
                String[] names = strings(node, "parameters", file);
                double fileLuminosity = number(node.get("luminosity"), file, "$.luminosity");
                double[] fileTheta = doubles(node, "theta", file);
                if (parameters != null && (fileLuminosity != luminosity || !Arrays.equals(fileTheta, theta))) {
                    throw new InputException.Mismatch(
                            file,
                            "$.luminosity",
                            "luminosity " + fileLuminosity + " and θ " + Arrays.toString(fileTheta) + " differ from "
                                    + dirs.get(0).resolve(MODES[0] + ".json") + "'s " + luminosity + " and "
                                    + Arrays.toString(theta));
                }
                if (parameters == null) {
                    parameters = names;
                    luminosity = number(node.get("luminosity"), file, "$.luminosity");
                    if (!(luminosity > 0))
                        throw new InputException.Value(file, "$.luminosity", "must be positive, got " + luminosity);
                    theta = doubles(node, "theta", file);
                    if (theta.length != names.length)
                        throw new InputException.Shape(
                                file, "$.theta", "expected " + names.length + " values, one per parameter");
                    for (int k = 0; k < MODES.length; k++) {
                        sigma[k] = new double[names.length][dirs.size()];
                        information[k] = new double[names.length][dirs.size()];
                    }
                } else if (!Arrays.equals(parameters, names)) {
                    throw new InputException.Mismatch(
                            file,
                            "$.parameters",
                            Arrays.toString(names) + " differ from " + Arrays.toString(parameters) + " of "
                                    + dirs.get(0).resolve(MODES[0] + ".json"));
                }
                if (!node.path("mode").asText().equals(MODES[m])) {
                    throw new InputException.Mismatch(
                            file, "$.mode", "is '" + node.path("mode").asText() + "', expected " + MODES[m]);
                }
                double[][] fisherMatrix = fisher(node, file, names.length);
                JsonNode sigmas = node.path("sigma");
                if (!sigmas.isArray() || sigmas.size() != names.length)
                    throw new InputException.Shape(
                            file, "$.sigma", "expected " + names.length + " values (number or null)");
                for (int p = 0; p < names.length; p++) {
                    JsonNode s = sigmas.get(p);
                    if (!s.isNull() && !(number(s, file, "$.sigma[" + p + "]") > 0))
                        throw new InputException.Value(file, "$.sigma[" + p + "]", "must be positive or null");
                    sigma[m][p][r] = s.isNumber() ? s.asDouble() : Double.POSITIVE_INFINITY; // null: not measured
                    information[m][p][r] = fisherMatrix[p][p];
                }
            }
        }
        double level = new ChiSquaredDistribution(parameters.length).inverseCumulativeProbability(confidence);
        List<double[][]> slices = new ArrayList<>(); // per replica: [parameter][lo, hi]
        if (limits != null) for (Path l : limits) slices.add(slices(read(l), l, parameters, theta, 1 - confidence));
        write(parameters, luminosity, theta, sigma, information, slices, level, dirs.size());
        System.err.printf("infera-fit: score-based summary of %d replicas written to %s%n", dirs.size(), out);
        return 0;
    }

    /**
     * Along each parameter, through the grid point nearest the true point, the grid values whose p-value
     * is at least alpha: [lowest, highest] (infinite where the region reaches the edge of the grid).
     */
    static double[][] slices(JsonNode limits, Path file, String[] parameters, double[] truth, double alpha) {
        if (!limits.isObject()) throw new InputException.Shape(file, "$", "expected a JSON object");
        allowOnly(limits, file, "$", "parameters", "theta_true", "luminosity", "bins", "grid");
        if (!Arrays.equals(parameters, strings(limits, "parameters", file)))
            throw new InputException.Mismatch(file, "$.parameters", "differ from the Fisher files'");
        double[] thetaTrue = doubles(limits, "theta_true", file);
        if (thetaTrue.length != parameters.length)
            throw new InputException.Shape(file, "$.theta_true", "expected " + parameters.length + " values");
        if (!(number(limits.get("luminosity"), file, "$.luminosity") > 0))
            throw new InputException.Value(file, "$.luminosity", "must be positive");
        JsonNode bins = limits.get("bins");
        if (bins == null || !bins.isIntegralNumber() || bins.asLong() < 1)
            throw new InputException.Value(file, "$.bins", "expected a positive integer, found " + bins);
        JsonNode grid = limits.path("grid");
        if (!grid.isArray() || grid.isEmpty()) throw new InputException.Shape(file, "$.grid", "is missing or empty");
        int n = parameters.length;
        List<double[]> points = new ArrayList<>();
        for (int i = 0; i < grid.size(); i++) {
            JsonNode g = grid.get(i);
            double[] row = new double[n + 1];
            allowOnly(g, file, "$.grid[" + i + "]", "theta", "q", "p_value");
            if (g.get("q") == null
                    || (!g.get("q").isNull() && !(number(g.get("q"), file, "$.grid[" + i + "].q") >= 0))) {
                throw new InputException.Value(file, "$.grid[" + i + "].q", "expected a non-negative number or null");
            }
            if (!g.path("theta").isArray() || g.path("theta").size() != n)
                throw new InputException.Shape(file, "$.grid[" + i + "].theta", "expected " + n + " numbers");
            for (int p = 0; p < n; p++)
                row[p] = number(g.path("theta").get(p), file, "$.grid[" + i + "].theta[" + p + "]");
            row[n] = number(g.get("p_value"), file, "$.grid[" + i + "].p_value");
            if (row[n] < 0 || row[n] > 1)
                throw new InputException.Value(
                        file, "$.grid[" + i + "].p_value", "a p-value must lie in [0, 1], got " + row[n]);
            points.add(row);
        }
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

    private void write(
            String[] parameters,
            double luminosity,
            double[] theta,
            double[][][] sigma,
            double[][][] information,
            List<double[][]> slices,
            double level,
            int replicas)
            throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("replicas", replicas).put("luminosity", luminosity).put("confidence", confidence);
        root.set("theta", JSON.valueToTree(theta));
        root.set("parameters", JSON.valueToTree(parameters));
        ObjectNode modes = root.putObject("cramer_rao_sigma");
        StringBuilder md = new StringBuilder();
        md.append("# Score-based inference: precision on the theory parameters\n\n")
                .append(String.format(
                        "At θ = %s for a luminosity of %s; median over %d replicas (range in brackets).%n%n",
                        Arrays.toString(theta), luminosity, replicas))
                .append("Cramér–Rao σ of each parameter, the others profiled (sqrt of the inverse Fisher "
                        + "information):\n\n| information |");
        for (String p : parameters) md.append(" σ(").append(p).append(") |");
        md.append("\n| --- |").append(" --- |".repeat(parameters.length)).append('\n');
        String csvText;
        try (CSVPrinter csv = new CSVPrinter(new StringBuilder(), CSVFormat.DEFAULT)) {
            csv.printRecord("mode", "parameter", "sigma_median", "sigma_min", "sigma_max", "information_median");
            for (int m = 0; m < MODES.length; m++) {
                ObjectNode mode = modes.putObject(MODES[m]);
                md.append("| ").append(label(MODES[m])).append(" |");
                for (int p = 0; p < parameters.length; p++) {
                    double[] s = sigma[m][p];
                    double median = Median.of(s),
                            lo = Arrays.stream(s).min().orElseThrow(),
                            hi = Arrays.stream(s).max().orElseThrow();
                    mode.putArray(parameters[p]).add(median).add(lo).add(hi);
                    md.append(
                            Double.isInfinite(median)
                                    ? " ∞ (no information) |"
                                    : String.format(" %.4g (%.4g – %.4g) |", median, lo, hi));
                    csv.printRecord(MODES[m], parameters[p], median, lo, hi, Median.of(information[m][p]));
                }
                md.append('\n');
            }
            csvText = csv.getOut().toString();
        }
        if (!slices.isEmpty()) {
            ObjectNode limitsNode = root.putObject("limits");
            md.append(String.format(
                    "%nExpected %.0f%% CL region (score histograms, Asimov data at θ, χ² with %d degrees of freedom), "
                            + "its slice "
                            + "through θ along each parameter, beside the slice of the same region in the Fisher "
                            + "approximation "
                            + "(θ ± sqrt(%.3f / I_pp)):%n%n| parameter | histograms: slice | truth Fisher | SALLY "
                            + "Fisher |%n| --- | --- | --- | --- |%n",
                    100 * confidence, parameters.length, level));
            for (int p = 0; p < parameters.length; p++) {
                double[] lo = new double[slices.size()], hi = new double[slices.size()];
                for (int r = 0; r < slices.size(); r++) {
                    lo[r] = slices.get(r)[p][0];
                    hi[r] = slices.get(r)[p][1];
                }
                double halfTruth = Math.sqrt(level / Median.of(information[0][p])),
                        halfSally = Math.sqrt(level / Median.of(information[2][p]));
                ObjectNode node = limitsNode.putObject(parameters[p]);
                node.putArray("histogram_slice").add(Median.of(lo)).add(Median.of(hi));
                node.put("fisher_half_width_truth", halfTruth).put("fisher_half_width_sally", halfSally);
                md.append(String.format(
                        "| %s | [%s, %s] | %s ± %.3g | %s ± %.3g |%n",
                        parameters[p],
                        bound(Median.of(lo)),
                        bound(Median.of(hi)),
                        theta[p],
                        halfTruth,
                        theta[p],
                        halfSally));
            }
            md.append("\n(±∞: the region reaches the edge of the grid; widen `--grid`.)\n");
        }
        String json = JSON.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root);
        AtomicOutput.writeDirectory(out, dir -> {
            Files.writeString(dir.resolve("summary.csv"), csvText);
            Files.writeString(dir.resolve("summary.json"), json);
            Files.writeString(dir.resolve("summary.md"), md.toString());
        });
    }

    private static String label(String mode) {
        return switch (mode) {
            case "truth" -> "truth (all the events know)";
            case "rate" -> "rate only (counting)";
            default -> "SALLY (kinematics + rate)";
        };
    }

    private static String bound(double v) {
        return Double.isInfinite(v) ? (v > 0 ? "+∞" : "−∞") : Double.isNaN(v) ? "none" : String.format("%.3g", v);
    }

    private static JsonNode read(Path file) {
        JsonNode root = StrictJson.readTree(file, "JSON of infera-fit", InputException.Value::new);
        if (!root.isObject()) throw new InputException.Shape(file, "$", "expected a JSON object");
        return root;
    }

    /** The largest Fisher information entry: beyond it the inverse underflows. */
    static final double MAX_INFORMATION = 1e150;

    private static void allowOnly(JsonNode node, Path file, String path, String... fields) {
        java.util.Set<String> allowed = java.util.Set.of(fields);
        for (java.util.Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!allowed.contains(f))
                throw new InputException.Shape(
                        file, path + "." + f, "unknown field (known: " + String.join(", ", fields) + ")");
        }
    }

    private static String[] strings(JsonNode node, String field, Path file) {
        JsonNode a = node.path(field);
        if (!a.isArray() || a.isEmpty()) throw new InputException.Shape(file, "$." + field, "is missing or empty");
        String[] out = new String[a.size()];
        for (int i = 0; i < out.length; i++) {
            if (!a.get(i).isTextual() || a.get(i).asText().isBlank())
                throw new InputException.Shape(file, "$." + field + "[" + i + "]", "expected a name");
            out[i] = a.get(i).asText();
        }
        return out;
    }

    private static double[] doubles(JsonNode node, String field, Path file) {
        JsonNode a = node.path(field);
        if (!a.isArray()) throw new InputException.Shape(file, "$." + field, "is missing (expected a list of numbers)");
        double[] out = new double[a.size()];
        for (int i = 0; i < out.length; i++) out[i] = number(a.get(i), file, "$." + field + "[" + i + "]");
        return out;
    }

    static double number(JsonNode n, Path file, String path) {
        if (n == null || !n.isNumber())
            throw new InputException.Value(
                    file, path, "expected a number, found " + (n == null || n.isMissingNode() ? "nothing" : n));
        double v = n.asDouble();
        if (!Double.isFinite(v)) throw new InputException.Value(file, path, "not finite (" + v + ")");
        return v;
    }

    /**
     * The Fisher information of a fisher JSON: square over the parameters, finite, symmetric, non-negative diagonal.
     */
    static double[][] fisher(JsonNode node, Path file, int n) {
        JsonNode f = node.path("fisher");
        if (!f.isArray() || f.size() != n)
            throw new InputException.Shape(
                    file, "$.fisher", "expected a " + n + "×" + n + " matrix (one row per parameter)");
        double[][] m = new double[n][n];
        for (int a = 0; a < n; a++) {
            if (!f.get(a).isArray() || f.get(a).size() != n)
                throw new InputException.Shape(
                        file, "$.fisher[" + a + "]", "expected " + n + " numbers (a square matrix)");
            for (int b = 0; b < n; b++) m[a][b] = number(f.get(a).get(b), file, "$.fisher[" + a + "][" + b + "]");
        }
        for (int a = 0; a < n; a++) {
            for (int b = 0; b < n; b++) {
                if (Math.abs(m[a][b]) > MAX_INFORMATION)
                    throw new InputException.Value(
                            file, "$.fisher[" + a + "][" + b + "]", "beyond ±" + MAX_INFORMATION);
            }
            if (m[a][a] < 0)
                throw new InputException.Value(
                        file, "$.fisher[" + a + "][" + a + "]", "negative information " + m[a][a]);
            for (int b = 0; b < a; b++) {
                double scale = Math.max(Math.abs(m[a][b]), Math.abs(m[b][a]));
                if (Math.abs(m[a][b] - m[b][a]) > 1e-9 * scale) {
                    throw new InputException.Value(
                            file,
                            "$.fisher[" + a + "][" + b + "]",
                            "the matrix is not symmetric (" + m[a][b] + " vs " + m[b][a] + ")");
                }
                if (m[a][b] * m[a][b] > m[a][a] * m[b][b] * (1 + 1e-9)) {
                    throw new InputException.Value(
                            file, "$.fisher[" + a + "][" + b + "]", "not a Fisher information (|I_ab|² > I_aa I_bb)");
                }
            }
        }
        return m;
    }
}
