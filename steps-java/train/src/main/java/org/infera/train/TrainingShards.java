package org.infera.train;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.function.Function;
import org.infera.core.cli.InputException;
import org.infera.core.data.RunFiles;
import org.infera.core.data.Sample;
import org.infera.core.data.SamplesFile;
import org.infera.core.data.Split;
import org.infera.core.random.Rng;
import org.infera.nn.Standardisation;

/**
 * The training and validation events of a run, one samples file per shard, handed to a trainer one
 * shard at a time. An epoch visits the shards in a random order and each shard's events in a random
 * order, so the batches do not depend on where the events live: when all of them fit the memory
 * budget they are read once and kept ("resident"), otherwise each shard is read again when its turn
 * comes ("streamed") and the peak memory follows the largest shard, not the run. Both give the same
 * bytes; with one shard the epoch is a plain shuffle of all events.
 */
public final class TrainingShards {
    /**
     * Estimated bytes an event takes once read (the row object, its label, process and weight) and prepared as float32.
     */
    static final long BYTES_PER_EVENT = 96;

    static final long BYTES_PER_FEATURE = 12;

    private final List<Path> paths;
    private final SamplesFile run;
    private final int[][] sizes; // [split ordinal][shard]
    private final Sample[][] resident; // [split ordinal][shard], null when streamed

    private TrainingShards(List<Path> paths, SamplesFile run, int[][] sizes, boolean resident) {
        this.paths = paths;
        this.run = run;
        this.sizes = sizes;
        this.resident = resident ? new Sample[Split.values().length][paths.size()] : null;
    }

    /**
     * Opens a run's samples files (in file-name order) and checks that they agree. The events stay
     * resident when their estimated size is at most {@code residentBytes}.
     */
    public static TrainingShards open(List<Path> files, long residentBytes) {
        List<Path> sorted = RunFiles.inNameOrder(files);
        SamplesFile first = SamplesFile.read(sorted.get(0), EnumSet.noneOf(Split.class));
        int[][] sizes = new int[Split.values().length][sorted.size()];
        long bytes = 0;
        for (int s = 0; s < sorted.size(); s++) {
            Path p = sorted.get(s);
            if (s > 0) SamplesFile.read(p, EnumSet.noneOf(Split.class)).requireSameRunAs(first, p, sorted.get(0));
            for (Split split : List.of(Split.TRAIN, Split.VALIDATION)) {
                sizes[split.ordinal()][s] = SamplesFile.size(p, split);
                bytes += sizes[split.ordinal()][s] * (BYTES_PER_EVENT + BYTES_PER_FEATURE * first.features().length);
            }
        }
        return new TrainingShards(List.copyOf(sorted), first, sizes, bytes <= residentBytes);
    }

    /** The memory budget a trainer gets by default: a third of the JVM's maximum heap. */
    public static long defaultResidentBytes() {
        return Runtime.getRuntime().maxMemory() / 3;
    }

    /** Features, processes and yields of the run (no events). */
    public SamplesFile run() {
        return run;
    }

    public int shards() {
        return paths.size();
    }

    public boolean resident() {
        return resident != null;
    }

    public Path path(int shard) {
        return paths.get(shard);
    }

    public int size(Split split, int shard) {
        return sizes[split.ordinal()][shard];
    }

    public long size(Split split) {
        long n = 0;
        for (int v : sizes[split.ordinal()]) n += v;
        return n;
    }

    /** One shard's events of a split: read from its file, or kept from the first read when resident. */
    public Sample read(int shard, Split split) {
        if (resident != null && resident[split.ordinal()][shard] != null) return resident[split.ordinal()][shard];
        Sample sample = SamplesFile.read(paths.get(shard), EnumSet.of(split)).split(split);
        if (resident != null) resident[split.ordinal()][shard] = sample;
        return sample;
    }

    /**
     * Each shard's events of a split as the trainer prepares them (standardised, batched): prepared
     * once and kept when resident, else read and prepared again on every call.
     */
    public <T> Function<Integer, T> prepared(Split split, Function<Sample, T> prepare) {
        return prepared(split, (shard, sample) -> prepare.apply(sample));
    }

    /** As {@link #prepared(Split, Function)}, for preparations that depend on the shard (a seed derived from it). */
    public <T> Function<Integer, T> prepared(Split split, java.util.function.BiFunction<Integer, Sample, T> prepare) {
        if (resident == null) return shard -> prepare.apply(shard, read(shard, split));
        List<T> all = new ArrayList<>();
        for (int s = 0; s < shards(); s++) all.add(prepare.apply(s, read(s, split)));
        return all::get;
    }

    /** The order in which one epoch visits the shards (one shard: no random draw, so the epoch is as before shards). */
    public int[] shardOrder(Rng rng) {
        int[] order = new int[shards()];
        for (int s = 0; s < order.length; s++) order[s] = s;
        rng.shuffle(order);
        return order;
    }

    /** Mean of each feature over the training events of every shard (summed in file order). */
    public double[] mean() {
        double[] m = new double[run.features().length];
        for (int s = 0; s < shards(); s++)
            for (double[] row : read(s, Split.TRAIN).x()) for (int j = 0; j < m.length; j++) m[j] += row[j];
        for (int j = 0; j < m.length; j++) m[j] /= size(Split.TRAIN);
        return m;
    }

    /** Standard deviation of each feature over the training events (1 for a constant feature). */
    public double[] std(double[] mean) {
        double[] v = new double[mean.length];
        for (int s = 0; s < shards(); s++) {
            for (double[] row : read(s, Split.TRAIN).x())
                for (int j = 0; j < v.length; j++) v[j] += (row[j] - mean[j]) * (row[j] - mean[j]);
        }
        return Standardisation.finish(v, size(Split.TRAIN));
    }

    /**
     * The events of each process in each shard's split [shard][process], from the process indices
     * alone; fails (exit 2) when a shard lacks a process, as the Fisher-based objectives draw every
     * batch from every process of one shard.
     */
    public int[][] processSizesOfEveryShard(Split split) {
        String[] processes = run.processes();
        int[][] n = new int[shards()][];
        for (int s = 0; s < shards(); s++) {
            n[s] = SamplesFile.processSizes(paths.get(s), split, processes.length);
            for (int p = 0; p < processes.length; p++) {
                if (n[s][p] == 0) {
                    throw new InputException(paths.get(s) + ": dataset '" + split.group()
                            + "/process' has no event of process '" + processes[p]
                            + "': every shard needs events of every process (use fewer, larger shards)");
                }
            }
        }
        return n;
    }

    /** Number of signal events (label 1) in a split over all shards. */
    public long signal(Split split) {
        long n = 0;
        for (int s = 0; s < shards(); s++) {
            n += resident != null
                    ? java.util.Arrays.stream(read(s, split).label()).sum()
                    : SamplesFile.signalCount(paths.get(s), split);
        }
        return n;
    }
}
