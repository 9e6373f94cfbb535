package org.infera.train;

import java.nio.file.Path;
import java.util.List;
import org.infera.core.cli.Checks;
import org.infera.core.data.Split;
import picocli.CommandLine.Option;

/** How much of a run's samples the binned trainers keep in memory (a mixin). */
public final class ResidentOptions {
    @Option(
            names = "--resident-mib",
            paramLabel = "MiB",
            description = "Keep the training and validation events in memory when they take at most this many MiB "
                    + "(estimated); "
                    + "otherwise read one shard at a time in every epoch, so memory follows the largest shard. "
                    + "The trained "
                    + "network is the same either way (default: a third of the JVM heap).")
    public Long residentMib;

    /** The samples files as shards, resident or streamed as --resident-mib allows (reported on stderr). */
    public TrainingShards shards(List<Path> samples) {
        if (residentMib != null) Checks.nonNegative("--resident-mib", residentMib);
        long budget = residentMib != null ? residentMib << 20 : TrainingShards.defaultResidentBytes();
        TrainingShards shards = TrainingShards.open(samples, budget);
        System.err.printf(
                "infera-train: %d samples file(s), %d training and %d validation events, %s%n",
                shards.shards(),
                shards.size(Split.TRAIN),
                shards.size(Split.VALIDATION),
                shards.resident()
                        ? "kept in memory"
                        : "read one shard at a time (over the --resident-mib budget of " + (budget >> 20) + " MiB)");
        return shards;
    }
}
