package org.infera.fit.coverage;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.infera.core.analysis.Analysis;
import org.infera.core.stats.Coverage;
import org.infera.fit.Median;

/**
 * The coverage table: one cell per statistic, benchmark and truth, at event level (pseudo-experiments
 * simulated and passed through each replica's network) and at template level (the machinery check), pooled
 * over replicas. Widths are in signal events; the combined score takes them in units of the signal strength
 * (events over the analysis's expected signal yield), the unit of the challenge's ε.
 */
final class CoverageReport {
    static final String[] LEVELS = {"event", "template"};

    /** One statistic, benchmark and truth: its summaries by level (absent when not run). */
    record Cell(
            String statistic,
            int benchmark,
            String truth,
            double sigmaFisher,
            Map<String, Coverage.Summary> byLevel,
            Map<String, long[]> problems) {}

    final List<CoverageCommand.Experiment> experiments;
    final List<Cell> cells = new ArrayList<>();
    private final double signalYield;

    CoverageReport(List<CoverageCommand.Experiment> experiments, Map<String, List<Double>> sigmas, Analysis analysis) {
        this.experiments = experiments;
        this.signalYield = analysis.processes().get(analysis.signalIndex()).expectedYield();
        Map<String, List<CoverageCommand.Experiment>> groups = new LinkedHashMap<>();
        for (CoverageCommand.Experiment e : experiments) {
            groups.computeIfAbsent(
                            e.statistic() + "\u0000" + e.benchmark() + "\u0000" + e.truth(), k -> new ArrayList<>())
                    .add(e);
        }
        // cells in the order statistic, benchmark, then truths as first met
        List<String> keys = new ArrayList<>(groups.keySet());
        keys.sort((a, b) -> {
            String[] x = a.split("\u0000"), y = b.split("\u0000");
            int c = x[0].compareTo(y[0]);
            if (c != 0) return c;
            return Integer.compare(Integer.parseInt(x[1]), Integer.parseInt(y[1]));
        });
        for (String key : keys) {
            List<CoverageCommand.Experiment> group = groups.get(key);
            CoverageCommand.Experiment first = group.get(0);
            Map<String, Coverage.Summary> byLevel = new LinkedHashMap<>();
            Map<String, long[]> problems = new LinkedHashMap<>();
            for (String level : LEVELS) {
                List<CoverageCommand.Experiment> in =
                        group.stream().filter(e -> e.level().equals(level)).toList();
                if (in.isEmpty()) continue;
                int n = in.size();
                double[] lo = new double[n], hi = new double[n], best = new double[n];
                long nonConverged = 0, dropped = 0;
                for (int i = 0; i < n; i++) {
                    CoverageCommand.Experiment e = in.get(i);
                    // in units of the nominal signal yield (every replica's truth is the same yield)
                    lo[i] = e.lower() / signalYield;
                    hi[i] = e.upper() / signalYield;
                    best[i] = e.best() / signalYield;
                    if (!e.converged()) nonConverged++;
                    dropped += e.dropped();
                }
                byLevel.put(level, Coverage.of(lo, hi, best, first.trueYield() / signalYield));
                problems.put(level, new long[] {nonConverged, dropped});
            }
            double sigma = Median.of(sigmas.get(first.statistic() + "/" + first.benchmark()).stream()
                    .mapToDouble(Double::doubleValue)
                    .toArray());
            cells.add(new Cell(first.statistic(), first.benchmark(), first.truth(), sigma, byLevel, problems));
        }
    }

    double signalYield() {
        return signalYield;
    }

    List<Coverage.Summary> summaries(String level) {
        return cells.stream()
                .filter(c -> c.byLevel().containsKey(level))
                .map(c -> c.byLevel().get(level))
                .toList();
    }

    void writeExperiments(Path file) throws IOException {
        try (CSVPrinter csv = printer(
                file,
                "level",
                "statistic",
                "replica",
                "benchmark",
                "truth",
                "index",
                "s_hat",
                "s_lower",
                "s_upper",
                "s_true",
                "converged",
                "dropped_events")) {
            for (CoverageCommand.Experiment e : experiments)
                csv.printRecord(
                        e.level(),
                        e.statistic(),
                        e.replica(),
                        e.benchmark(),
                        e.truth(),
                        e.index(),
                        e.best(),
                        e.lower(),
                        e.upper(),
                        e.trueYield(),
                        e.converged(),
                        e.dropped());
        }
    }

    void writeCsv(Path file) throws IOException {
        try (CSVPrinter csv = printer(
                file,
                "level",
                "statistic",
                "benchmark",
                "truth",
                "sigma_fisher",
                "n",
                "covered",
                "coverage",
                "coverage_error",
                "z",
                "flagged",
                "mean_width",
                "median_width",
                "pull_mean",
                "pull_spread",
                "score",
                "not_converged",
                "dropped_events")) {
            for (String level : LEVELS) {
                for (Cell c : cells) {
                    Coverage.Summary s = c.byLevel().get(level);
                    if (s == null) continue;
                    long[] p = c.problems().get(level);
                    csv.printRecord(
                            level,
                            c.statistic(),
                            c.benchmark(),
                            c.truth(),
                            c.sigmaFisher(),
                            s.n(),
                            s.covered(),
                            s.coverage(),
                            s.coverageError(),
                            s.z(),
                            s.flagged(),
                            s.meanWidth() * signalYield,
                            s.medianWidth() * signalYield,
                            s.pullMean(),
                            s.pullSpread(),
                            s.score(),
                            p[0],
                            p[1]);
                }
            }
        }
    }

    void writeMarkdown(Path file) throws IOException {
        StringBuilder md = new StringBuilder("# Coverage of the 68.27% profile-likelihood interval of s\n\n");
        md.append("Pseudo-experiments at fixed true parameters (nominal, and each constrained parameter at ±1σ of its "
                + "constraint, in the benchmarks that constrain it); each fitted with the statistic's templates and "
                + "the benchmark's nuisances, interval where Δ(−2 ln L) = 1. **event**: fresh events from the "
                + "simulator, Poisson yields, through each replica's own network; **template**: pseudo-data from the "
                + "fitted model's own templates (a check of the machinery: it must cover). Coverage ± its binomial σ; "
                + "⚠ marks a cell beyond ±3σ of the binomial band around 68.27%. Widths (full, upper − lower) and "
                + "σ_Fisher (median over replicas) in signal events; pull = (ŝ − s_true)/(interval half on the truth's "
                + "side); score = −ln((mean width/s_nominal + 10⁻³)·f(coverage)), the HiggsML uncertainty "
                + "challenge's.\n\n");
        md.append("| statistic | BM | truth | σ_Fisher | n | coverage (event) | coverage (template) | mean width | "
                + "median width | pull mean | pull spread | score |\n");
        md.append("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n");
        for (Cell c : cells) {
            Coverage.Summary ev = c.byLevel().get("event"), tp = c.byLevel().get("template");
            Coverage.Summary main = ev != null ? ev : tp;
            md.append(String.format(
                    Locale.ROOT,
                    "| %s | %d | %s | %.2f | %d | %s | %s | %.2f | %.2f | %+.3f | %.3f | %.3f |%n",
                    c.statistic(),
                    c.benchmark(),
                    c.truth(),
                    c.sigmaFisher(),
                    main.n(),
                    cov(ev),
                    cov(tp),
                    main.meanWidth() * signalYield,
                    main.medianWidth() * signalYield,
                    main.pullMean(),
                    main.pullSpread(),
                    main.score()));
        }
        md.append("\nWidths, pulls and score are the event-level ones where event-level pseudo-experiments ran.\n\n");
        for (String level : LEVELS) {
            List<Coverage.Summary> s = summaries(level);
            if (s.isEmpty()) continue;
            Coverage.ChiSquare chi = Coverage.chiSquare(s);
            long flagged = s.stream().filter(Coverage.Summary::flagged).count();
            md.append(String.format(
                    Locale.ROOT,
                    "- %s level: χ² = Σ z² = %.2f over %d cells (z = (coverage − 0.6827)/σ_binomial), p-value %.3g; "
                            + "%d cell(s) beyond ±3σ.%n",
                    level,
                    chi.chi2(),
                    chi.cells(),
                    chi.pValue(),
                    flagged));
        }
        Files.writeString(file, md.toString());
    }

    void printSummary() {
        for (Cell c : cells) {
            for (var e : c.byLevel().entrySet()) {
                Coverage.Summary s = e.getValue();
                System.out.printf(
                        Locale.ROOT,
                        "%-9s %-14s BM%d %-22s n %5d  coverage %.3f ± %.3f%s  mean width %7.3f  score %6.3f%n",
                        e.getKey(),
                        c.statistic(),
                        c.benchmark(),
                        c.truth(),
                        s.n(),
                        s.coverage(),
                        s.coverageError(),
                        s.flagged() ? " (!)" : "    ",
                        s.meanWidth() * signalYield,
                        s.score());
            }
        }
    }

    private static String cov(Coverage.Summary s) {
        if (s == null) return "—";
        return String.format(Locale.ROOT, "%.3f ± %.3f%s", s.coverage(), s.coverageError(), s.flagged() ? " ⚠" : "");
    }

    private static CSVPrinter printer(Path file, String... header) throws IOException {
        Writer w = Files.newBufferedWriter(file);
        return new CSVPrinter(
                w,
                CSVFormat.DEFAULT
                        .builder()
                        .setHeader(header)
                        .setRecordSeparator('\n')
                        .build());
    }
}
