package org.infera.simulate;

import java.nio.file.Path;
import org.infera.core.cli.Checks;
import org.infera.core.cli.InputException;
import org.infera.core.cli.SeedOption;
import org.infera.core.random.Rng;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The options every built-in model is simulated with (a Picocli mixin): the run's size and seed, and
 * which of its shards this task writes. Shard k of N holds its share of the events, from a seed derived
 * from --seed and k, so shards can run in parallel and the same seed and N always give the same events.
 */
public final class ShardOptions {
    @Option(names = "--events", required = true, description = "Events per process over all shards.")
    int events;

    @Mixin
    SeedOption seed;

    @Option(
            names = "--shards",
            defaultValue = "1",
            description = "Number of shards the run is split into (default: ${DEFAULT-VALUE}).")
    int shards;

    @Option(
            names = "--shard",
            defaultValue = "0",
            description = "Index of the shard this run writes, 0..shards-1 (default: ${DEFAULT-VALUE}).")
    int shard;

    @Option(
            names = {"-o", "--out"},
            required = true,
            description = "Output events file (.h5).")
    Path out;

    /** This shard's events per process (checked: at least one). */
    int perProcess() {
        Checks.positive("--events", events);
        Checks.positive("--shards", shards);
        if (shard < 0 || shard >= shards)
            throw new InputException("--shard must lie in 0.." + (shards - 1) + ", got " + shard);
        int perProcess = events / shards + (shard < events % shards ? 1 : 0);
        if (perProcess == 0)
            throw new InputException("--events " + events + " leaves shard " + shard + " of " + shards + " empty");
        return perProcess;
    }

    /** The seed of this shard's random streams. */
    long shardSeed() {
        return Rng.derivedSeed(seed.seed, shard);
    }
}
