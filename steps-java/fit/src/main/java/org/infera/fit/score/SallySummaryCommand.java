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
                    + "limits (SALLY's, and SALLINO's where given) and the likelihood-ratio limits of a learned log r̂ "
                    + "(infera-fit limits --method ratio, where given), the slice of the expected 95%% CL region "
                    + "through "
                    + "the true point along each parameter, beside the "
                    + "half-width the same region has in the Fisher approximation. Writes summary.json, summary.csv "
                    + "and summary.md."
        })
public final class SallySummaryCommand implements Callable<Integer> {
    static final String[] MODES = {"truth", "rate", "sally"};
    private static final ObjectMapper JSON = new ObjectMapper();

    @Option(
            names = "--fisher",
            arity = "1..*",
            paramLabel = "DIR",
            description = "One directory per replica with truth.json, rate.json and sally.json (infera-fit fisher); "
                    + "none for a simulator that is not morphable (the Gaussian toy), then the limits alone.")
    List<Path> fisher;

    @Option(
            names = "--limits",
            arity = "1..*",
            paramLabel = "FILE",
            description = "One infera-fit limits JSON per replica and method (sally, sallino, ratio).")
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
        if (fisher == null && limits == null)
            throw new InputException.BadOption("--fisher", "give --fisher, --limits or both");
        List<Path> dirs = new ArrayList<>(fisher == null ? List.of() : fisher);
        dirs.sort(null);
        String[] parameters = null;
        double luminosity = Double.NaN;
        double[] theta = null;
        if (dirs.isEmpty()) { // no Fisher information: the run's parameters, luminosity and truth from its limits
            List<Path> sorted = new ArrayList<>(limits);
            sorted.sort(null);
            JsonNode first = ScoreJson.read(sorted.get(0));
            parameters = ScoreJson.strings(first, "parameters", sorted.get(0));
            luminosity = ScoreJson.number(first.get("luminosity"), sorted.get(0), "$.luminosity");
            theta = ScoreJson.doubles(first, "theta_true", sorted.get(0));
        }
        // sigma[mode][parameter][replica], information[mode][parameter][replica] (the diagonal)
        double[][][] sigma = new double[MODES.length][][], information = new double[MODES.length][][];
        TrainingSpread training = new TrainingSpread(); // SALLY's ensemble spread, where its scores come from one
        for (int r = 0; r < dirs.size(); r++) {
            for (int m = 0; m < MODES.length; m++) {
                Path file = dirs.get(r).resolve(MODES[m] + ".json");
                JsonNode node = ScoreJson.read(file);
                ScoreJson.allowOnly(
                        node, file, "$", "mode", "luminosity", "theta", "parameters", "sigma", "fisher", "ensemble");
                if (m != 2 && node.has("ensemble"))
                    throw new InputException.Shape(file, "$.ensemble", "only SALLY's information has an ensemble");
                String[] names = ScoreJson.strings(node, "parameters", file);
                double fileLuminosity = ScoreJson.number(node.get("luminosity"), file, "$.luminosity");
                double[] fileTheta = ScoreJson.doubles(node, "theta", file);
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
                    luminosity = ScoreJson.number(node.get("luminosity"), file, "$.luminosity");
                    if (!(luminosity > 0))
                        throw new InputException.Value(file, "$.luminosity", "must be positive, got " + luminosity);
                    theta = ScoreJson.doubles(node, "theta", file);
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
                double[][] fisherMatrix = ScoreJson.fisher(node, file, names.length);
                if (m == 2) training.add(node, file, names.length, r == 0);
                JsonNode sigmas = node.path("sigma");
                if (!sigmas.isArray() || sigmas.size() != names.length)
                    throw new InputException.Shape(
                            file, "$.sigma", "expected " + names.length + " values (number or null)");
                for (int p = 0; p < names.length; p++) {
                    JsonNode s = sigmas.get(p);
                    if (!s.isNull() && !(ScoreJson.number(s, file, "$.sigma[" + p + "]") > 0))
                        throw new InputException.Value(file, "$.sigma[" + p + "]", "must be positive or null");
                    sigma[m][p][r] = s.isNumber() ? s.asDouble() : Double.POSITIVE_INFINITY; // null: not measured
                    information[m][p][r] = fisherMatrix[p][p];
                }
            }
        }
        double level = new ChiSquaredDistribution(parameters.length).inverseCumulativeProbability(confidence);
        // per method, per replica: [parameter][lo, hi]
        java.util.Map<String, List<double[][]>> slices = new java.util.LinkedHashMap<>();
        for (String method : LimitSlices.METHODS) slices.put(method, new ArrayList<>());
        List<JsonNode> coverage = new ArrayList<>(); // each replica's --toys coverage, where it ran
        LimitsTrainingSpread ratioTraining = new LimitsTrainingSpread(); // the ratio limits' ensemble spread
        if (limits != null) {
            for (Path l : limits) {
                JsonNode json = ScoreJson.read(l);
                LimitSlices replica = LimitSlices.of(json, l, parameters, theta, 1 - confidence);
                slices.get(replica.method()).add(replica.slices());
                if (replica.method().equals("ratio")) ratioTraining.add(replica, l);
                if (json.has("coverage")) coverage.add(json.get("coverage"));
            }
        }
        slices.values().removeIf(List::isEmpty);
        int replicas = dirs.isEmpty() ? slices.values().iterator().next().size() : dirs.size();
        write(
                parameters,
                luminosity,
                theta,
                dirs.isEmpty() ? null : sigma,
                information,
                slices,
                level,
                replicas,
                coverage,
                training,
                ratioTraining);
        System.err.printf("infera-fit: score-based summary of %d replicas written to %s%n", replicas, out);
        return 0;
    }

    private void write(
            String[] parameters,
            double luminosity,
            double[] theta,
            double[][][] sigma,
            double[][][] information,
            java.util.Map<String, List<double[][]>> slices,
            double level,
            int replicas,
            List<JsonNode> coverage,
            TrainingSpread training,
            LimitsTrainingSpread ratioTraining)
            throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("replicas", replicas).put("luminosity", luminosity).put("confidence", confidence);
        root.set("theta", JSON.valueToTree(theta));
        root.set("parameters", JSON.valueToTree(parameters));
        ObjectNode modes = sigma == null ? JSON.createObjectNode() : root.putObject("cramer_rao_sigma");
        StringBuilder md = new StringBuilder();
        md.append("# Score-based inference: precision on the theory parameters\n\n")
                .append(String.format(
                        "At θ = %s for a luminosity of %s; median over %d replicas (range in brackets).%n%n",
                        Arrays.toString(theta), luminosity, replicas));
        if (sigma != null) {
            md.append("Cramér–Rao σ of each parameter, the others profiled (sqrt of the inverse Fisher "
                    + "information):\n\n| information |");
            for (String p : parameters) md.append(" σ(").append(p).append(") |");
            md.append("\n| --- |").append(" --- |".repeat(parameters.length)).append('\n');
        } else {
            md.append("No Fisher information from the weights (the simulator is not morphable): the limits alone.\n");
        }
        String csvText;
        try (CSVPrinter csv = new CSVPrinter(new StringBuilder(), CSVFormat.DEFAULT)) {
            csv.printRecord("mode", "parameter", "sigma_median", "sigma_min", "sigma_max", "information_median");
            for (int m = 0; sigma != null && m < MODES.length; m++) {
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
            if (training.any()) {
                double[] sallyInformation = new double[parameters.length], sallySigma = new double[parameters.length];
                for (int p = 0; p < parameters.length; p++) {
                    sallyInformation[p] = Median.of(information[2][p]);
                    sallySigma[p] = Median.of(sigma[2][p]);
                }
                training.csv(csv, parameters);
                training.json(root, parameters);
                md.append(training.markdown(parameters, sallyInformation, sallySigma));
            }
            if (ratioTraining.any()) {
                ratioTraining.csv(csv, parameters);
                ratioTraining.json(root, parameters);
            }
            csvText = csv.getOut().toString();
        }
        if (!slices.isEmpty()) {
            ObjectNode limitsNode = root.putObject("limits");
            md.append(String.format(
                    "%nExpected %.0f%% CL region (score histograms, Asimov data at θ, χ² with %d degrees of freedom), "
                            + "its slice through θ along each parameter (SALLY: bins of every score component; "
                            + "SALLINO: 1-D bins of the score projected on θ − θ_true; RATIO: the unbinned likelihood "
                            + "of a learned log r̂, p-values of q − min q)%s:%n%n| parameter |",
                    100 * confidence,
                    parameters.length,
                    sigma == null
                            ? ""
                            : String.format(
                                    ", beside the slice of the same region in the Fisher approximation "
                                            + "(θ ± sqrt(%.3f / I_pp))",
                                    level)));
            for (String method : slices.keySet())
                md.append(' ').append(method.toUpperCase()).append(": slice |");
            int fisherColumns = sigma == null ? 0 : 2;
            md.append(sigma == null ? "\n| --- |" : " truth Fisher | SALLY Fisher |\n| --- |")
                    .append(" --- |".repeat(slices.size() + fisherColumns))
                    .append('\n');
            java.util.Map<String, double[][]> medians = new java.util.LinkedHashMap<>();
            for (java.util.Map.Entry<String, List<double[][]>> method : slices.entrySet())
                medians.put(method.getKey(), medianSlices(method.getValue()));
            for (int p = 0; p < parameters.length; p++) {
                ObjectNode node = limitsNode.putObject(parameters[p]);
                md.append("| ").append(parameters[p]).append(" |");
                for (java.util.Map.Entry<String, double[][]> method : medians.entrySet()) {
                    double[] median = method.getValue()[p];
                    String field = method.getKey().equals("sally") ? "histogram_slice" : method.getKey() + "_slice";
                    node.putArray(field).add(median[0]).add(median[1]);
                    md.append(String.format(" [%s, %s] |", bound(median[0]), bound(median[1])));
                }
                if (sigma == null) {
                    md.append('\n');
                    continue;
                }
                double halfTruth = Math.sqrt(level / Median.of(information[0][p])),
                        halfSally = Math.sqrt(level / Median.of(information[2][p]));
                node.put("fisher_half_width_truth", halfTruth).put("fisher_half_width_sally", halfSally);
                md.append(String.format(" %s ± %.3g | %s ± %.3g |%n", theta[p], halfTruth, theta[p], halfSally));
            }
            md.append("\n(±∞: the region reaches the edge of the grid; widen `--grid`.)\n");
            if (ratioTraining.any())
                md.append(ratioTraining.markdown(
                        parameters, medians.get("ratio"), confidence, SallySummaryCommand::bound));
            md.append(LimitsCoverage.markdown(coverage));
        }
        String json = JSON.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root);
        AtomicOutput.writeDirectory(out, dir -> {
            Files.writeString(dir.resolve("summary.csv"), csvText);
            Files.writeString(dir.resolve("summary.json"), json);
            Files.writeString(dir.resolve("summary.md"), md.toString());
        });
    }

    /** [parameter][lo, hi]: the median over replicas of each end of their slices. */
    private static double[][] medianSlices(List<double[][]> perReplica) {
        double[][] out = new double[perReplica.get(0).length][2];
        for (int p = 0; p < out.length; p++) {
            for (int end = 0; end < 2; end++) {
                final int q = p, e = end;
                out[p][end] =
                        Median.of(perReplica.stream().mapToDouble(s -> s[q][e]).toArray());
            }
        }
        return out;
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
}
