package org.infera.simulate;

import java.util.concurrent.Callable;
import org.infera.core.cli.Checks;
import org.infera.core.cli.InputException;
import org.infera.core.cli.SeedOption;
import org.infera.core.cli.VersionProvider;
import org.infera.core.random.Rng;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "seed",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description =
                "Prints the seed of shard --shard of a run of --shards shards with seed --seed (the seed the built-in "
                        + "models derive for that shard, kept below 2^31): the seed an external generator is given for "
                        + "the shard "
                        + "(the pipeline's GENERATE asks for it here, so the rule has one home).")
public final class SeedCommand implements Callable<Integer> {
    @Mixin
    SeedOption seed;

    @Option(
            paramLabel = "N",
            names = "--shards",
            required = true,
            description = "Number of shards the run is split into.")
    int shards;

    @Option(paramLabel = "K", names = "--shard", required = true, description = "Index of the shard, 0..shards-1.")
    int shard;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Checks.positive("--shards", shards);
        if (shard < 0 || shard >= shards) {
            throw new InputException.BadOption("--shard", "--shard must lie in 0.." + (shards - 1) + ", got " + shard);
        }
        // below 2^31, since external generators often take a 32-bit seed
        spec.commandLine().getOut().println(Rng.derivedSeed(seed.seed, shard) & Integer.MAX_VALUE);
        spec.commandLine().getOut().flush();
        return 0;
    }
}
