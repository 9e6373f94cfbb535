package org.infera.fit.coverage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.infera.core.analysis.Analysis;
import org.infera.core.analysis.TruthPoints;
import org.infera.core.cli.InputException;
import org.infera.core.cli.Progress;
import org.infera.core.cli.SeedOption;
import org.infera.core.cli.VersionProvider;
import org.infera.core.data.PseudoExperimentsFile;
import org.infera.core.data.TemplatesFile;
import org.infera.core.io.AtomicOutput;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "coverage",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "The coverage of the 68.27%% profile-likelihood interval of the signal yield (ΔNLL = 0.5, "
                + "nuisances profiled) for every statistic and benchmark, at every truth the benchmark models "
                + "(nominal, and each constrained parameter at ±1σ of its constraint). Fits the event-level "
                + "pseudo-experiments infera-shift pseudo-experiments wrote (each replica's with its own templates; "
                + "auxiliary measurements drawn around the truth), and, as a check of the machinery, --toys "
                + "pseudo-experiments drawn from each fitted model's own templates. Writes coverage.csv, coverage.md "
                + "(coverage with its binomial uncertainty, mean and median width, pulls, the HiggsML uncertainty "
                + "challenge's score, σ_Fisher beside them, cells flagged beyond ±3σ of the binomial band, the "
                + "global χ²), experiments.csv (every interval) and coverage.png.")
public final class CoverageCommand implements Callable<Integer> {
    @Option(
            names = "--templates",
            required = true,
            paramLabel = "STATISTIC=FILE",
            description = "Templates of one statistic (repeatable; repeat a statistic for replicas, in replica order).")
    List<String> templates;

    @Option(
            names = "--pseudo-experiments",
            paramLabel = "STATISTIC=FILE",
            description = "Event-level pseudo-experiments of one statistic written by infera-shift pseudo-experiments "
                    + "(repeatable; one per replica, in the order of that statistic's --templates).")
    List<String> pseudoExperiments = new ArrayList<>();

    @Option(
            paramLabel = "analysis.json",
            names = "--analysis",
            required = true,
            description = "Analysis definition (JSON) with the benchmarks.")
    Path analysisFile;

    @Option(
            names = "--toys",
            paramLabel = "N",
            defaultValue = "0",
            description = "Pseudo-experiments from each fitted model's own templates per statistic, benchmark and "
                    + "truth, split among the replicas (default: ${DEFAULT-VALUE}, none).")
    int toys;

    @Mixin
    SeedOption seed;

    @Option(
            names = {"-o", "--out"},
            paramLabel = "DIR",
            required = true,
            description = "Output directory, written whole when complete.")
    Path outdir;

    /** One fitted pseudo-experiment, in signal events. */
    record Experiment(
            String level,
            String statistic,
            int replica,
            int benchmark,
            int truthIndex,
            String truth,
            long index,
            double best,
            double lower,
            double upper,
            double trueYield,
            boolean converged,
            long dropped) {}

    @Override
    public Integer call() {
        if (toys < 0 || toys > 10_000_000)
            throw new InputException.BadOption("--toys", "--toys must lie in 0..10000000, got " + toys);
        Analysis analysis = Analysis.read(analysisFile);
        Map<String, List<Path>> byStatistic = parse("--templates", templates);
        Map<String, List<Path>> eventFiles = parse("--pseudo-experiments", pseudoExperiments);
        for (var e : eventFiles.entrySet()) {
            List<Path> t = byStatistic.get(e.getKey());
            if (t == null || t.size() != e.getValue().size())
                throw new InputException.BadOption(
                        "--pseudo-experiments",
                        "--pseudo-experiments: " + e.getValue().size() + " file(s) of statistic '" + e.getKey()
                                + "' but " + (t == null ? 0 : t.size())
                                + " --templates of it; give one per replica, in the same order");
        }
        if (eventFiles.isEmpty() && toys == 0)
            throw new InputException.BadOption("--toys", "nothing to do: give --pseudo-experiments or --toys N > 0");
        List<TruthPoints.Truth> truths = TruthPoints.of(analysis);
        List<Experiment> experiments = new ArrayList<>();
        Map<String, List<Double>> sigmas = new TreeMap<>();
        int files = byStatistic.values().stream().mapToInt(List::size).sum();
        try (Progress progress = new Progress("coverage", files, "replicas")) {
            for (var e : byStatistic.entrySet()) {
                String statistic = e.getKey();
                int replicas = e.getValue().size();
                for (int r = 0; r < replicas; r++) {
                    Path file = e.getValue().get(r);
                    TemplatesFile t = TemplatesFile.read(file);
                    t.requireMatches(analysis, file, analysisFile);
                    PseudoExperimentsFile events = null;
                    Path eventsPath = null;
                    if (eventFiles.containsKey(statistic)) {
                        eventsPath = eventFiles.get(statistic).get(r);
                        events = PseudoExperimentsFile.read(eventsPath);
                        requireSameBins(events, eventsPath, t, file);
                        requireCells(events, eventsPath, analysis);
                    }
                    for (Analysis.Benchmark b : analysis.benchmarks()) {
                        TruthModel nominal = new TruthModel(t, b, TruthPoints.nominal(analysis), file.toString());
                        sigmas.computeIfAbsent(statistic + "/" + b.id(), k -> new ArrayList<>())
                                .add(nominal.sigmaStep * nominal.signalYield);
                        long first = (long) toys * r / replicas, last = (long) toys * (r + 1) / replicas;
                        for (int j = 0; j < truths.size(); j++) {
                            TruthPoints.Truth truth = truths.get(j);
                            if (!TruthPoints.belongsTo(truth.values(), analysis, b) || first == last) continue;
                            TruthModel m = new TruthModel(t, b, truth.values(), file.toString());
                            for (long i = first; i < last; i++) {
                                double[] fit = m.interval(m.templateToy(seed.seed, statistic, b.id(), j, i));
                                experiments.add(
                                        experiment("template", statistic, r, b, j, truth.label(), i, fit, m, 0));
                            }
                        }
                        if (events != null)
                            fitEvents(events, eventsPath, t, file, analysis, b, statistic, r, experiments);
                    }
                    progress.step(1);
                }
            }
        }
        // one order whatever the split among replicas: the tables are then the same bytes
        experiments.sort(java.util.Comparator.comparing(Experiment::level)
                .thenComparing(Experiment::statistic)
                .thenComparingInt(Experiment::benchmark)
                .thenComparingInt(Experiment::truthIndex)
                .thenComparingLong(Experiment::index));
        CoverageReport report = new CoverageReport(experiments, sigmas, analysis);
        AtomicOutput.writeDirectory(outdir, dir -> {
            report.writeExperiments(dir.resolve("experiments.csv"));
            report.writeCsv(dir.resolve("coverage.csv"));
            report.writeMarkdown(dir.resolve("coverage.md"));
            CoveragePlot.write(dir.resolve("coverage.png"), report);
        });
        report.printSummary();
        return 0;
    }

    /** Fits every event-level pseudo-experiment of one replica whose truth this benchmark models. */
    private static void fitEvents(
            PseudoExperimentsFile events,
            Path eventsPath,
            TemplatesFile t,
            Path file,
            Analysis analysis,
            Analysis.Benchmark b,
            String statistic,
            int replica,
            List<Experiment> out) {
        for (int j = 0; j < events.truthLabels().length; j++) {
            Map<String, Double> truth = new LinkedHashMap<>();
            for (int p = 0; p < events.parameters().length; p++)
                truth.put(events.parameters()[p], events.truthValues()[j][p]);
            if (!TruthPoints.belongsTo(truth, analysis, b)) continue;
            TruthModel m = new TruthModel(t, b, truth, file.toString());
            for (int e = 0; e < events.index().length; e++) {
                if (events.truth()[e] != j || events.benchmark()[e] != b.id()) continue;
                long[] counts = events.counts()[e];
                long index = events.index()[e];
                double[] fit = m.interval(m.eventToy(counts, events.seed(), statistic, b.id(), j, index));
                out.add(experiment(
                        "event", statistic, replica, b, j, events.truthLabels()[j], index, fit, m, m.dropped(counts)));
            }
        }
    }

    private static Experiment experiment(
            String level,
            String statistic,
            int replica,
            Analysis.Benchmark b,
            int truthIndex,
            String truth,
            long index,
            double[] fit,
            TruthModel m,
            long dropped) {
        double s = m.signalYield;
        return new Experiment(
                level,
                statistic,
                replica,
                b.id(),
                truthIndex,
                truth,
                index,
                fit[0] * s,
                fit[1] * s,
                fit[2] * s,
                m.muTrue * s,
                fit[3] == 1,
                dropped);
    }

    /** Every pseudo-experiment's benchmark is one of the analysis, and its truth one that benchmark models. */
    private static void requireCells(PseudoExperimentsFile events, Path eventsPath, Analysis analysis) {
        Map<String, Double> nominal = TruthPoints.nominal(analysis);
        if (!java.util.Set.of(events.parameters()).equals(nominal.keySet()))
            throw new InputException.Mismatch(
                    eventsPath,
                    "dataset 'truths/parameters'",
                    java.util.Arrays.toString(events.parameters()) + " but the analysis names " + nominal.keySet());
        for (int e = 0; e < events.index().length; e++) {
            long id = events.benchmark()[e];
            Analysis.Benchmark b = analysis.benchmarks().stream()
                    .filter(x -> x.id() == id)
                    .findFirst()
                    .orElseThrow(() -> new InputException.Mismatch(
                            eventsPath,
                            "dataset 'experiments/benchmark'",
                            "benchmark " + id + " is not in the analysis"));
            int j = (int) events.truth()[e];
            Map<String, Double> truth = new LinkedHashMap<>();
            for (int p = 0; p < events.parameters().length; p++)
                truth.put(events.parameters()[p], events.truthValues()[j][p]);
            if (!TruthPoints.belongsTo(truth, analysis, b))
                throw new InputException.Mismatch(
                        eventsPath,
                        "dataset 'experiments/truth'",
                        "truth '" + events.truthLabels()[j] + "' of pseudo-experiment " + e + " is not one benchmark "
                                + id + " models");
        }
    }

    private static void requireSameBins(PseudoExperimentsFile events, Path eventsPath, TemplatesFile t, Path file) {
        if (!events.statistic().equals(t.statistic()))
            throw new InputException.Mismatch(
                    eventsPath,
                    "attribute 'statistic'",
                    "'" + events.statistic() + "' but the templates " + file + " are of '" + t.statistic() + "'");
        if (!java.util.Arrays.equals(events.binEdges(), t.binEdges()))
            throw new InputException.Mismatch(
                    eventsPath,
                    "dataset 'bins/edges'",
                    java.util.Arrays.toString(events.binEdges()) + " but the templates " + file + " have "
                            + java.util.Arrays.toString(t.binEdges()));
    }

    /** STATISTIC=FILE arguments grouped by statistic (sorted), files in the order given. */
    private static Map<String, List<Path>> parse(String option, List<String> values) {
        Map<String, List<Path>> out = new TreeMap<>();
        for (String v : values) {
            int eq = v.indexOf('=');
            String name = eq < 0 ? "" : v.substring(0, eq);
            if (!name.matches("[A-Za-z0-9_.-]+"))
                throw new InputException.BadOption(
                        option,
                        option + " '" + v + "': expected STATISTIC=FILE with a name of letters, digits, '_', '.', '-'");
            Path p = Path.of(v.substring(eq + 1));
            if (!Files.isRegularFile(p)) throw new InputException.FileProblem(p, null, option + ": file not found");
            out.computeIfAbsent(name, k -> new ArrayList<>()).add(p);
        }
        return out;
    }
}
