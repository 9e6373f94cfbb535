package org.infera.fit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.infera.core.analysis.Analysis;
import org.infera.core.cli.InputException;
import org.infera.core.cli.Progress;
import org.infera.core.cli.VersionProvider;
import org.infera.core.data.TemplatesFile;
import org.infera.core.io.AtomicOutput;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "benchmarks", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "For every statistic's templates and every benchmark of the analysis: σ of the signal yield "
                + "from the Asimov Fisher information, sqrt((I⁻¹)_ss), and the half-width of the profile-likelihood "
                + "interval (ΔNLL = 0.5, floating nuisances profiled, constraints as declared). Writes benchmarks.csv, "
                + "benchmarks.json, benchmarks.md (beside the published INFERNO table) and a PNG of each ΔNLL scan.")
public final class BenchmarksCommand implements Callable<Integer> {

    @Option(names = "--templates", required = true, paramLabel = "STATISTIC=FILE",
            description = "Templates of one statistic (repeatable), e.g. classifier=templates.h5.")
    Map<String, Path> templates;

    @Option(names = "--analysis", required = true, description = "Analysis definition (JSON) with the benchmarks.")
    Path analysisFile;

    @Option(names = "--outdir", required = true, description = "Output directory (written whole when complete).")
    Path outdir;

    @Option(names = "--scan-points", defaultValue = "41", description = "Points of each ΔNLL scan plot (default: ${DEFAULT-VALUE}).")
    int scanPoints;

    @Option(names = "--scan-range", defaultValue = "2.5",
            description = "Half-range of each scan in units of σ_Fisher (default: ${DEFAULT-VALUE}).")
    double scanRange;

    @Override
    public Integer call() throws IOException {
        if (scanPoints < 3) throw new InputException("--scan-points must be at least 3, got " + scanPoints);
        if (!(scanRange > 0) || !Double.isFinite(scanRange)) throw new InputException("--scan-range must be positive, got " + scanRange);
        Analysis analysis = Analysis.read(analysisFile);
        Map<String, Path> sorted = new TreeMap<>(templates);
        List<BenchmarkResult> results = new ArrayList<>();
        try (Progress progress = new Progress("fit", sorted.size(), "statistics")) {
            for (Map.Entry<String, Path> e : sorted.entrySet()) {
                if (!e.getKey().matches("[A-Za-z0-9_.-]+")) {
                    throw new InputException("--templates: statistic name '" + e.getKey() + "' may only use letters, digits, '_', '.', '-'");
                }
                TemplatesFile t = TemplatesFile.read(e.getValue());
                results.addAll(BenchmarkEvaluation.evaluate(e.getKey(), t, e.getValue().toString(), analysis, scanPoints, scanRange));
                progress.step(1);
            }
        }
        PaperTable paper = PaperTable.load();
        AtomicOutput.write(outdir, dir -> {
            Files.createDirectories(dir.resolve("scans"));
            writeCsv(dir.resolve("benchmarks.csv"), results);
            writeJson(dir.resolve("benchmarks.json"), results, analysis);
            writeMarkdown(dir.resolve("benchmarks.md"), results, paper);
            for (BenchmarkResult r : results) {
                ScanPlot.write(dir.resolve("scans").resolve(r.statistic() + "_bm" + r.benchmark() + ".png"), r, "s");
            }
        });
        for (BenchmarkResult r : results) {
            System.out.printf("%-14s BM%d  sigma_fisher %7.3f  width_profile %7.3f%n", r.statistic(), r.benchmark(),
                    r.sigmaFisher(), r.widthProfile());
        }
        return 0;
    }

    private static void writeCsv(Path file, List<BenchmarkResult> results) throws IOException {
        try (CSVPrinter csv = new CSVPrinter(Files.newBufferedWriter(file), CSVFormat.DEFAULT.builder()
                .setHeader("statistic", "benchmark", "sigma_fisher", "width_profile").setRecordSeparator('\n').get())) {
            for (BenchmarkResult r : results) csv.printRecord(r.statistic(), r.benchmark(), r.sigmaFisher(), r.widthProfile());
        }
    }

    private static void writeJson(Path file, List<BenchmarkResult> results, Analysis analysis) throws IOException {
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = json.createObjectNode();
        root.put("analysis", analysis.name());
        root.put("parameter_of_interest", "signal yield s");
        ArrayNode rows = root.putArray("results");
        for (BenchmarkResult r : results) {
            ObjectNode o = rows.addObject();
            o.put("statistic", r.statistic());
            o.put("benchmark", r.benchmark());
            o.putPOJO("floating", r.floating());
            o.put("sigma_fisher", r.sigmaFisher());
            o.put("width_profile", r.widthProfile());
            o.putArray("interval").add(r.intervalLower()).add(r.intervalUpper());
        }
        json.writeValue(file.toFile(), root);
    }

    private static void writeMarkdown(Path file, List<BenchmarkResult> results, PaperTable paper) throws IOException {
        Map<String, Map<Integer, BenchmarkResult>> byStatistic = new TreeMap<>();
        int maxBenchmark = 0;
        for (BenchmarkResult r : results) {
            byStatistic.computeIfAbsent(r.statistic(), k -> new TreeMap<>()).put(r.benchmark(), r);
            maxBenchmark = Math.max(maxBenchmark, r.benchmark());
        }
        try (Writer w = Files.newBufferedWriter(file)) {
            w.write("# Expected uncertainty on the signal yield s\n\n");
            w.write("σ_Fisher = sqrt((I⁻¹)_ss) of the Asimov Fisher information; in brackets the profile-likelihood "
                    + "half-width (ΔNLL = 0.5). Paper rows: " + paper.source() + ".\n\n");
            StringBuilder header = new StringBuilder("| statistic |");
            StringBuilder rule = new StringBuilder("| --- |");
            for (int b = 0; b <= maxBenchmark; b++) {
                header.append(" BM").append(b).append(" |");
                rule.append(" --- |");
            }
            w.write(header + "\n" + rule + "\n");
            for (Map.Entry<String, Map<Integer, BenchmarkResult>> e : byStatistic.entrySet()) {
                StringBuilder row = new StringBuilder("| " + e.getKey() + " |");
                StringBuilder paperRow = new StringBuilder("| paper: " + PaperTable.rowOf(e.getKey()) + " |");
                boolean hasPaper = false;
                for (int b = 0; b <= maxBenchmark; b++) {
                    BenchmarkResult r = e.getValue().get(b);
                    row.append(r == null ? " |" : String.format(" %.2f (%.2f) |", r.sigmaFisher(), r.widthProfile()));
                    double p = paper.value(PaperTable.rowOf(e.getKey()), b);
                    hasPaper |= !Double.isNaN(p);
                    paperRow.append(Double.isNaN(p) ? " |" : String.format(" %.2f |", p));
                }
                w.write(row + "\n");
                if (hasPaper) w.write(paperRow + "\n");
            }
        }
    }
}
