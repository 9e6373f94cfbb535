package org.infera.nn;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.nio.file.Path;
import java.util.List;
import org.infera.core.data.Sample;

/**
 * Model directories for the tests of the steps that apply networks (shift), made without training so that
 * no step's tests depend on the train step: a linear discriminant with weights set by hand, or a network
 * of any kind with seeded random weights.
 */
public final class ModelFixtures {
    private ModelFixtures() {}

    /**
     * A classifier whose logit is Fisher's linear discriminant in standardised features,
     * d·z with d = (mean of signal − mean of background) / std, written as relu(d·z) − relu(−d·z)
     * so that it is an MLP of the kind the train step writes.
     */
    public static Path linearClassifier(Path dir, List<String> features, Sample train) {
        double[] mean = Standardisation.mean(train.x());
        double[] std = Standardisation.std(train.x(), mean);
        int f = features.size();
        double[] signal = new double[f], background = new double[f];
        long ns = 0, nb = 0;
        for (int i = 0; i < train.size(); i++) {
            double[] target = train.label()[i] == 1 ? signal : background;
            for (int j = 0; j < f; j++) target[j] += train.x()[i][j];
            if (train.label()[i] == 1) ns++;
            else nb++;
        }
        float[] d = new float[2 * f];
        for (int j = 0; j < f; j++) {
            d[j] = (float) ((signal[j] / ns - background[j] / nb) / std[j]);
            d[f + j] = -d[j];
        }
        NetworkSpec spec = new NetworkSpec(
                "classifier",
                features,
                mean,
                std,
                List.of(2),
                "relu",
                1,
                0,
                1,
                1,
                0.5,
                Engine.getDjlVersion(),
                null,
                null);
        return save(dir, spec, List.of(d, new float[2], new float[] {1, -1}, new float[1]));
    }

    /** A network of {@code kind} with Xavier-like random weights from {@code seed}, e.g. an untrained INFERNO. */
    public static Path untrained(Path dir, NetworkSpec spec) {
        Engine.getInstance().setRandomSeed((int) spec.seed());
        Block block = Networks.mlp(spec.hidden(), spec.activation(), spec.outputs());
        try (NDManager m = NDManager.newBaseManager()) {
            block.initialize(m, DataType.FLOAT32, new Shape(1, spec.features().size()));
            TrainedNetwork.save(dir, spec, block, tmp -> {});
        }
        return dir;
    }

    /** Saves an MLP of the spec's shape with the given parameter values, in DJL's order (weight, bias per layer). */
    public static Path save(Path dir, NetworkSpec spec, List<float[]> values) {
        Block block = Networks.mlp(spec.hidden(), spec.activation(), spec.outputs());
        try (NDManager m = NDManager.newBaseManager()) {
            block.initialize(m, DataType.FLOAT32, new Shape(1, spec.features().size()));
            int k = 0;
            for (Pair<String, Parameter> p : block.getParameters())
                p.getValue().getArray().set(values.get(k++));
            TrainedNetwork.save(dir, spec, block, tmp -> {});
        }
        return dir;
    }
}
