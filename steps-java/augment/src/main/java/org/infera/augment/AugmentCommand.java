package org.infera.augment;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.infera.core.cli.Checks;
import org.infera.core.cli.InputException;
import org.infera.core.cli.StepMain;
import org.infera.core.cli.VersionProvider;
import org.infera.core.data.RunFiles;
import org.infera.core.data.EventsFile;
import org.infera.core.data.RatioSamplesFile;
import org.infera.core.data.Sample;
import org.infera.core.data.SamplesFile;
import org.infera.core.data.ScoreSamplesFile;
import org.infera.core.data.Split;
import org.infera.core.data.TestSamplesFile;
import org.infera.core.random.Rng;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "infera-augment", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Reads one or more events files (shards of one run, in any order: they are sorted by file name) and writes labelled, weighted train / validation / test samples (HDF5, see docs/data-contract.md). Each process is shuffled with --seed and split by the given fractions; an event's weight is the expected yield of its process divided by the number of that process's events in its split, so every split sums to the expected yields.")
public final class AugmentCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "EVENTS", description = "Events files (shards).")
    List<Path> events;

    @Option(names = "--signal", defaultValue = "signal", description = "Name of the signal process (default: ${DEFAULT-VALUE}).")
    String signal;

    @Option(names = "--fractions", defaultValue = "0.4,0.2,0.4", split = ",",
            description = "Fractions of each process for train, validation, test (default: ${DEFAULT-VALUE}).")
    double[] fractions;

    @Option(names = "--seed", required = true, description = "Seed of the shuffle.")
    long seed;

    @Option(names = "--run-shards", paramLabel = "N",
            description = "How many shards the whole run has, when this task augments only some of them (one task per shard "
                    + "keeps its memory to the shard's): each split of a process then sums to its yield times (files given)/N, "
                    + "so the samples of all tasks together sum to the yields (default: the number of files given).")
    Integer runShards;

    @Option(names = "--shard", defaultValue = "0", paramLabel = "K",
            description = "With --run-shards: the index of this task's shard, from which its shuffle seed is derived (default: ${DEFAULT-VALUE}).")
    int shard;

    @Option(names = "--score-at", paramLabel = "THETA",
            description = "Score samples (MadMiner's sample_train_local): the inputs are weighted events in MadMiner's layout; each "
                    + "partition is unweighted at THETA (e.g. 0,0) and every drawn event carries its joint score there.")
    String scoreAt;

    @Option(names = "--ratio", paramLabel = "THETA0:THETA1",
            description = "Ratio samples (MadMiner's sample_train_ratio), repeatable: for each pair, half the events drawn at THETA0 "
                    + "(y = 0) and half at THETA1 (y = 1), with the joint likelihood ratio r(x, z | θ0, θ1) and the joint scores at both, "
                    + "e.g. --ratio 0,0:1,0 --ratio 0,0:0,1.")
    List<String> ratio;

    @Option(names = "--test-at", paramLabel = "THETA",
            description = "Test samples (MadMiner's sample_test), repeatable: events unweighted at each THETA from the test partition "
                    + "only (the one the training samples of the same --seed and --fractions leave out).")
    List<String> testAt;

    @Option(names = "--draws", defaultValue = "100000",
            description = "With --score-at or --ratio: unweighted events drawn over all partitions; with --test-at: drawn over all "
                    + "points (default: ${DEFAULT-VALUE}).")
    int draws;

    /** How the samples of a MadMiner run, each simulated at one benchmark, make up the weighted events. */
    enum Samples { combined, closest }

    @Option(names = "--samples", defaultValue = "combined", paramLabel = "combined|closest",
            description = "With --score-at, --ratio or --test-at, for events simulated at several benchmarks: 'combined' uses every sample, "
                    + "each event's weights multiplied by its sample's share of the run's signal events (as MadMiner combines them for "
                    + "cross sections and Fisher information); 'closest' uses only the sample generated at the benchmark closest to "
                    + "the points drawn at, plus background (MadMiner's sample_only_from_closest_benchmark, the default of its "
                    + "SampleAugmenter). Files with one sample give the same either way (default: ${DEFAULT-VALUE}).")
    Samples samples;

    @Option(names = {"-o", "--out"}, required = true, description = "Output samples file (.h5).")
    Path out;

    public static void main(String[] args) {
        StepMain.main(new AugmentCommand(), args);
    }

    @Override
    public Integer call() {
        validateFractions();
        int modes = (scoreAt != null ? 1 : 0) + (ratio != null ? 1 : 0) + (testAt != null ? 1 : 0);
        if (modes > 1) throw new InputException("--score-at, --ratio and --test-at are different samples: give one of them per run");
        if (modes == 1) return weighted();
        int total = runShards == null ? events.size() : runShards;
        if (total < events.size()) throw new InputException("--run-shards " + total + " is fewer than the " + events.size() + " files given");
        if (shard < 0 || shard >= total) throw new InputException("--shard must be in [0, " + total + "), got " + shard);
        List<Path> sorted = RunFiles.inNameOrder(events);
        List<EventsFile> shards = new ArrayList<>();
        for (Path p : sorted) shards.add(EventsFile.read(p));
        EventsFile first = shards.get(0);
        for (int s = 1; s < shards.size(); s++) {
            EventsFile other = shards.get(s);
            if (!Arrays.equals(first.observables(), other.observables()) || !Arrays.equals(first.processes(), other.processes())
                    || !Arrays.equals(first.expectedYields(), other.expectedYields()) || !first.generator().equals(other.generator())) {
                throw new InputException.Mismatch(sorted.get(s), "datasets 'observables', 'processes'", "generator, observables, processes or yields differ from "
                        + sorted.get(0) + " (all shards must come from one run)");
            }
            if (first.seed() != other.seed()) {
                throw new InputException.Mismatch(sorted.get(s), "attribute 'seed'", "run seed " + other.seed() + ", but " + sorted.get(0) + " has "
                        + first.seed() + ": shards of different runs");
            }
        }
        int signalIndex = Arrays.asList(first.processes()).indexOf(signal);
        if (signalIndex < 0) {
            throw new InputException(sorted.get(0) + ": dataset 'processes/names' has no process '" + signal
                    + "' (--signal); it has " + Arrays.toString(first.processes()));
        }
        // one task for the whole run keeps --seed as it is; a task per shard derives its own
        long base = total == events.size() ? seed : Rng.derivedSeed(seed, shard);
        SamplesFile samples = split(shards, first, signalIndex, (double) events.size() / total, base);
        samples.write(out);
        for (Split s : Split.values()) {
            System.err.printf("infera-augment: %-10s %8d events%n", s.group(), samples.split(s).size());
        }
        return 0;
    }

    /**
     * Samples from weighted events in MadMiner's layout: local score, ratio or test samples, of the whole
     * run (all files) or, with --run-shards, of one shard's file (all files given, for the run's sums).
     */
    private int weighted() {
        int points = testAt != null ? testAt.size() : ratio != null ? 2 * ratio.size() : 3;
        if (draws < points) throw new InputException("--draws must be at least " + points + " here, got " + draws);
        WeightedEvents weighted;
        if (runShards == null) {
            weighted = WeightedEvents.load(events, fractions, seed);
        } else {
            if (runShards != events.size()) {
                throw new InputException("--run-shards " + runShards + " with --score-at, --ratio or --test-at needs every shard's events file ("
                        + events.size() + " given): the joint score and the sharing of the draws need the whole run's weights");
            }
            if (shard < 0 || shard >= runShards) throw new InputException("--shard must be in [0, " + runShards + "), got " + shard);
            weighted = WeightedEvents.loadShard(events, shard, fractions, seed);
        }
        String where = runShards == null ? "" : String.format(" (shard %d of %d)", shard, runShards);
        if (scoreAt != null) {
            double[] theta = weighted.theta("--score-at", scoreAt);
            useSamples(weighted, List.of(theta));
            weighted.sumRun(List.of(theta));
            ScoreSamplesFile samples = ScoreAugment.run(weighted, theta, draws, fractions, seed);
            requireDraws(samples.splits().values().stream().mapToInt(s -> s.x().length).toArray());
            samples.write(out);
            System.err.printf("infera-augment: %d unweighted events%s at θ = %s with their joint score (effective sample size of the "
                    + "weighted events %.0f) to %s%n", java.util.Arrays.stream(Split.values()).mapToInt(s -> samples.splits().get(s).x().length).sum(),
                    where, Arrays.toString(theta), samples.effectiveSampleSize(), out);
        } else if (ratio != null) {
            double[][] theta0 = new double[ratio.size()][], theta1 = new double[ratio.size()][];
            List<double[]> all = new ArrayList<>();
            for (int k = 0; k < ratio.size(); k++) {
                String[] pair = ratio.get(k).split(":", -1);
                if (pair.length != 2) throw new InputException("--ratio '" + ratio.get(k) + "' must be THETA0:THETA1, e.g. 0,0:1,0");
                all.add(theta0[k] = weighted.theta("--ratio θ0", pair[0]));
                all.add(theta1[k] = weighted.theta("--ratio θ1", pair[1]));
            }
            useSamples(weighted, all);
            weighted.sumRun(all);
            RatioSamplesFile samples = RatioAugment.run(weighted, theta0, theta1, draws, fractions, seed);
            requireDraws(samples.splits().values().stream().mapToInt(s -> s.x().length).toArray());
            samples.write(out);
            for (int k = 0; k < theta0.length; k++) {
                System.err.printf("infera-augment: pair %s : %s, effective sample sizes %.0f and %.0f%n", Arrays.toString(theta0[k]),
                        Arrays.toString(theta1[k]), samples.effectiveSampleSize0()[k], samples.effectiveSampleSize1()[k]);
            }
            System.err.printf("infera-augment: ratio samples%s (%d pairs) to %s%n", where, theta0.length, out);
        } else {
            double[][] thetas = new double[testAt.size()][];
            for (int k = 0; k < thetas.length; k++) thetas[k] = weighted.theta("--test-at", testAt.get(k));
            useSamples(weighted, List.of(thetas));
            weighted.sumRun(List.of(thetas));
            TestSamplesFile samples = TestAugment.run(weighted, thetas, draws, seed);
            requireDraws(new int[] {samples.x().length});
            samples.write(out);
            System.err.printf("infera-augment: %d test events%s at %d points from the test partition (effective sample sizes %s) to %s%n",
                    samples.x().length, where, thetas.length, Arrays.toString(Arrays.stream(samples.effectiveSampleSize()).map(Math::rint).toArray()), out);
        }
        return 0;
    }

    private void useSamples(WeightedEvents weighted, List<double[]> points) {
        if (samples == Samples.closest) weighted.useClosestSample(points);
        System.err.println("infera-augment: weighted events: " + weighted.samplingFactors());
    }

    /** A shard's file needs events in every split it writes; the run's draws are shared at random, so a small --draws may leave it none. */
    private void requireDraws(int[] perSplit) {
        for (int n : perSplit) {
            if (n == 0) {
                throw new InputException("shard " + shard + " of " + runShards + " drew no event in a split from --draws " + draws
                        + ": raise --draws or use fewer shards");
            }
        }
    }

    private void validateFractions() {
        if (fractions.length != 3) throw new InputException("--fractions needs 3 values (train,validation,test), got " + fractions.length);
        double sum = 0;
        for (double f : fractions) sum += Checks.fraction("--fractions", f);
        if (Math.abs(sum - 1) > 1e-9) throw new InputException("--fractions must add up to 1, they add up to " + sum);
    }

    private SamplesFile split(List<EventsFile> shards, EventsFile first, int signalIndex, double share, long base) {
        int processes = first.processes().length;
        Map<Split, List<double[]>> x = new EnumMap<>(Split.class);
        Map<Split, List<Long>> proc = new EnumMap<>(Split.class);
        Map<Split, List<Double>> weight = new EnumMap<>(Split.class);
        for (Split s : Split.values()) {
            x.put(s, new ArrayList<>());
            proc.put(s, new ArrayList<>());
            weight.put(s, new ArrayList<>());
        }
        for (int p = 0; p < processes; p++) {
            List<double[]> rows = new ArrayList<>();
            for (EventsFile f : shards) {
                for (int i = 0; i < f.size(); i++) if (f.process()[i] == p) rows.add(f.observations()[i]);
            }
            int n = rows.size();
            int nTrain = (int) Math.round(fractions[0] * n);
            int nValidation = (int) Math.round(fractions[1] * n);
            int[] counts = {nTrain, nValidation, n - nTrain - nValidation};
            for (int c = 0; c < 3; c++) {
                if (counts[c] == 0) {
                    throw new InputException("process '" + first.processes()[p] + "' has " + n + " events, too few to fill the "
                            + Split.values()[c].group() + " split with --fractions " + Arrays.toString(fractions));
                }
            }
            int[] order = new int[n];
            for (int i = 0; i < n; i++) order[i] = i;
            new Rng(Rng.derivedSeed(base, p)).shuffle(order);
            int k = 0;
            for (int c = 0; c < 3; c++) {
                Split s = Split.values()[c];
                double w = share * first.expectedYields()[p] / counts[c];
                for (int j = 0; j < counts[c]; j++) {
                    x.get(s).add(rows.get(order[k++]));
                    proc.get(s).add((long) p);
                    weight.get(s).add(w);
                }
            }
        }
        Map<Split, Sample> splits = new EnumMap<>(Split.class);
        for (Split s : Split.values()) {
            long[] process = proc.get(s).stream().mapToLong(Long::longValue).toArray();
            long[] label = Arrays.stream(process).map(p -> p == signalIndex ? 1 : 0).toArray();
            splits.put(s, new Sample(x.get(s).toArray(new double[0][]), label, process,
                    weight.get(s).stream().mapToDouble(Double::doubleValue).toArray()));
        }
        long[] isSignal = new long[processes];
        isSignal[signalIndex] = 1;
        return new SamplesFile(first.observables(), first.processes(), first.expectedYields(), isSignal, seed, splits);
    }
}
