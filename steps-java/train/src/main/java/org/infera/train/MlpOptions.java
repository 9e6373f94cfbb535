package org.infera.train;

import java.util.List;
import org.infera.core.cli.Checks;
import org.infera.nn.NetworkSpec;
import picocli.CommandLine.Option;

/** A trainer's network: an MLP's hidden layers and activation (a mixin; defaults from TrainingDefaults). */
public final class MlpOptions {
    @Option(
            names = "--hidden",
            split = ",",
            paramLabel = "<units>",
            description = "Hidden layer sizes (default: ${DEFAULT-VALUE}).")
    public List<Integer> hidden;

    @Option(names = "--activation", paramLabel = "relu|tanh", description = "relu or tanh (default: ${DEFAULT-VALUE}).")
    public String activation;

    public void validate() {
        for (int h : hidden) Checks.count("--hidden", h, NetworkSpec.MAX_UNITS);
    }
}
