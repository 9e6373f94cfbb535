package org.infera.fit;

import java.nio.file.Path;
import java.util.List;
import org.infera.core.cli.InputException;
import org.infera.nn.TrainedNetwork;

/** Loads a SALLY model for events with the given observables, refusing any other kind of model or mismatched observables. */
final class SallyModels {
    private SallyModels() {}

    /** The model, checked to be a SALLY model of these observables (the caller closes it). */
    static TrainedNetwork open(Path model, List<String> observables, Object data) {
        if (model == null) throw new InputException("--model is needed (a directory written by infera-train sally)");
        TrainedNetwork net = TrainedNetwork.load(model);
        if (!"sally".equals(net.spec().kind()) || !net.spec().features().equals(observables)) {
            String problem = !"sally".equals(net.spec().kind()) ? model + ": a " + net.spec().kind() + " model, not a SALLY one"
                    : model + ": trained on observables " + net.spec().features() + " but " + data + " has " + observables;
            net.close();
            throw new InputException(problem);
        }
        return net;
    }

    /** The model's estimated score t̂(x) of each event. */
    static float[][] score(Path model, List<String> observables, Object data, double[][] x) {
        try (TrainedNetwork net = open(model, observables, data)) {
            return net.outputs(x);
        }
    }
}
