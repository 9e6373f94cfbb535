package org.infera.train;

import java.util.List;
import org.infera.core.cli.Checks;
import org.infera.nn.NetworkSpec;
import picocli.CommandLine.Option;

/** The network of the binned statistics (classifier, INFERNO, neos): an MLP's hidden layers and activation (a mixin). */
public final class MlpOptions {
    @Option(names = "--hidden", defaultValue = "100,100", split = ",", paramLabel = "<units>",
            description = "Hidden layer sizes (default: ${DEFAULT-VALUE}).")
    public List<Integer> hidden;

    @Option(names = "--activation", defaultValue = "relu", description = "relu or tanh (default: ${DEFAULT-VALUE}).")
    public String activation;

    public static MlpOptions of(List<Integer> hidden, String activation) {
        MlpOptions mlp = new MlpOptions();
        mlp.hidden = hidden;
        mlp.activation = activation;
        return mlp;
    }

    public void validate() {
        for (int h : hidden) Checks.count("--hidden", h, NetworkSpec.MAX_UNITS);
    }
}
