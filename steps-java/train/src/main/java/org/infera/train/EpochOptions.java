package org.infera.train;

import org.infera.core.cli.Checks;
import picocli.CommandLine.Option;

/** How long and on what batches a trainer trains (a mixin); the defaults depend on the statistic (TrainingDefaults). */
public final class EpochOptions {
    @Option(names = "--epochs", paramLabel = "N", description = "Maximum number of epochs (default: ${DEFAULT-VALUE}).")
    public int epochs;

    @Option(
            paramLabel = "N",
            names = "--batch-size",
            description = "Events per batch; of each process for INFERNO and neos (default: ${DEFAULT-VALUE}).")
    public int batchSize;

    @Option(
            names = "--patience",
            paramLabel = "EPOCHS",
            description = "Stop after this many epochs without a better validation figure (default: ${DEFAULT-VALUE}).")
    public int patience;

    void validate() {
        Checks.positive("--epochs", epochs);
        Checks.positive("--batch-size", batchSize);
        Checks.nonNegative("--patience", patience);
    }
}
