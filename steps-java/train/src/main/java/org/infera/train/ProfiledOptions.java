package org.infera.train;

import picocli.CommandLine.Mixin;

/**
 * What the likelihood-aware trainers (INFERNO, neos) share beyond TrainingOptions: memory, benchmark, soft bins (a
 * mixin).
 */
public final class ProfiledOptions {
    @Mixin
    public ResidentOptions resident;

    @Mixin
    public BenchmarkOptions target;

    @Mixin
    public SoftBinOptions soft;

    /** The run's samples files as shards, within the --resident-mib budget. */
    public TrainingShards shards(TrainingOptions options) {
        soft.validate();
        return resident.shards(options.samples);
    }
}
