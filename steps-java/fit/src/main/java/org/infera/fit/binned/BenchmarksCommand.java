package org.infera.fit.binned;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.infera.core.analysis.Analysis;
import org.infera.core.cli.InputException;
import org.infera.core.cli.Progress;
import org.infera.core.cli.VersionProvider;
import org.infera.core.data.TemplatesFile;
import org.infera.core.io.AtomicOutput;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "benchmarks",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "For every statistic's templates and every benchmark of the analysis: σ of the signal yield "
                + "from the Asimov Fisher information, sqrt((I⁻¹)_ss), and the half-width of the profile-likelihood "
                + "interval (ΔNLL = 0.5, floating nuisances profiled, constraints as declared). Writes benchmarks.csv, "
                + "benchmarks.json, benchmarks.md (beside the published INFERNO table) and a PNG of each ΔNLL scan. "
                + "Several templates of one statistic (replicas: independent simulations and trainings) are "
                + "summarised by their median, as the paper did; benchmarks_replicas.csv lists each. Every fit runs in "
                + "the "
                + "HistFactory engine; the median replica's CLs curve goes to cls/, expected 95%% CL limits to "
                + "limits.csv, and "
                + "the fitted workspace to workspaces/ in pyhf's format where pyhf loads it as the same model (the "
                + "README there "
                + "says which benchmarks have none and why).")
public final class BenchmarksCommand implements Callable<Integer> {

    @Option(
            names = "--templates",
            required = true,
            paramLabel = "STATISTIC=FILE",
            description = "Templates of one statistic (repeatable; repeat a statistic for replicas), e.g. "
                    + "classifier=templates.h5.")
    List<String> templates;

    @Option(
            paramLabel = "analysis.json",
            names = "--analysis",
            required = true,
            description = "Analysis definition (JSON) with the benchmarks.")
    Path analysisFile;

    @Option(
            names = "--note",
            paramLabel = "TEXT",
            description =
                    "A sentence printed in bold above the table, saying what kind of run it was (the test profile says "
                            + "its data are tiny).")
    String note;

    @Option(
            names = {"-o", "--out", "--outdir"},
            paramLabel = "DIR",
            required = true,
            description =
                    "Output directory, written whole when complete (-o and --out as for every step; --outdir is the "
                            + "same option).")
    Path outdir;

    @Option(
            paramLabel = "N",
            names = "--scan-points",
            defaultValue = "41",
            description = "Points of each ΔNLL scan plot (default: ${DEFAULT-VALUE}).")
    int scanPoints;

    @Option(
            paramLabel = "SIGMAS",
            names = "--scan-range",
            defaultValue = "2.5",
            description = "Half-range of each scan in units of σ_Fisher (default: ${DEFAULT-VALUE}).")
    double scanRange;

    @Option(
            names = "--cls-mu",
            paramLabel = "MU",
            defaultValue = "1",
            description =
                    "Signal strength whose expected CLs (background-only Asimov data) each statistic reports; neos "
                            + "trains for it (default: ${DEFAULT-VALUE}).")
    double clsMu;

    @Option(
            names = "--neos-outdir",
            paramLabel = "DIR",
            description = "Where the neos comparison goes when the statistics include neos_bm<k> and classifier: "
                    + "summary.json (keys neos and classifier: their expected CLs), summary.md and cls.png "
                    + "(default: not written).")
    Path neosOutdir;

    @Option(
            names = "--analytic",
            paramLabel = "MODEL",
            description =
                    "Also compute the analytic-likelihood row (statistic 'analytic'): σ_s from the expected Fisher "
                            + "information of the unbinned extended likelihood of the true densities of a built-in "
                            + "model "
                            + "(inferno-paper), by Monte Carlo.")
    String analytic;

    @Option(
            paramLabel = "N",
            names = "--analytic-events",
            defaultValue = "1000000",
            description =
                    "Monte Carlo events per process for --analytic (default: ${DEFAULT-VALUE}; about 0.1%% precision).")
    int analyticEvents;

    @Option(
            paramLabel = "SEED",
            names = "--analytic-seed",
            defaultValue = "1",
            description = "Seed of the --analytic Monte Carlo (default: ${DEFAULT-VALUE}).")
    long analyticSeed;

    @Override
    public Integer call() throws IOException {
        if (scanPoints < 3 || scanPoints > 10_000)
            throw new InputException.BadOption(
                    "--scan-points", "--scan-points must lie in 3..10000, got " + scanPoints);
        org.infera.core.cli.Checks.positiveAtMost("--scan-range", scanRange, 1e6);
        if (!(clsMu > 0) || !Double.isFinite(clsMu))
            throw new InputException("--cls-mu must be positive and finite, got " + clsMu);
        Analysis analysis = Analysis.read(analysisFile);
        Map<String, List<Path>> byStatistic = parseTemplates();
        List<ReplicaSummary> rows = new ArrayList<>();
        Map<String, TemplatesFile> firstReplica = new TreeMap<>();
        int files = byStatistic.values().stream().mapToInt(List::size).sum();
        try (Progress progress = new Progress("fit", files, "templates")) {
            for (Map.Entry<String, List<Path>> e : byStatistic.entrySet()) {
                List<List<BenchmarkResult>> perReplica = new ArrayList<>();
                for (Path file : e.getValue()) {
                    TemplatesFile t = TemplatesFile.read(file);
                    t.requireMatches(analysis, file, analysisFile);
                    firstReplica.putIfAbsent(e.getKey(), t);
                    perReplica.add(BenchmarkEvaluation.evaluate(
                            e.getKey(), t, file.toString(), analysis, scanPoints, scanRange, clsMu));
                    progress.step(1);
                }
                for (int b = 0; b < perReplica.get(0).size(); b++) {
                    List<BenchmarkResult> replicas = new ArrayList<>();
                    for (List<BenchmarkResult> r : perReplica) replicas.add(r.get(b));
                    rows.add(new ReplicaSummary(e.getKey(), replicas.get(0).benchmark(), replicas));
                }
            }
        }
        if (analytic != null)
            rows.addAll(
                    AnalyticRows.evaluate(analytic, analyticEvents, analyticSeed, analysis, analysisFile.toString()));
        PaperTable paper = PaperTable.load();
        AtomicOutput.writeDirectory(outdir, dir -> {
            Files.createDirectories(dir.resolve("scans"));
            Files.createDirectories(dir.resolve("templates"));
            Files.createDirectories(dir.resolve("workspaces"));
            Files.createDirectories(dir.resolve("cls"));
            SigmaChart.write(dir.resolve("sigma_by_benchmark.png"), rows);
            for (Map.Entry<String, TemplatesFile> t : firstReplica.entrySet()) {
                TemplatesPlot.write(
                        dir.resolve("templates").resolve(t.getKey() + ".png"),
                        t.getKey() + " (replica 0)",
                        t.getValue());
            }
            BenchmarkTables.writeCsv(dir.resolve("benchmarks.csv"), rows);
            BenchmarkTables.writeReplicasCsv(dir.resolve("benchmarks_replicas.csv"), rows);
            BenchmarkTables.writeJson(dir.resolve("benchmarks.json"), rows, analysis, clsMu);
            BenchmarkTables.writeMarkdown(dir.resolve("benchmarks.md"), rows, paper, note);
            BenchmarkTables.writeLimitsCsv(dir.resolve("limits.csv"), rows);
            List<WorkspaceExports.Entry> exports = new ArrayList<>();
            for (ReplicaSummary r : rows) {
                if (r.representative().scanValues().length == 0) continue; // the analytic row has no binned scan
                String name = r.statistic() + "_bm" + r.benchmark();
                ScanPlot.write(dir.resolve("scans").resolve(name + ".png"), r.representative(), "s");
                exports.add(WorkspaceExports.write(dir, name, r.representative()));
            }
            WorkspaceExports.writeReadme(dir.resolve("workspaces").resolve("README.md"), exports);
        });
        if (neosOutdir != null && NeosSummary.applies(rows))
            AtomicOutput.writeDirectory(neosOutdir, dir -> NeosSummary.write(dir, rows, clsMu));
        for (ReplicaSummary r : rows) {
            System.out.printf(
                    "%-14s BM%d  sigma_fisher %7.3f  width_profile %7s  (median of %d)%n",
                    r.statistic(),
                    r.benchmark(),
                    r.medianSigmaFisher(),
                    Double.isNaN(r.medianWidthProfile()) ? "-" : String.format("%.3f", r.medianWidthProfile()),
                    r.replicas().size());
        }
        return 0;
    }

    /** STATISTIC=FILE arguments grouped by statistic (sorted), files in the order given. */
    private Map<String, List<Path>> parseTemplates() {
        Map<String, List<Path>> out = new TreeMap<>();
        for (String t : templates) {
            int eq = t.indexOf('=');
            String name = eq < 0 ? "" : t.substring(0, eq);
            if (!name.matches("[A-Za-z0-9_.-]+")) {
                throw new InputException("--templates '" + t
                        + "': expected STATISTIC=FILE with a name of letters, digits, '_', '.', '-'");
            }
            out.computeIfAbsent(name, k -> new ArrayList<>()).add(Path.of(t.substring(eq + 1)));
        }
        return out;
    }
}
