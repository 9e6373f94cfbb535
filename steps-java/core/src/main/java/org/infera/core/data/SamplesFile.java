package org.infera.core.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.infera.core.cli.InputException;
import org.infera.core.hdf5.H5Input;
import org.infera.core.hdf5.H5Output;

/**
 * Labelled, weighted train / validation / test samples (format "samples", version 1; see
 * docs/data-contract.md).
 */
public record SamplesFile(
        String[] features,
        String[] processes,
        double[] expectedYields,
        long[] isSignal,
        long seed,
        Map<Split, Sample> splits) {

    public static final String FORMAT = "samples";
    public static final long VERSION = 1;

    public Sample split(Split s) {
        return splits.get(s);
    }

    public void write(Path target) {
        H5Output.write(target, FORMAT, VERSION, out -> {
            out.attribute("", "seed", seed)
                    .dataset("features/names", features)
                    .dataset("processes/names", processes)
                    .dataset("processes/expected_yield", expectedYields)
                    .dataset("processes/is_signal", isSignal);
            for (Split s : Split.values()) {
                Sample sample = splits.get(s);
                out.dataset(s.group() + "/x", sample.x())
                        .dataset(s.group() + "/label", sample.label())
                        .dataset(s.group() + "/process", sample.process())
                        .dataset(s.group() + "/weight", sample.weight());
            }
        });
    }

    /**
     * The samples of several augmentation tasks of one run (one per shard), in file-name order, as one:
     * each split concatenated. The rows are shared, not copied, so the peak memory is the total once.
     */
    public static SamplesFile readAll(List<Path> paths) {
        return readAll(paths, EnumSet.allOf(Split.class));
    }

    /** As {@link #readAll(List)}, reading only the given splits (training needs no test events). */
    public static SamplesFile readAll(List<Path> paths, Set<Split> wanted) {
        List<Path> sorted = RunFiles.inNameOrder(paths);
        List<SamplesFile> files = new ArrayList<>();
        for (Path p : sorted) {
            SamplesFile f = read(p, wanted);
            SamplesFile first = files.isEmpty() ? f : files.get(0);
            f.requireSameRunAs(first, p, sorted.get(0));
            files.add(f);
        }
        if (files.size() == 1) return files.get(0);
        Map<Split, Sample> splits = new EnumMap<>(Split.class);
        for (Split s : wanted) {
            int n = files.stream().mapToInt(f -> f.split(s).size()).sum();
            double[][] x = new double[n][];
            long[] label = new long[n], process = new long[n];
            double[] weight = new double[n];
            int at = 0;
            for (SamplesFile f : files) {
                Sample part = f.split(s);
                System.arraycopy(part.x(), 0, x, at, part.size());
                System.arraycopy(part.label(), 0, label, at, part.size());
                System.arraycopy(part.process(), 0, process, at, part.size());
                System.arraycopy(part.weight(), 0, weight, at, part.size());
                at += part.size();
            }
            splits.put(s, new Sample(x, label, process, weight));
        }
        SamplesFile first = files.get(0);
        return new SamplesFile(
                first.features, first.processes, first.expectedYields, first.isSignal, first.seed, splits);
    }

    /** The number of events in one split of a file, without reading them. */
    public static int size(Path path, Split split) {
        try (H5Input in = H5Input.open(path, FORMAT, VERSION)) {
            return in.shape(split.group() + "/x")[0];
        }
    }

    /** The number of events of each process in one split of a file, reading only their process indices. */
    public static int[] processSizes(Path path, Split split, int processes) {
        try (H5Input in = H5Input.open(path, FORMAT, VERSION)) {
            int[] n = new int[processes];
            long[] process = in.longs1d(split.group() + "/process", -1);
            for (int i = 0; i < process.length; i++) {
                if (process[i] < 0 || process[i] >= processes)
                    throw in.bad(
                            split.group() + "/process",
                            "value " + process[i] + " at [" + i + "] is not a process index");
                n[(int) process[i]]++;
            }
            return n;
        }
    }

    /** The number of signal events (label 1) in one split of a file, reading only the labels. */
    public static long signalCount(Path path, Split split) {
        try (H5Input in = H5Input.open(path, FORMAT, VERSION)) {
            long n = 0;
            long[] label = in.longs1d(split.group() + "/label", -1);
            for (int i = 0; i < label.length; i++) {
                if (label[i] != 0 && label[i] != 1)
                    throw in.bad(split.group() + "/label", "value " + label[i] + " at [" + i + "] is not 0 or 1");
                n += label[i];
            }
            return n;
        }
    }

    /**
     * Fails (exit 2) unless this file (at {@code path}) has the features, processes and expected yields of {@code
     * first}.
     */
    public void requireSameRunAs(SamplesFile first, Path path, Path firstPath) {
        if (!Arrays.equals(features, first.features)
                || !Arrays.equals(processes, first.processes)
                || !Arrays.equals(expectedYields, first.expectedYields)
                || !Arrays.equals(isSignal, first.isSignal)) {
            throw new InputException.Mismatch(
                    path,
                    "datasets 'features', 'processes'",
                    "features, processes or expected yields differ from " + firstPath
                            + " (the samples files of one run must agree)");
        }
    }

    public static SamplesFile read(Path path) {
        return read(path, EnumSet.allOf(Split.class));
    }

    /** The file with only the given splits read (the others are absent from {@link #splits()}). */
    public static SamplesFile read(Path path, Set<Split> wanted) {
        try (H5Input in = H5Input.open(path, FORMAT, VERSION)) {
            String[] features = in.strings1d("features/names", -1);
            String[] processes = in.strings1d("processes/names", -1);
            double[] yields = in.doubles1d("processes/expected_yield", processes.length);
            long[] isSignal = in.longs1d("processes/is_signal", processes.length);
            Processes.requireYields(in, "processes/expected_yield", processes, yields);
            Processes.requireOneSignal(in, "processes/is_signal", processes, isSignal);
            Map<Split, Sample> splits = new EnumMap<>(Split.class);
            for (Split s : wanted) {
                String g = s.group();
                double[][] x = in.doubles2d(g + "/x", features.length);
                if (x.length == 0) throw in.bad(g + "/x", "the " + g + " split is empty");
                long[] label = in.longs1d(g + "/label", x.length);
                long[] process = in.longs1d(g + "/process", x.length);
                double[] weight = in.doubles1d(g + "/weight", x.length);
                for (int i = 0; i < x.length; i++) {
                    if (label[i] != 0 && label[i] != 1)
                        throw in.badValue(g + "/label", "value " + label[i] + " at [" + i + "] is not 0 or 1");
                    if (process[i] < 0 || process[i] >= processes.length)
                        throw in.badValue(
                                g + "/process", "value " + process[i] + " at [" + i + "] is not a process index");
                    if (label[i] != isSignal[(int) process[i]]) {
                        throw in.badValue(
                                g + "/label",
                                "label " + label[i] + " at [" + i + "] contradicts its process '"
                                        + processes[(int) process[i]] + "' (is_signal " + isSignal[(int) process[i]]
                                        + ")");
                    }
                    if (!(weight[i] > 0))
                        throw in.badValue(g + "/weight", "weight " + weight[i] + " at [" + i + "] must be positive");
                }
                splits.put(s, new Sample(x, label, process, weight));
            }
            return new SamplesFile(features, processes, yields, isSignal, in.longAttribute("", "seed"), splits);
        }
    }
}
