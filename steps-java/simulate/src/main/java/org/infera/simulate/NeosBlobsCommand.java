package org.infera.simulate;

import java.util.concurrent.Callable;
import org.infera.core.cli.VersionProvider;
import org.infera.core.physics.NeosBlobs;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(
        name = NeosBlobs.NAME,
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "The neos toy: 2-D Gaussian blobs, 20 signal and 100 background events expected, written as an "
                + "infera events file.")
public final class NeosBlobsCommand implements Callable<Integer> {
    @Mixin
    ShardOptions shards;

    @Override
    public Integer call() {
        int perProcess = shards.perProcess();
        return TwoProcessEvents.write(
                TwoProcessEvents.simulate(
                        shards,
                        perProcess,
                        NeosBlobs.NAME,
                        NeosBlobs.FEATURES,
                        NeosBlobs.PROCESSES,
                        new double[] {NeosBlobs.SIGNAL_YIELD, NeosBlobs.BACKGROUND_YIELD},
                        NeosBlobs::signal,
                        NeosBlobs::background),
                shards,
                perProcess);
    }
}
