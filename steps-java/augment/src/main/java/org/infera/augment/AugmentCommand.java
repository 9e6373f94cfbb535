package org.infera.augment;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.infera.core.cli.Checks;
import org.infera.core.cli.InputException;
import org.infera.core.cli.StepMain;
import org.infera.core.cli.VersionProvider;
import org.infera.core.data.EventsFile;
import org.infera.core.data.Sample;
import org.infera.core.data.SamplesFile;
import org.infera.core.data.Split;
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

    @Option(names = "--score-at", split = ",", paramLabel = "THETA",
            description = "Score samples instead (MadMiner's sample_train_local): the inputs are weighted events in MadMiner's "
                    + "layout; each partition is unweighted at THETA (e.g. 0,0) and every drawn event carries its joint score there.")
    double[] scoreAt;

    @Option(names = "--draws", defaultValue = "100000",
            description = "With --score-at: unweighted events drawn over all partitions (default: ${DEFAULT-VALUE}).")
    int draws;

    @Option(names = {"-o", "--out"}, required = true, description = "Output samples file (.h5).")
    Path out;

    public static void main(String[] args) {
        StepMain.main(new AugmentCommand(), args);
    }

    @Override
    public Integer call() {
        validateFractions();
        if (scoreAt != null) {
            if (draws < 3) throw new InputException("--draws must be at least 3, got " + draws);
            for (double v : scoreAt) if (!Double.isFinite(v)) throw new InputException("--score-at must be finite numbers, got " + Arrays.toString(scoreAt));
            org.infera.core.data.ScoreSamplesFile samples = ScoreAugment.run(events, scoreAt, draws, fractions, seed);
            samples.write(out);
            System.err.printf("infera-augment: %d unweighted events at θ = %s with their joint score (effective sample size of the "
                    + "weighted events %.0f) to %s%n", draws, Arrays.toString(scoreAt), samples.effectiveSampleSize(), out);
            return 0;
        }
        List<Path> sorted = new ArrayList<>(events);
        sorted.sort(Comparator.comparing(p -> p.getFileName().toString()));
        List<EventsFile> shards = new ArrayList<>();
        for (Path p : sorted) shards.add(EventsFile.read(p));
        EventsFile first = shards.get(0);
        for (int s = 1; s < shards.size(); s++) {
            EventsFile other = shards.get(s);
            if (!Arrays.equals(first.observables(), other.observables()) || !Arrays.equals(first.processes(), other.processes())
                    || !Arrays.equals(first.expectedYields(), other.expectedYields())) {
                throw new InputException(sorted.get(s) + ": observables, processes or yields differ from " + sorted.get(0)
                        + " (all shards must come from one run)");
            }
        }
        int signalIndex = Arrays.asList(first.processes()).indexOf(signal);
        if (signalIndex < 0) {
            throw new InputException(sorted.get(0) + ": dataset 'processes/names' has no process '" + signal
                    + "' (--signal); it has " + Arrays.toString(first.processes()));
        }
        SamplesFile samples = split(shards, first, signalIndex);
        samples.write(out);
        for (Split s : Split.values()) {
            System.err.printf("infera-augment: %-10s %8d events%n", s.group(), samples.split(s).size());
        }
        return 0;
    }

    private void validateFractions() {
        if (fractions.length != 3) throw new InputException("--fractions needs 3 values (train,validation,test), got " + fractions.length);
        double sum = 0;
        for (double f : fractions) sum += Checks.fraction("--fractions", f);
        if (Math.abs(sum - 1) > 1e-9) throw new InputException("--fractions must add up to 1, they add up to " + sum);
    }

    private SamplesFile split(List<EventsFile> shards, EventsFile first, int signalIndex) {
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
            new Rng(Rng.derivedSeed(seed, p)).shuffle(order);
            int k = 0;
            for (int c = 0; c < 3; c++) {
                Split s = Split.values()[c];
                double w = first.expectedYields()[p] / counts[c];
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
