package org.infera.augment;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.infera.core.cli.InputException;
import org.infera.core.cli.VersionProvider;
import org.infera.core.data.EventsFile;
import org.infera.core.data.RunFiles;
import org.infera.core.data.Sample;
import org.infera.core.data.SamplesFile;
import org.infera.core.data.Split;
import org.infera.core.random.Rng;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "split",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Labelled, weighted train / validation / test samples of infera events files. Each process is "
                + "shuffled with --seed and split by the given fractions; an event's weight is the expected yield of "
                + "its process divided by the number of that process's events in its split, so every split sums to the "
                + "expected yields. With --run-shards N (one task per shard), each split of a process sums to its "
                + "yield times (files given)/N, so the samples of all tasks together sum to the yields, and the "
                + "shuffle seed is derived from --seed and --shard.")
public final class SplitCommand implements Callable<Integer> {
    @Mixin
    AugmentOptions options;

    @Option(
            names = "--signal",
            defaultValue = "signal",
            description = "Name of the signal process (default: ${DEFAULT-VALUE}).")
    String signal;

    @Override
    public Integer call() {
        options.validateFractions();
        List<Path> events = options.events;
        int total = options.runShards == null ? events.size() : options.runShards;
        if (total < events.size()) {
            throw new InputException("--run-shards " + total + " is fewer than the " + events.size() + " files given");
        }
        options.validateShard(total);
        List<Path> sorted = RunFiles.inNameOrder(events);
        List<EventsFile> shards = new ArrayList<>();
        for (Path p : sorted) shards.add(EventsFile.read(p));
        EventsFile first = shards.get(0);
        for (int s = 1; s < shards.size(); s++) requireSameRun(first, shards.get(s), sorted.get(0), sorted.get(s));
        int signalIndex = Arrays.asList(first.processes()).indexOf(signal);
        if (signalIndex < 0) {
            throw new InputException(sorted.get(0) + ": dataset 'processes/names' has no process '" + signal
                    + "' (--signal); it has " + Arrays.toString(first.processes()));
        }
        // one task for the whole run keeps --seed as it is; a task per shard derives its own
        long base = total == events.size() ? options.seed.seed : Rng.derivedSeed(options.seed.seed, options.shard);
        SamplesFile samples = split(shards, first, signalIndex, (double) events.size() / total, base);
        samples.write(options.out);
        for (Split s : Split.values()) {
            System.err.printf(
                    "infera-augment: %-10s %8d events%n",
                    s.group(), samples.split(s).size());
        }
        return 0;
    }

    private static void requireSameRun(EventsFile first, EventsFile other, Path firstPath, Path otherPath) {
        if (!Arrays.equals(first.observables(), other.observables())
                || !Arrays.equals(first.processes(), other.processes())
                || !Arrays.equals(first.expectedYields(), other.expectedYields())
                || !first.generator().equals(other.generator())) {
            throw new InputException.Mismatch(
                    otherPath,
                    "datasets 'observables', 'processes'",
                    "generator, "
                            + "observables, processes or yields differ from " + firstPath
                            + " (all shards must come from one run)");
        }
        if (first.seed() != other.seed()) {
            throw new InputException.Mismatch(
                    otherPath,
                    "attribute 'seed'",
                    "run seed " + other.seed() + ", but "
                            + firstPath
                            + " has " + first.seed() + ": shards of different runs");
        }
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
            int nTrain = (int) Math.round(options.fractions[0] * n);
            int nValidation = (int) Math.round(options.fractions[1] * n);
            int[] counts = {nTrain, nValidation, n - nTrain - nValidation};
            for (int c = 0; c < 3; c++) {
                if (counts[c] == 0) {
                    throw new InputException("process '" + first.processes()[p] + "' has " + n
                            + " events, too few to fill the "
                            + Split.values()[c].group() + " split with --fractions "
                            + Arrays.toString(options.fractions));
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
            long[] label =
                    Arrays.stream(process).map(p -> p == signalIndex ? 1 : 0).toArray();
            splits.put(
                    s,
                    new Sample(
                            x.get(s).toArray(new double[0][]),
                            label,
                            process,
                            weight.get(s).stream()
                                    .mapToDouble(Double::doubleValue)
                                    .toArray()));
        }
        long[] isSignal = new long[processes];
        isSignal[signalIndex] = 1;
        return new SamplesFile(
                first.observables(), first.processes(), first.expectedYields(), isSignal, options.seed.seed, splits);
    }
}
