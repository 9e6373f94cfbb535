package org.infera.shift;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.infera.core.analysis.Analysis;
import org.infera.core.analysis.TruthPoints;
import org.infera.core.cli.Checks;
import org.infera.core.cli.InputException;
import org.infera.core.cli.Progress;
import org.infera.core.cli.SeedOption;
import org.infera.core.cli.VersionProvider;
import org.infera.core.data.PseudoExperimentsFile;
import org.infera.core.physics.EventSimulator;
import org.infera.core.random.PseudoExperimentSeeds;
import org.infera.core.random.Rng;
import org.infera.nn.DeviceOption;
import org.infera.nn.Ensemble;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "pseudo-experiments",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Event-level pseudo-experiments for the coverage of a trained statistic: for every benchmark "
                + "of the analysis and every truth it models (nominal; each parameter it constrains at ±1σ of the "
                + "constraint), fresh events from the analysis's simulator with Poisson-fluctuated yields (each "
                + "process's expected yield at the truth), the network applied, and the counts binned like the "
                + "statistic's templates. Each pseudo-experiment's seed derives from --seed, the statistic, its cell "
                + "(benchmark, truth) and its index, so a replica's share (--replica of --replicas: a contiguous "
                + "block of each cell's --experiments) is the same whatever the split. Writes a pseudo_experiments "
                + "HDF5 file (docs/data-contract.md) that infera-fit coverage fits.")
public final class PseudoExperimentsCommand implements Callable<Integer> {
    /** Rows passed to the network at once: several pseudo-experiments per call. */
    private static final int BATCH_ROWS = 1 << 16;

    @Option(
            names = "--model",
            required = true,
            arity = "1..*",
            paramLabel = "<model-dir>",
            description = "Model directory written by infera-train; several: the members of a classifier ensemble "
                    + "(trainings with --member 0, 1, …), binned by their mean probability (INFERNO and neos "
                    + "networks cannot be averaged: their bins are labelled arbitrarily by each training).")
    List<Path> models;

    @Option(
            paramLabel = "analysis.json",
            names = "--analysis",
            required = true,
            description = "Analysis definition (JSON): processes, nuisances, benchmarks; its name picks the simulator "
                    + "(inferno-paper, neos-blobs).")
    Path analysisFile;

    @Option(
            names = "--statistic",
            required = true,
            description = "Name of the statistic (as in its templates), recorded and part of every seed.")
    String statistic;

    @Option(
            names = "--bins",
            defaultValue = "10",
            description =
                    "Bins of a classifier's probability, as for infera-shift templates (default: ${DEFAULT-VALUE}).")
    int bins;

    @Option(
            names = "--experiments",
            paramLabel = "N",
            required = true,
            description = "Pseudo-experiments per benchmark and truth, over all replicas.")
    int experiments;

    @Option(
            names = "--replica",
            paramLabel = "R",
            defaultValue = "0",
            description = "This replica's index (default: ${DEFAULT-VALUE}).")
    int replica;

    @Option(
            names = "--replicas",
            paramLabel = "K",
            defaultValue = "1",
            description = "Replicas sharing the --experiments of each cell (default: ${DEFAULT-VALUE}).")
    int replicas;

    @Mixin
    SeedOption seed;

    @Mixin
    DeviceOption device;

    @Option(
            names = {"-o", "--out"},
            required = true,
            description = "Output pseudo-experiments file (.h5).")
    Path out;

    @Override
    public Integer call() {
        Checks.count("--bins", bins, 100_000);
        Checks.count("--experiments", experiments, 100_000_000);
        Checks.count("--replicas", replicas, 100_000);
        if (replica < 0 || replica >= replicas)
            throw new InputException.BadOption(
                    "--replica",
                    "--replica must lie in 0.." + (replicas - 1) + " (--replicas " + replicas + "), got " + replica);
        if (!statistic.matches("[A-Za-z0-9_.-]+"))
            throw new InputException.BadOption(
                    "--statistic", "--statistic '" + statistic + "': letters, digits, '_', '.', '-' only");
        Analysis analysis = Analysis.read(analysisFile);
        EventSimulator simulator = EventSimulator.of(analysis.name())
                .orElseThrow(() -> new InputException.AnalysisProblem(
                        analysisFile,
                        "field 'name'",
                        "'" + analysis.name() + "' has no built-in simulator; event-level pseudo-experiments need one "
                                + "(inferno-paper, neos-blobs)"));
        List<TruthPoints.Truth> truths = TruthPoints.of(analysis);
        long first = (long) experiments * replica / replicas, last = (long) experiments * (replica + 1) / replicas;
        List<long[]> cells = new ArrayList<>(); // {benchmark, truth}
        for (Analysis.Benchmark b : analysis.benchmarks())
            for (int j = 0; j < truths.size(); j++)
                if (TruthPoints.belongsTo(truths.get(j).values(), analysis, b)) cells.add(new long[] {b.id(), j});
        int total = Math.toIntExact(cells.size() * (last - first));
        if (total == 0)
            throw new InputException.BadOption(
                    "--experiments", "--experiments " + experiments + " leaves replica " + replica + " none to draw");
        long[] index = new long[total], benchmark = new long[total], truth = new long[total];
        long[][] counts = new long[total][];
        double[] edges;
        try (Ensemble network = Ensemble.load(models, device.resolve())) {
            if (!network.spec().features().equals(analysis.features()))
                throw new InputException(models.get(0) + ": the network was trained on features "
                        + network.spec().features() + ", but " + analysisFile + " declares " + analysis.features());
            Statistic kind = Statistic.of(network.spec(), bins, models.get(0));
            edges = kind.edges();
            Batch batch = new Batch(network, kind, counts);
            try (Progress progress = new Progress("pseudo-experiments", total, "pseudo-experiments")) {
                int e = 0;
                for (long[] cell : cells) {
                    Map<String, Double> values = truths.get((int) cell[1]).values();
                    for (long i = first; i < last; i++, e++) {
                        index[e] = i;
                        benchmark[e] = cell[0];
                        truth[e] = cell[1];
                        Rng rng = new Rng(PseudoExperimentSeeds.seed(
                                seed.seed, PseudoExperimentSeeds.EVENTS, statistic, (int) cell[0], (int) cell[1], i));
                        batch.add(e, events(rng, analysis, simulator, values));
                        progress.step(1);
                    }
                }
                batch.flush();
            }
        }
        String[] labels = truths.stream().map(TruthPoints.Truth::label).toArray(String[]::new);
        String[] parameters = TruthPoints.nominal(analysis).keySet().toArray(String[]::new);
        double[][] truthValues = new double[truths.size()][parameters.length];
        for (int j = 0; j < truths.size(); j++)
            for (int p = 0; p < parameters.length; p++)
                truthValues[j][p] = truths.get(j).values().get(parameters[p]);
        new PseudoExperimentsFile(
                        statistic, seed.seed, edges, labels, parameters, truthValues, index, benchmark, truth, counts)
                .write(out);
        System.err.printf(
                "infera-shift: %d pseudo-experiments (%d cells × %d, replica %d of %d) written to %s%n",
                total, cells.size(), last - first, replica, replicas, out);
        return 0;
    }

    /**
     * One pseudo-experiment's events: Poisson(expected yield at the truth) of each process, from the simulator
     * with its own nuisances at their true values, the analysis's other nuisances applied as their effects.
     */
    static double[][] events(Rng rng, Analysis analysis, EventSimulator simulator, Map<String, Double> truth) {
        List<double[]> rows = new ArrayList<>();
        for (Analysis.Process p : analysis.processes()) {
            long n = rng.poisson(truth.get(p.name()));
            for (long k = 0; k < n; k++) {
                double[] x = simulator.event(rng, p.name(), truth);
                for (Analysis.Nuisance nu : analysis.nuisancesOrEmpty()) {
                    double v = truth.get(nu.name());
                    if (nu.process().equals(p.name())
                            && v != nu.nominal()
                            && !simulator.simulates().contains(nu.name())) analysis.applyEffect(nu, v, x);
                }
                rows.add(x);
            }
        }
        return rows.toArray(double[][]::new);
    }

    /** Pseudo-experiments gathered until enough rows for one network call, then binned. */
    private static final class Batch {
        private final Ensemble network;
        private final Statistic kind;
        private final long[][] counts;
        private final List<double[][]> pending = new ArrayList<>();
        private final List<Integer> slots = new ArrayList<>();
        private int rows;

        Batch(Ensemble network, Statistic kind, long[][] counts) {
            this.network = network;
            this.kind = kind;
            this.counts = counts;
        }

        void add(int slot, double[][] events) {
            pending.add(events);
            slots.add(slot);
            rows += events.length;
            if (rows >= BATCH_ROWS) flush();
        }

        void flush() {
            double[][] all = new double[rows][];
            int r = 0;
            for (double[][] events : pending) for (double[] x : events) all[r++] = x;
            double[] values = rows == 0 ? new double[0] : kind.values(network, all);
            r = 0;
            for (int k = 0; k < pending.size(); k++) {
                Histogram h = kind.histogram();
                for (int i = 0; i < pending.get(k).length; i++) h.fill(values[r++], 1);
                counts[slots.get(k)] = h.counts;
            }
            pending.clear();
            slots.clear();
            rows = 0;
        }
    }
}
