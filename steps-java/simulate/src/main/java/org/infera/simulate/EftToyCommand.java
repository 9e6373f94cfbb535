package org.infera.simulate;

import java.util.concurrent.Callable;
import org.infera.core.cli.Progress;
import org.infera.core.cli.VersionProvider;
import org.infera.core.data.MadMinerEventFile;
import org.infera.core.physics.EftToy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(
        name = EftToy.NAME,
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "A two-parameter process with quadratic morphing, written as weighted events in MadMiner's "
                + "layout with weights at 6 basis benchmarks.")
public final class EftToyCommand implements Callable<Integer> {
    @Mixin
    ShardOptions shards;

    @Override
    public Integer call() {
        int perProcess = shards.perProcess();
        MadMinerEventFile weighted;
        try (Progress progress = new Progress("simulate", perProcess, "events")) {
            weighted = EftToy.events(perProcess, shards.events, shards.shardSeed(), progress);
        }
        weighted.write(shards.out);
        System.err.printf(
                "infera-simulate: wrote %d weighted events (shard %d of %d, weights at %d benchmarks) to %s%n",
                weighted.events(), shards.shard, shards.shards, weighted.benchmarks().length, shards.out);
        return 0;
    }
}
