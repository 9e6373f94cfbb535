package org.infera.train;

import org.infera.core.cli.Checks;
import org.infera.core.cli.InputException;
import picocli.CommandLine.Option;

/** The soft bins of the likelihood-aware statistics (INFERNO, neos): how many, and how soft (a mixin). */
public final class SoftBinOptions {
    @Option(
            names = "--bins",
            paramLabel = "N",
            description = "Softmax outputs, the bins of the statistic (default: ${DEFAULT-VALUE}).")
    public int bins;

    @Option(
            names = "--temperature",
            paramLabel = "τ",
            description = "Softmax temperature τ (default: ${DEFAULT-VALUE}).")
    public double temperature;

    public void validate() {
        Checks.positive("--temperature", temperature);
        if (bins < 2 || bins > 10_000)
            throw new InputException.BadOption("--bins", "--bins must lie in 2..10000, got " + bins);
    }
}
