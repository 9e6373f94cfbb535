package org.infera.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.engine.Engine;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The input gradient of a network ({@link MlpInputGradient}, through {@link TrainedNetwork#inputGradients}) against
 * central finite differences of the network's own outputs, in raw (unstandardised) input units, for both
 * activations and two hidden layers.
 */
class MlpInputGradientTest {
    @Test
    void gradientEqualsFiniteDifferencesOfTheOutput(@TempDir Path tmp) {
        for (String activation : List.of("tanh", "relu")) {
            NetworkSpec spec = new NetworkSpec(
                            "ratio",
                            List.of("x", "y", "theta0:theta"),
                            new double[] {1.5, -2.0, 0.3},
                            new double[] {0.7, 3.0, 0.5},
                            List.of(16, 8),
                            activation,
                            1,
                            5,
                            1,
                            1,
                            0.5,
                            Engine.getDjlVersion(),
                            null,
                            null)
                    .withRatio(new NetworkSpec.Ratio("rascal", 1, List.of("theta"), new double[] {0}));
            Path dir = ModelFixtures.untrained(tmp.resolve(activation), spec);
            double[][] x = {{1.0, -1.0, 0.2}, {2.5, 0.5, -0.7}, {0.1, -4.0, 0.9}};
            double h = 1e-2;
            try (TrainedNetwork net = TrainedNetwork.load(dir)) {
                double[][] gradient = net.inputGradients(x);
                for (int i = 0; i < x.length; i++) {
                    for (int j = 0; j < 3; j++) {
                        double[][] up = {x[i].clone()}, down = {x[i].clone()};
                        up[0][j] += h;
                        down[0][j] -= h;
                        double difference = ((double) net.outputs(up)[0][0] - net.outputs(down)[0][0]) / (2 * h);
                        assertEquals(difference, gradient[i][j], 2e-3, activation + " event " + i + " input " + j);
                    }
                }
            }
        }
    }
}
