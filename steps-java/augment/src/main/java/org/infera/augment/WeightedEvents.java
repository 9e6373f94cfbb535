package org.infera.augment;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.infera.core.cli.InputException;
import org.infera.core.data.MadMinerEventFile;
import org.infera.core.data.RunFiles;
import org.infera.core.data.SamplingFactors;
import org.infera.core.data.Split;
import org.infera.core.morphing.JointScore;
import org.infera.core.morphing.Morphing;
import org.infera.core.random.Rng;

/**
 * The weighted events a task augments (MadMiner files) with their morphing, partitioned into train /
 * validation / test by the seed alone, so every kind of sample drawn with the same seed (local,
 * ratio, test) uses the same partition and no test event is ever trained on. Unweighting draws with
 * replacement with probability w(θ)/Σw, negative weights clipped to 0.
 *
 * <p>Either the whole run (every file, in name order, as one) or one shard of it: then the joint
 * score and ratio are normalised by the run's cross section, and each draw of the run's n falls to
 * this shard with probability its clipped weight over the run's ({@link RunTotals}), decided by a
 * random stream all shard tasks share, so the shards' samples together are n draws from the run.
 *
 * <p>A run's samples simulated at different benchmarks are combined as MadMiner combines them
 * ({@link SamplingFactors}): by default every sample, each weighted by its share of the run's signal
 * events; or, as MadMiner's augmentation does by default, only the sample closest to the sampling point.
 */
final class WeightedEvents {
    final MadMinerEventFile file; // weights as in the files
    final Morphing morphing;
    private final long[] runSignalEvents; // the run's signal events per sampling benchmark
    private SamplingFactors factors;
    private double[][] weights; // the file's weights with the factors applied
    final Map<Split, int[]> partition;
    private final int shard;
    private final List<Path> runFiles; // null: this task's events are the whole run
    private final List<Map<Split, int[]>> runPartitions;
    private RunTotals run;
    private final Rng allocation;
    private final long drawSeed;

    private WeightedEvents(
            MadMinerEventFile file,
            long[] runSignalEvents,
            int shard,
            List<Path> runFiles,
            List<Map<Split, int[]>> runPartitions,
            Map<Split, int[]> partition,
            long seed,
            long drawSeed) {
        this.file = file;
        this.runSignalEvents = runSignalEvents;
        use(SamplingFactors.combined(runSignalEvents, file.benchmarks()));
        this.morphing = new Morphing(file.morphingComponents(), file.morphingMatrix());
        this.partition = partition;
        this.shard = shard;
        this.runFiles = runFiles;
        this.runPartitions = runPartitions;
        this.allocation = new Rng(Rng.derivedSeed(seed, 3));
        this.drawSeed = drawSeed;
    }

    private RunTotals totals() {
        if (run == null) throw new IllegalStateException("sumRun was not called for this shard");
        return run;
    }

    /** The seed of this task's draws: the run's, or its shard's. */
    long drawSeed() {
        return drawSeed;
    }

    /** Every file of a run, as one. */
    static WeightedEvents load(List<Path> files, double[] fractions, long seed) {
        MadMinerEventFile file = requireMorphing(MadMinerEventFile.readAll(files), files.get(0));
        return new WeightedEvents(
                file, file.signalEvents(), 0, null, null, partition(file.events(), fractions, seed), seed, seed);
    }

    /**
     * Shard {@code shard} (in file-name order) of a run whose files are all given; {@link #sumRun}
     * must then be told the points it will draw at.
     */
    static WeightedEvents loadShard(List<Path> files, int shard, double[] fractions, long seed) {
        List<Path> sorted = RunFiles.inNameOrder(files);
        MadMinerEventFile file = requireMorphing(MadMinerEventFile.read(sorted.get(shard)), sorted.get(shard));
        List<Map<Split, int[]>> partitions = new ArrayList<>();
        long[] runSignal = new long[file.benchmarks().length];
        for (int s = 0; s < sorted.size(); s++) {
            MadMinerEventFile header = s == shard ? file : MadMinerEventFile.readHeader(sorted.get(s));
            header.requireSameRunAs(file, sorted.get(s), sorted.get(shard));
            for (int b = 0; b < runSignal.length; b++) runSignal[b] += header.signalEvents()[b];
            int size = s == shard ? file.events() : MadMinerEventFile.size(sorted.get(s));
            partitions.add(partition(size, fractions, shardSeed(seed, s, sorted.size())));
        }
        return new WeightedEvents(
                file,
                runSignal,
                shard,
                sorted,
                partitions,
                partitions.get(shard),
                seed,
                shardSeed(seed, shard, sorted.size()));
    }

    /**
     * Only the sample generated at the benchmark closest to the points drawn at (MadMiner's
     * sample_only_from_closest_benchmark), instead of every sample combined. Points whose closest
     * samples differ are refused: the cross sections of their ratio would come from different samples.
     */
    void useClosestSample(List<double[]> points) {
        int closest = SamplingFactors.closestSample(points.get(0), file.benchmarkValues(), runSignalEvents);
        for (double[] theta : points) {
            int other = SamplingFactors.closestSample(theta, file.benchmarkValues(), runSignalEvents);
            if (other != closest) {
                throw new InputException("--samples closest: the points "
                        + points.stream().map(Arrays::toString).toList()
                        + " are closest to different samples (" + file.benchmarks()[closest] + ", "
                        + file.benchmarks()[other]
                        + "); drawing each from its own sample is not supported yet: use --samples combined");
            }
        }
        use(SamplingFactors.closestTo(points.get(0), file.benchmarkValues(), runSignalEvents, file.benchmarks()));
    }

    private void use(SamplingFactors f) {
        factors = f;
        weights = file.combinedWeights(f);
    }

    /** How the run's samples are combined (for the log). */
    SamplingFactors samplingFactors() {
        return factors;
    }

    /** For a shard: sums the run's weights at the points this task draws at (reading every other shard once). */
    void sumRun(List<double[]> thetas) {
        if (runFiles != null)
            run = new RunTotals(runFiles, file, weights, factors, runFiles.get(shard), morphing, thetas, runPartitions);
    }

    /**
     * The seed a shard's partition and draws come from (a run of one shard keeps the run's, as one task for the run
     * would).
     */
    private static long shardSeed(long seed, int shard, int shards) {
        return shards == 1 ? seed : Rng.derivedSeed(seed, shard);
    }

    private static MadMinerEventFile requireMorphing(MadMinerEventFile file, Path path) {
        if (!file.hasMorphing()) {
            throw new InputException.Shape(
                    path,
                    "dataset 'morphing/components'",
                    "no morphing group: weights at any θ need morphing/components and morphing_matrix");
        }
        return file;
    }

    private static Map<Split, int[]> partition(int events, double[] fractions, long seed) {
        Map<Split, int[]> partition = new EnumMap<>(Split.class);
        int[] order = new int[events];
        for (int i = 0; i < order.length; i++) order[i] = i;
        new Rng(Rng.derivedSeed(seed, 0)).shuffle(order);
        int start = 0;
        for (Split s : Split.values()) {
            int size = s == Split.TEST ? order.length - start : (int) Math.round(fractions[s.ordinal()] * order.length);
            partition.put(s, Arrays.copyOfRange(order, start, start + size));
            start += size;
        }
        return partition;
    }

    /** A point "a,b,…" with one finite value per parameter of the events. */
    double[] theta(String option, String text) {
        String[] parts = text.split(",", -1);
        if (parts.length != file.parameters().length) {
            throw new InputException(option + " '" + text + "' has " + parts.length
                    + " values but the events have parameters " + Arrays.toString(file.parameters()));
        }
        double[] theta = new double[parts.length];
        for (int p = 0; p < parts.length; p++) {
            try {
                theta[p] = Double.parseDouble(parts[p].trim());
            } catch (NumberFormatException e) {
                throw new InputException(option + " '" + text + "': '" + parts[p] + "' is not a number");
            }
        }
        return org.infera.core.cli.Checks.point(option, theta);
    }

    double[] weightsAt(double[] theta) {
        return morphing.eventWeights(weights, theta);
    }

    /** (Σw)²/Σw² of the clipped weights at θ over all events of the run; fails where no weight is positive. */
    double effectiveSampleSize(double[] w, double[] theta) {
        if (runFiles != null) {
            RunTotals.At at = totals().at(theta);
            if (!(at.clipped() > 0))
                throw new InputException("the events have no positive weight at θ = " + Arrays.toString(theta));
            return at.effectiveSampleSize();
        }
        double sum = 0, sumSquares = 0;
        for (double v : w) {
            double c = Math.max(v, 0);
            sum += c;
            sumSquares += c * c;
        }
        if (!(sum > 0)) throw new InputException("the events have no positive weight at θ = " + Arrays.toString(theta));
        return sum * sum / sumSquares;
    }

    /** The joint score t(x, z | θ) of this task's events (w: their weights at θ), normalised by the run's σ(θ). */
    double[][] jointScore(double[] theta, double[] w) {
        if (runFiles == null) return JointScore.at(morphing, weights, theta, w);
        RunTotals.At at = totals().at(theta);
        return JointScore.at(morphing, weights, theta, w, at.sigma(), at.dSigma());
    }

    /** The joint likelihood ratio r(x, z | θ0, θ1) of this task's events, from their weights at θ0 and θ1. */
    double[] ratio(double[] theta0, double[] theta1, double[] w0, double[] w1) {
        return runFiles == null
                ? JointScore.ratio(w0, w1)
                : JointScore.ratio(
                        w0, w1, totals().at(theta0).sigma(), totals().at(theta1).sigma());
    }

    /**
     * This task's share of n event indices drawn from the run's split at θ with probability
     * max(w, 0) / Σ max(w, 0) (w: this task's weights at θ).
     */
    int[] unweight(Split split, double[] theta, double[] w, int n, Rng rng) {
        int own = runFiles == null ? n : share(split, theta, n);
        if (own == 0) return new int[0];
        int[] members = partition.get(split);
        double[] cumulative = new double[members.length];
        double total = 0;
        for (int i = 0; i < members.length; i++) {
            total += Math.max(w[members[i]], 0);
            cumulative[i] = total;
        }
        if (!(total > 0))
            throw new InputException("the " + split.group() + " partition has no event with positive weight");
        int[] drawn = new int[own];
        for (int k = 0; k < own; k++) {
            int i = Arrays.binarySearch(cumulative, rng.uniform() * total);
            if (i < 0) i = -i - 1;
            drawn[k] = members[Math.min(i, members.length - 1)];
        }
        return drawn;
    }

    /**
     * How many of the run's n draws in a split at θ fall to this shard: each to a shard with probability its clipped
     * weight's share.
     */
    private int share(Split split, double[] theta, int n) {
        double[][] weight = totals().at(theta).splitWeight();
        double[] cumulative = new double[weight.length];
        double total = 0;
        for (int s = 0; s < weight.length; s++) cumulative[s] = total += weight[s][split.ordinal()];
        if (!(total > 0))
            throw new InputException("the " + split.group() + " partition has no event with positive weight at θ = "
                    + Arrays.toString(theta));
        int own = 0;
        for (int k = 0; k < n; k++) {
            int s = Arrays.binarySearch(cumulative, allocation.uniform() * total);
            if (s < 0) s = -s - 1;
            if (Math.min(s, weight.length - 1) == shard) own++;
        }
        return own;
    }
}
