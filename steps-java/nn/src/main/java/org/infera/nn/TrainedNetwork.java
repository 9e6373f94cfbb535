package org.infera.nn;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.infera.core.cli.InputException;
import org.infera.core.io.AtomicOutput;
import org.infera.nn.onnx.OnnxExport;

/**
 * A trained network on disk: a directory with {@code model.json} (the {@link NetworkSpec}),
 * {@code weights.params} (DJL's parameter format), {@code model.onnx} (the same network, standardisation
 * included, for other tools) and {@code history.csv}. Loaded for inference
 * by the shift step.
 */
public final class TrainedNetwork implements AutoCloseable {
    public static final String SPEC = "model.json";
    public static final String WEIGHTS = "weights.params";
    public static final String HISTORY = "history.csv";
    /** The same network as an ONNX model, for use outside infera (see {@link OnnxExport}). */
    public static final String ONNX = "model.onnx";

    /**
     * Events per forward pass: a hidden layer's activations (4096 × 100 floats) stay in the processor's
     * cache; passes of 65536 spent most of their time moving arrays (issue 20).
     */
    private static final int BATCH = 4096;

    private final NetworkSpec spec;
    private final NDManager manager;
    private final Block block;

    private TrainedNetwork(NetworkSpec spec, NDManager manager, Block block) {
        this.spec = spec;
        this.manager = manager;
        this.block = block;
    }

    public NetworkSpec spec() {
        return spec;
    }

    /** Writes the model directory atomically; {@code extra} adds further files (the history). */
    public static void save(Path dir, NetworkSpec spec, Block block, AtomicOutput.Writer extra) {
        AtomicOutput.writeDirectory(dir, tmp -> {
            Files.createDirectories(tmp);
            spec.write(tmp.resolve(SPEC));
            try (DataOutputStream os =
                    new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp.resolve(WEIGHTS))))) {
                block.saveParameters(os);
            }
            Files.write(tmp.resolve(ONNX), OnnxExport.model(spec, block));
            extra.write(tmp);
        });
    }

    public static TrainedNetwork load(Path dir) {
        return load(dir, ai.djl.Device.cpu());
    }

    /** The network on a device (the inputs it is given go there too). */
    public static TrainedNetwork load(Path dir, ai.djl.Device device) {
        NetworkSpec spec = NetworkSpec.read(dir.resolve(SPEC));
        Path weights = dir.resolve(WEIGHTS);
        if (!Files.isRegularFile(weights))
            throw new InputException.FileProblem(weights, null, "network weights not found");
        NDManager manager = NDManager.newBaseManager(device);
        Block block = Networks.mlp(spec.hidden(), spec.activation(), spec.outputs());
        block.initialize(manager, DataType.FLOAT32, new Shape(1, spec.features().size()));
        List<Shape> declared = shapes(block);
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(weights)))) {
            block.loadParameters(manager, in);
            if (in.read() != -1) throw new IllegalArgumentException("bytes left after the network's parameters");
            List<Shape> loaded = shapes(block);
            if (!loaded.equals(declared)) {
                throw new IllegalArgumentException("parameter shapes " + loaded
                        + ", but model.json (features, hidden, outputs) declares " + declared);
            }
        } catch (IOException | MalformedModelException | RuntimeException e) {
            manager.close();
            throw new InputException.ModelProblem(
                    weights,
                    "parameters",
                    "corrupt network weights, or not those of this model.json: " + e.getMessage());
        }
        return new TrainedNetwork(spec, manager, block);
    }

    private static List<Shape> shapes(Block block) {
        List<Shape> out = new java.util.ArrayList<>();
        for (ai.djl.util.Pair<String, ai.djl.nn.Parameter> p : block.getParameters())
            out.add(p.getValue().getArray().getShape());
        return out;
    }

    /** The network's raw outputs for each event, [event][output]. */
    public float[][] outputs(double[][] x) {
        int nf = spec.features().size();
        int outputs = spec.outputs();
        float[][] out = new float[x.length][outputs];
        ParameterStore store = new ParameterStore(manager, false);
        for (int from = 0; from < x.length; from += BATCH) {
            int to = Math.min(x.length, from + BATCH);
            try (NDManager batch = manager.newSubManager()) {
                NDArray input = batch.create(spec.standardise(x, from, to), new Shape(to - from, nf));
                float[] y = block.forward(store, new NDList(input), false)
                        .singletonOrThrow()
                        .toFloatArray();
                for (int i = from; i < to; i++) System.arraycopy(y, (i - from) * outputs, out[i], 0, outputs);
            }
        }
        return out;
    }

    /**
     * The gradient of the network's single output with respect to each raw (unstandardised) input, per event:
     * [event][feature] (a ratio estimator's ∂ log r̂/∂θ0 at its θ0 features is its estimated score).
     */
    public double[][] inputGradients(double[][] x) {
        int nf = spec.features().size();
        double[][] out = new double[x.length][nf];
        for (int from = 0; from < x.length; from += BATCH) {
            int to = Math.min(x.length, from + BATCH);
            try (NDManager batch = manager.newSubManager()) {
                NDArray input = batch.create(spec.standardise(x, from, to), new Shape(to - from, nf));
                float[] g = MlpInputGradient.evaluate(block, spec.activation(), input)
                        .get(1)
                        .toFloatArray();
                for (int i = from; i < to; i++)
                    for (int j = 0; j < nf; j++) out[i][j] = g[(i - from) * nf + j] / spec.std()[j];
            }
        }
        return out;
    }

    @Override
    public void close() {
        manager.close();
    }
}
