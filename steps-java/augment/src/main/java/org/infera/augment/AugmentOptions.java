package org.infera.augment;

import java.nio.file.Path;
import java.util.List;
import org.infera.core.cli.Checks;
import org.infera.core.cli.InputException;
import org.infera.core.cli.SeedOption;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The options every kind of samples is made with (a Picocli mixin): inputs, splits, seed, shards, output. */
public final class AugmentOptions {
    @Parameters(
            arity = "1..*",
            paramLabel = "EVENTS",
            description = "Events files (shards of one run, in any order: they are sorted by file name).")
    List<Path> events;

    @Option(
            names = "--fractions",
            defaultValue = "0.4,0.2,0.4",
            split = ",",
            description = "Fractions of each process for train, validation, test (default: ${DEFAULT-VALUE}).")
    double[] fractions;

    @Mixin
    SeedOption seed;

    @Option(
            names = "--run-shards",
            paramLabel = "N",
            description = "How many shards the whole run has, when this task makes the samples of only one of them "
                    + "(one task per shard keeps its memory to the shard's; default: the number of files given).")
    Integer runShards;

    @Option(
            names = "--shard",
            defaultValue = "0",
            paramLabel = "K",
            description = "With --run-shards: the index of this task's shard (default: ${DEFAULT-VALUE}).")
    int shard;

    @Option(
            names = {"-o", "--out"},
            required = true,
            description = "Output samples file (.h5).")
    Path out;

    /** Checks --fractions: three fractions (train, validation, test) adding up to 1. */
    void validateFractions() {
        if (fractions.length != 3) {
            throw new InputException("--fractions needs 3 values (train,validation,test), got " + fractions.length);
        }
        double sum = 0;
        for (double f : fractions) sum += Checks.fraction("--fractions", f);
        if (Math.abs(sum - 1) > 1e-9) throw new InputException("--fractions must add up to 1, they add up to " + sum);
    }

    /** Checks --shard against the number of shards of the run. */
    void validateShard(int total) {
        if (shard < 0 || shard >= total)
            throw new InputException("--shard must be in [0, " + total + "), got " + shard);
    }
}
