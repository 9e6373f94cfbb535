package org.infera.nn.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import ai.djl.engine.Engine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.infera.nn.ModelFixtures;
import org.infera.nn.NetworkSpec;
import org.infera.nn.statistics.StatisticKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The exported networks read by ONNX Runtime, the reference runtime of the format: for every kind of statistic
 * infera trains and both activations, ONNX Runtime's outputs on the same events equal DJL's to 1e-5, inputs with
 * a large offset included (the standardisation is in the graph, in float64); the export is deterministic.
 */
class OnnxExportTest {
    @Test
    void onnxRuntimeGivesDjlsOutputsForEveryKind(@TempDir Path tmp) throws Exception {
        List<String> features = List.of("x", "y", "z");
        double[] mean = {1.5, -2.0, 1000.0};
        double[] std = {0.7, 3.0, 0.25};
        int seed = 1;
        for (StatisticKind kind : StatisticKind.values()) {
            for (String activation : List.of("relu", "tanh")) {
                boolean ratio = kind == StatisticKind.RATIO; // log r̂ of the observables and θ0
                // one output: a logit (classifier, pivot) or log r̂
                int outputs = kind == StatisticKind.CLASSIFIER || kind == StatisticKind.PIVOT || ratio ? 1 : 5;
                Double temperature = kind.id().equals("inferno") ? 0.1 : null; // required of INFERNO models
                NetworkSpec spec = new NetworkSpec(
                        kind.id(),
                        ratio ? List.of("x", "y", "theta0:z") : features,
                        mean,
                        std,
                        List.of(16, 8),
                        activation,
                        outputs,
                        seed++,
                        1,
                        1,
                        0.5,
                        Engine.getDjlVersion(),
                        temperature,
                        null);
                if (ratio) spec = spec.withRatio(new NetworkSpec.Ratio("alices", 1, List.of("z"), new double[] {0}));
                Path dir = ModelFixtures.untrained(tmp.resolve(kind.id() + "_" + activation), spec);
                OnnxRuntimeCheck.assertOnnxRuntimeAgreesWithDjl(dir, seed);
            }
        }
    }

    @Test
    void theSameNetworkGivesTheSameBytes(@TempDir Path tmp) throws Exception {
        NetworkSpec spec = new NetworkSpec(
                "classifier",
                List.of("a", "b"),
                new double[] {0, 1},
                new double[] {1, 2},
                List.of(4),
                "relu",
                1,
                7,
                1,
                1,
                0.5,
                Engine.getDjlVersion(),
                null,
                null);
        Path a = ModelFixtures.untrained(tmp.resolve("a"), spec);
        Path b = ModelFixtures.untrained(tmp.resolve("b"), spec);
        assertArrayEquals(Files.readAllBytes(a.resolve("model.onnx")), Files.readAllBytes(b.resolve("model.onnx")));
    }
}
