package org.infera.fit;

import java.nio.file.Path;
import java.util.List;
import org.infera.core.cli.InputException;
import org.infera.train.nn.TrainedNetwork;

/** Loads a SALLY model for events with the given observables, refusing any other kind of model or mismatched observables. */
final class SallyModels {
    private SallyModels() {}

    /** The model's estimated score t̂(x) of each event. */
    static float[][] score(Path model, List<String> observables, Object data, double[][] x) {
        if (model == null) throw new InputException("--model is needed (a directory written by infera-train sally)");
        try (TrainedNetwork net = TrainedNetwork.load(model)) {
            if (!"sally".equals(net.spec().kind())) throw new InputException(model + ": a " + net.spec().kind() + " model, not a SALLY one");
            if (!net.spec().features().equals(observables)) {
                throw new InputException(model + ": trained on observables " + net.spec().features() + " but " + data + " has " + observables);
            }
            return net.outputs(x);
        }
    }
}
