package org.infera.augment;

import java.util.List;
import org.infera.core.cli.InputException;
import picocli.CommandLine.Option;

/**
 * The options of the samples drawn from weighted events in MadMiner's layout (score, ratio, test; a
 * Picocli mixin), and the loading of those events they steer.
 */
public final class WeightedOptions {
    @Option(
            names = "--draws",
            defaultValue = "100000",
            description = "Unweighted events drawn: over all partitions (score, ratio) or over all points (test) "
                    + "(default: ${DEFAULT-VALUE}).")
    int draws;

    /** How the samples of a MadMiner run, each simulated at one benchmark, make up the weighted events. */
    enum Samples {
        combined,
        closest
    }

    @Option(
            names = "--samples",
            defaultValue = "combined",
            paramLabel = "combined|closest",
            description = "For events simulated at several benchmarks: 'combined' uses every sample, each event's "
                    + "weights multiplied by its sample's share of the run's signal events (as MadMiner combines them "
                    + "for cross sections and Fisher information); 'closest' uses only the sample generated at the "
                    + "benchmark closest to the points drawn at, plus background (MadMiner's "
                    + "sample_only_from_closest_benchmark, the default of its SampleAugmenter). Files with one "
                    + "sample give the same either way (default: ${DEFAULT-VALUE}).")
    Samples samples;

    /**
     * The run's weighted events: of the whole run (all files) or, with --run-shards, of one shard's file
     * (all files given, for the run's sums). {@code points} is the fewest draws the samples need.
     */
    WeightedEvents load(AugmentOptions o, int points) {
        if (draws < points) throw new InputException("--draws must be at least " + points + " here, got " + draws);
        if (o.runShards == null) return WeightedEvents.load(o.events, o.fractions, o.seed.seed);
        if (o.runShards != o.events.size()) {
            throw new InputException("--run-shards " + o.runShards + " needs every shard's events file ("
                    + o.events.size()
                    + " given): the joint score and the sharing of the draws need the whole run's weights");
        }
        o.validateShard(o.runShards);
        return WeightedEvents.loadShard(o.events, o.shard, o.fractions, o.seed.seed);
    }

    /** Keeps the samples --samples asks for and sums the run's weights at the points drawn at. */
    void prepare(WeightedEvents weighted, List<double[]> points) {
        if (samples == Samples.closest) weighted.useClosestSample(points);
        System.err.println("infera-augment: weighted events: " + weighted.samplingFactors());
        weighted.sumRun(points);
    }

    /**
     * A shard's file needs events in every split it writes; the run's draws are shared at random, so a
     * small --draws may leave it none.
     */
    void requireDraws(AugmentOptions o, int[] perSplit) {
        for (int n : perSplit) {
            if (n == 0) {
                throw new InputException("shard " + o.shard + " of " + o.runShards
                        + " drew no event in a split from --draws "
                        + draws + ": raise --draws or use fewer shards");
            }
        }
    }

    /** " (shard k of N)" for a task of one shard, else nothing: for the summary line on stderr. */
    static String where(AugmentOptions o) {
        return o.runShards == null ? "" : String.format(" (shard %d of %d)", o.shard, o.runShards);
    }
}
