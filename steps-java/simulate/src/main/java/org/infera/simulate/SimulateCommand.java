package org.infera.simulate;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.infera.core.cli.Checks;
import org.infera.core.cli.InputException;
import org.infera.core.cli.Progress;
import org.infera.core.cli.StepMain;
import org.infera.core.cli.VersionProvider;
import org.infera.core.data.EventsFile;
import org.infera.core.physics.InfernoPaperProblem;
import org.infera.core.physics.NeosBlobs;
import org.infera.core.physics.EftToy;
import org.infera.core.physics.GaussianToy;
import org.infera.core.data.ScoreSamplesFile;
import org.infera.core.data.Split;
import org.infera.core.data.MadMinerEventFile;
import org.infera.core.random.Rng;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "infera-simulate", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Generates unweighted events of every process of a built-in model and writes them as an infera events file (HDF5, see docs/data-contract.md). With --shards N, this run writes shard --shard of N: its share of the events, from a seed derived from --seed and the shard index, so shards can run in parallel and the same seed and N always give the same events.")
public final class SimulateCommand implements Callable<Integer> {

    @Option(names = "--model", defaultValue = InfernoPaperProblem.NAME,
            description = "Built-in model: inferno-paper (the INFERNO paper problem; the default), neos-blobs (the neos toy: "
                    + "2-D Gaussian blobs, 20 signal and 100 background events expected) or eft-toy (a two-parameter process with "
                    + "quadratic morphing, written in MadMiner's layout with weights at 6 basis benchmarks) or gaussian-toy (z ~ N(θ, 2²), "
                    + "x ~ N(z, 1): a tractable joint likelihood, written directly as score samples with the joint score at --theta).")
    String model;

    @Option(names = "--events", description = "Events per process over all shards (required unless --import).")
    int events;

    @Option(paramLabel = "SEED", names = "--seed", description = "Random seed of the whole run (required unless --import).")
    Long seedOption;

    long seed;

    @Option(names = "--shards", defaultValue = "1", description = "Number of shards the run is split into (default: ${DEFAULT-VALUE}).")
    int shards;

    @Option(names = "--shard", defaultValue = "0", description = "Index of the shard this run writes, 0..shards-1 (default: ${DEFAULT-VALUE}).")
    int shard;

    @Option(names = "--print-seed", description = "Print the seed of shard --shard of --shards (derived from --seed, non-negative, "
            + "below 2^31) and exit: the seed an external generator is given for that shard (the pipeline's GENERATE).")
    boolean printSeed;

    @Option(names = "--r", defaultValue = "0", description = "Background mean shift r of x0 (default: ${DEFAULT-VALUE}).")
    double r;

    @Option(names = "--lambda", defaultValue = "3", description = "Background rate λ of x2 (default: ${DEFAULT-VALUE}).")
    double lambda;

    @Option(names = "--theta", defaultValue = "0", description = "gaussian-toy: the parameter the events are simulated at (default: ${DEFAULT-VALUE}).")
    double theta;

    @Option(names = "--fractions", defaultValue = "0.4,0.2,0.4", split = ",",
            description = "gaussian-toy: fractions of the events for train, validation, test (default: ${DEFAULT-VALUE}).")
    double[] fractions;

    @Option(names = "--import", paramLabel = "EVENTS.csv",
            description = "Instead of simulating, import weighted events of an external generator: a CSV with one column per "
                    + "observable and weight_<benchmark> per benchmark, described by --metadata; written in MadMiner's layout.")
    Path importCsv;

    @Option(names = "--metadata", paramLabel = "META.json",
            description = "With --import: parameters, benchmarks (name → parameter values), observables, morphing_components (optional).")
    Path metadata;

    @Option(names = "--validate", paramLabel = "FILE", arity = "1..*",
            description = "Instead of simulating, check events files written by another generator (infera events or weighted "
                    + "events in MadMiner's layout): every dataset present, of the right shape, finite. Exit 2 naming the problem.")
    List<Path> validate;

    @Option(names = {"-o", "--out"}, description = "Output events file (.h5); required unless --validate.")
    Path out;

    public static void main(String[] args) {
        StepMain.main(new SimulateCommand(), args);
    }

    @Override
    public Integer call() {
        if (validate != null) {
            for (Path f : validate) {
                boolean madminer;
                try (org.infera.core.hdf5.H5Input in = org.infera.core.hdf5.H5Input.openAny(f)) {
                    madminer = in.has("samples/weights");
                }
                if (madminer) {
                    MadMinerEventFile m = MadMinerEventFile.read(f);
                    System.err.printf("infera-simulate: %s: %d weighted events (%s%s), %d benchmarks, parameters %s, observables %s%n", f, m.events(),
                            m.samplingFactors(), m.backgroundEvents() > 0 ? ", " + m.backgroundEvents() + " background events" : "",
                            m.benchmarks().length, java.util.Arrays.toString(m.parameters()), java.util.Arrays.toString(m.observables()));
                } else {
                    EventsFile e = EventsFile.read(f);
                    System.err.printf("infera-simulate: %s: %d events of %s%n", f, e.size(), java.util.Arrays.toString(e.processes()));
                }
            }
            return 0;
        }
        if (out == null && !printSeed) throw new InputException("-o/--out is required (unless --validate or --print-seed)");
        if (importCsv != null) {
            if (metadata == null) throw new InputException("--import needs --metadata (the parameters, benchmarks and observables)");
            MadMinerEventFile imported = org.infera.core.data.CsvEventImport.read(importCsv, metadata);
            imported.write(out);
            System.err.printf("infera-simulate: imported %d weighted events (%d benchmarks%s) from %s to %s%n", imported.events(),
                    imported.benchmarks().length, imported.hasMorphing() ? ", morphing" : "", importCsv, out);
            return 0;
        }
        if (seedOption == null) throw new InputException("--seed is required (unless --import)");
        seed = seedOption;
        Checks.positive("--shards", shards);
        if (shard < 0 || shard >= shards) throw new InputException("--shard must lie in 0.." + (shards - 1) + ", got " + shard);
        // the shard's seed below 2^31, since external generators often take a 32-bit one
        if (printSeed) {
            System.out.println(Rng.derivedSeed(seed, shard) & Integer.MAX_VALUE);
            return 0;
        }
        if (!InfernoPaperProblem.NAME.equals(model) && !NeosBlobs.NAME.equals(model) && !EftToy.NAME.equals(model)
                && !GaussianToy.NAME.equals(model)) {
            throw new InputException("--model: unknown model '" + model + "' (built in: " + InfernoPaperProblem.NAME + ", " + NeosBlobs.NAME
                    + ", " + EftToy.NAME + ", " + GaussianToy.NAME + ")");
        }
        Checks.positive("--events", events);
        Checks.positive("--lambda", lambda);
        if (!Double.isFinite(r)) throw new InputException("--r must be finite, got " + r);

        int perProcess = events / shards + (shard < events % shards ? 1 : 0);
        if (perProcess == 0) throw new InputException("--events " + events + " leaves shard " + shard + " of " + shards + " empty");
        long shardSeed = Rng.derivedSeed(seed, shard);
        if (GaussianToy.NAME.equals(model)) {
            ScoreSamplesFile samples = simulateGaussian(perProcess, shardSeed);
            samples.write(out);
            System.err.printf("infera-simulate: wrote %d events of the Gaussian toy at θ = %s with their joint score (shard %d of %d) to %s%n",
                    perProcess, theta, shard, shards, out);
            return 0;
        }
        if (EftToy.NAME.equals(model)) {
            MadMinerEventFile weighted = simulateEft(perProcess, shardSeed);
            weighted.write(out);
            System.err.printf("infera-simulate: wrote %d weighted events (shard %d of %d, weights at %d benchmarks) to %s%n",
                    weighted.events(), shard, shards, weighted.benchmarks().length, out);
            return 0;
        }
        EventsFile file = simulate(perProcess, shardSeed);
        file.write(out);
        System.err.printf("infera-simulate: wrote %d events (%d per process, shard %d of %d) to %s%n",
                file.size(), perProcess, shard, shards, out);
        return 0;
    }

    private MadMinerEventFile simulateEft(int n, long shardSeed) {
        try (Progress progress = new Progress("simulate", n, "events")) {
            return EftToy.events(n, events, shardSeed, progress);
        }
    }

    /** The Gaussian toy's events at θ, split by --fractions, as score samples (x and t(x, z | θ)). */
    private ScoreSamplesFile simulateGaussian(int n, long shardSeed) {
        if (fractions.length != 3 || Math.abs(fractions[0] + fractions[1] + fractions[2] - 1) > 1e-9) {
            throw new InputException("--fractions must be three numbers adding up to 1, got " + java.util.Arrays.toString(fractions));
        }
        if (!Double.isFinite(theta)) throw new InputException("--theta must be finite, got " + theta);
        Rng rng = new Rng(Rng.derivedSeed(shardSeed, 0));
        java.util.Map<Split, ScoreSamplesFile.Scores> splits = new java.util.EnumMap<>(Split.class);
        int done = 0;
        for (Split s : Split.values()) {
            int size = s == Split.TEST ? n - done : (int) Math.round(fractions[s.ordinal()] * n);
            if (size < 1) throw new InputException("--events " + events + " leaves the " + s.group() + " split empty");
            double[][] x = new double[size][1], t = new double[size][1];
            for (int i = 0; i < size; i++) {
                double[] e = GaussianToy.event(rng, theta);
                x[i][0] = e[0];
                t[i][0] = e[1];
            }
            splits.put(s, new ScoreSamplesFile.Scores(x, t));
            done += size;
        }
        return new ScoreSamplesFile(new String[] {"theta"}, new String[] {"x"}, new double[] {theta}, seed, n, splits);
    }

    private EventsFile simulate(int perProcess, long shardSeed) {
        boolean blobs = NeosBlobs.NAME.equals(model);
        int n = 2 * perProcess;
        double[][] observations = new double[n][];
        long[] process = new long[n];
        // Independent streams per process: adding background events never changes the signal ones.
        Rng signalRng = new Rng(Rng.derivedSeed(shardSeed, 0));
        Rng backgroundRng = new Rng(Rng.derivedSeed(shardSeed, 1));
        try (Progress progress = new Progress("simulate", n, "events")) {
            for (int i = 0; i < perProcess; i++) {
                observations[i] = blobs ? NeosBlobs.signal(signalRng) : InfernoPaperProblem.signal(signalRng);
                process[i] = 0;
                if ((i & 0xffff) == 0xffff) progress.step(0x10000);
            }
            for (int i = 0; i < perProcess; i++) {
                observations[perProcess + i] = blobs ? NeosBlobs.background(backgroundRng)
                        : InfernoPaperProblem.background(backgroundRng, r, lambda);
                process[perProcess + i] = 1;
                if ((i & 0xffff) == 0xffff) progress.step(0x10000);
            }
        }
        if (blobs) {
            return new EventsFile(NeosBlobs.NAME, seed, NeosBlobs.FEATURES.clone(), NeosBlobs.PROCESSES.clone(),
                    new double[] {NeosBlobs.SIGNAL_YIELD, NeosBlobs.BACKGROUND_YIELD}, observations, process);
        }
        return new EventsFile(InfernoPaperProblem.NAME, seed, InfernoPaperProblem.FEATURES.clone(),
                InfernoPaperProblem.PROCESSES.clone(),
                new double[] {InfernoPaperProblem.SIGNAL_YIELD, InfernoPaperProblem.BACKGROUND_YIELD},
                observations, process);
    }
}
