package org.infera.nn.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import java.nio.file.Path;
import java.util.Map;
import org.infera.core.random.Rng;
import org.infera.nn.NetworkSpec;
import org.infera.nn.TrainedNetwork;

/**
 * Checks a model directory's {@code model.onnx} in ONNX Runtime against the network DJL loads from the same
 * directory: on events spread over three standard deviations of every feature, each output agrees to 1e-5
 * (relative above 1). Used by the export's unit test and by the pipeline tests on trained networks.
 */
public final class OnnxRuntimeCheck {
    private OnnxRuntimeCheck() {}

    public static void assertOnnxRuntimeAgreesWithDjl(Path modelDir, long seed) throws Exception {
        double[][] x;
        float[][] djl;
        try (TrainedNetwork net = TrainedNetwork.load(modelDir)) {
            x = events(net.spec(), 500, seed);
            djl = net.outputs(x);
        }
        float[][] ort = run(modelDir.resolve(TrainedNetwork.ONNX), x);
        assertEquals(x.length, ort.length, modelDir + ": events out of ONNX Runtime");
        for (int i = 0; i < x.length; i++) {
            assertEquals(djl[i].length, ort[i].length, modelDir + ": outputs of event " + i);
            for (int k = 0; k < djl[i].length; k++) {
                double tolerance = 1e-5 * Math.max(1, Math.abs(djl[i][k]));
                assertEquals(djl[i][k], ort[i][k], tolerance, modelDir + ": output " + k + " of event " + i);
            }
        }
    }

    /** Events around the standardisation's centre, three standard deviations wide. */
    private static double[][] events(NetworkSpec spec, int n, long seed) {
        Rng rng = new Rng(seed);
        double[][] x = new double[n][spec.mean().length];
        for (double[] row : x) {
            for (int j = 0; j < row.length; j++) row[j] = spec.mean()[j] + 3 * spec.std()[j] * rng.gaussian();
        }
        return x;
    }

    private static float[][] run(Path model, double[][] x) throws Exception {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession session = env.createSession(model.toString(), new OrtSession.SessionOptions());
                OnnxTensor input = OnnxTensor.createTensor(env, x);
                OrtSession.Result result = session.run(Map.of("features", input))) {
            return (float[][]) result.get("outputs").orElseThrow().getValue();
        }
    }
}
