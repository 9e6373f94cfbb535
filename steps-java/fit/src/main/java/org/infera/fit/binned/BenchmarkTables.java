package org.infera.fit.binned;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.infera.core.analysis.Analysis;

/** The benchmark table in CSV, JSON and Markdown (beside the published INFERNO numbers). */
final class BenchmarkTables {
    private BenchmarkTables() {}

    /** statistic,benchmark,sigma_fisher,width_profile: the median over replicas. */
    static void writeCsv(Path file, List<ReplicaSummary> rows) throws IOException {
        try (CSVPrinter csv = printer(file, "statistic", "benchmark", "sigma_fisher", "width_profile")) {
            for (ReplicaSummary r : rows)
                csv.printRecord(r.statistic(), r.benchmark(), r.medianSigmaFisher(), orEmpty(r.medianWidthProfile()));
        }
    }

    /** Every replica's numbers, for spreads and for checking the medians. */
    static void writeReplicasCsv(Path file, List<ReplicaSummary> rows) throws IOException {
        try (CSVPrinter csv = printer(
                file,
                "statistic",
                "replica",
                "benchmark",
                "sigma_fisher",
                "width_profile",
                "interval_lower",
                "interval_upper")) {
            for (ReplicaSummary r : rows) {
                for (int k = 0; k < r.replicas().size(); k++) {
                    BenchmarkResult b = r.replicas().get(k);
                    csv.printRecord(
                            r.statistic(),
                            k,
                            r.benchmark(),
                            b.sigmaFisher(),
                            orEmpty(b.widthProfile()),
                            orEmpty(b.intervalLower()),
                            orEmpty(b.intervalUpper()));
                }
            }
        }
    }

    /** statistic,benchmark and the expected 95% CL upper limits on s at −2σ…+2σ: medians over replicas. */
    static void writeLimitsCsv(Path file, List<ReplicaSummary> rows) throws IOException {
        try (CSVPrinter csv = printer(
                file,
                "statistic",
                "benchmark",
                "expected_minus2",
                "expected_minus1",
                "expected_median",
                "expected_plus1",
                "expected_plus2")) {
            for (ReplicaSummary r : rows) {
                double[] l = r.medianExpectedLimits();
                if (l.length == 0) continue;
                csv.printRecord(
                        r.statistic(),
                        r.benchmark(),
                        orEmpty(l[0]),
                        orEmpty(l[1]),
                        orEmpty(l[2]),
                        orEmpty(l[3]),
                        orEmpty(l[4]));
            }
        }
    }

    /** A number, or an empty field where none was computed (the analytic row has no profile scan). */
    private static Object orEmpty(double v) {
        return Double.isFinite(v) ? v : "";
    }

    /** A limit not reached within the POI's bounds is NaN: null in JSON (which has no NaN). */
    private static void addOrNull(ArrayNode a, double v) {
        if (Double.isFinite(v)) a.add(v);
        else a.addNull();
    }

    private static void putOrNull(ObjectNode o, String key, double v) {
        if (!Double.isFinite(v)) o.putNull(key);
        else o.put(key, v);
    }

    private static CSVPrinter printer(Path file, String... header) throws IOException {
        return new CSVPrinter(
                Files.newBufferedWriter(file),
                CSVFormat.DEFAULT
                        .builder()
                        .setHeader(header)
                        .setRecordSeparator('\n')
                        .get());
    }

    static void writeJson(Path file, List<ReplicaSummary> rows, Analysis analysis, double clsMu) throws IOException {
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = json.createObjectNode();
        root.put("analysis", analysis.name());
        root.put("parameter_of_interest", "signal yield s (expected events)");
        root.put(
                "expected_limit_95",
                "CLs (q̃, asymptotic) 95% CL upper limits on s for background-only Asimov data, −2σ…+2σ");
        root.put(
                "expected_cls",
                "CLs (q̃, asymptotic) of the tested signal strength (--cls-mu) on background-only Asimov data");
        root.put("cls_mu", clsMu);
        ArrayNode out = root.putArray("results");
        for (ReplicaSummary r : rows) {
            ObjectNode o = out.addObject();
            o.put("statistic", r.statistic());
            o.put("benchmark", r.benchmark());
            o.putPOJO("floating", r.replicas().get(0).floating());
            o.put("replicas", r.replicas().size());
            o.put("sigma_fisher", r.medianSigmaFisher());
            putOrNull(o, "width_profile", r.medianWidthProfile());
            double[] limits = r.medianExpectedLimits();
            if (limits.length > 0) {
                ArrayNode l = o.putArray("expected_limit_95");
                for (double v : limits) addOrNull(l, v);
            }
            putOrNull(o, "expected_cls", r.medianExpectedCls());
            o.put("converged", r.converged());
            o.put("sigma_fisher_min", r.minSigmaFisher());
            o.put("sigma_fisher_max", r.maxSigmaFisher());
            ArrayNode each = o.putArray("per_replica");
            for (BenchmarkResult b : r.replicas()) {
                ObjectNode e = each.addObject();
                e.put("sigma_fisher", b.sigmaFisher());
                putOrNull(e, "width_profile", b.widthProfile());
                if (!Double.isNaN(b.intervalLower()))
                    e.putArray("interval").add(b.intervalLower()).add(b.intervalUpper());
                putOrNull(e, "expected_cls", b.expectedCls());
                if (b.expectedLimits() != null) {
                    ArrayNode l = e.putArray("expected_limit_95");
                    for (double v : b.expectedLimits()) addOrNull(l, v);
                }
            }
        }
        json.writeValue(file.toFile(), root);
    }

    /** The table as markdown; {@code note}, when given, is printed in bold above it (what kind of run this was). */
    static void writeMarkdown(Path file, List<ReplicaSummary> rows, PaperTable paper, String note) throws IOException {
        Map<String, Map<Integer, ReplicaSummary>> byStatistic = new TreeMap<>();
        int maxBenchmark = 0;
        for (ReplicaSummary r : rows) {
            byStatistic.computeIfAbsent(r.statistic(), k -> new TreeMap<>()).put(r.benchmark(), r);
            maxBenchmark = Math.max(maxBenchmark, r.benchmark());
        }
        try (Writer w = Files.newBufferedWriter(file)) {
            w.write("# Expected uncertainty on the signal yield s\n\n");
            if (note != null && !note.isBlank()) w.write("**" + note.strip() + "**\n\n");
            w.write("σ_Fisher = sqrt((I⁻¹)_ss) of the Asimov Fisher information, the median over replicas (independent "
                    + "simulations and trainings); in brackets the median profile-likelihood half-width (ΔNLL = 0.5); "
                    + "below it the range of σ_Fisher over the replicas. Paper rows: " + paper.source() + ".\n\n");
            StringBuilder header = new StringBuilder("| statistic | replicas |");
            StringBuilder rule = new StringBuilder("| --- | --- |");
            for (int b = 0; b <= maxBenchmark; b++) {
                header.append(" BM").append(b).append(" |");
                rule.append(" --- |");
            }
            w.write(header + "\n" + rule + "\n");
            for (Map.Entry<String, Map<Integer, ReplicaSummary>> e : byStatistic.entrySet()) {
                int n = e.getValue().values().iterator().next().replicas().size();
                StringBuilder row = new StringBuilder("| " + e.getKey() + " | " + n + " |");
                StringBuilder range = new StringBuilder("| range | |");
                StringBuilder paperRow = new StringBuilder(
                        "| paper: " + PaperTable.rowOf(e.getKey()) + " | " + paper.trainings(e.getKey()) + " |");
                boolean hasPaper = false;
                for (int b = 0; b <= maxBenchmark; b++) {
                    ReplicaSummary r = e.getValue().get(b);
                    row.append(
                            r == null
                                    ? " |"
                                    : Double.isNaN(r.medianWidthProfile())
                                            ? String.format(" %.2f |", r.medianSigmaFisher())
                                            : String.format(
                                                    " %.2f (%.2f) |", r.medianSigmaFisher(), r.medianWidthProfile()));
                    range.append(
                            r == null ? " |" : String.format(" %.2f – %.2f |", r.minSigmaFisher(), r.maxSigmaFisher()));
                    double p = paper.value(PaperTable.rowOf(e.getKey()), b);
                    hasPaper |= !Double.isNaN(p);
                    paperRow.append(Double.isNaN(p) ? " |" : String.format(" %.2f |", p));
                }
                w.write(row + "\n");
                if (n > 1) w.write(range + "\n");
                if (hasPaper) w.write(paperRow + "\n");
            }
        }
    }
}
