package org.infera.train.sally;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.Trainer;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.infera.core.data.ScoreSamplesFile;
import org.infera.core.data.Split;
import org.infera.core.random.Rng;
import org.infera.nn.NetworkSpec;
import org.infera.nn.train.BatchLoss;
import org.infera.nn.train.Objective;

/** SALLY: the mean squared error of the network's output to the joint score t(x, z | θ); its minimiser is t(x | θ). */
record SallyObjective(
        ScoreSamplesFile file,
        NetworkSpec draft,
        int steps,
        float[] xTrain,
        float[] tTrain,
        float[] xValidation,
        float[] tValidation)
        implements Objective {

    static SallyObjective of(ScoreSamplesFile file, NetworkSpec draft, int batchSize) {
        ScoreSamplesFile.Scores train = file.splits().get(Split.TRAIN),
                validation = file.splits().get(Split.VALIDATION);
        return new SallyObjective(
                file,
                draft,
                (train.x().length + batchSize - 1) / batchSize,
                draft.standardise(train.x(), 0, train.x().length),
                flatten(train.tXz()),
                draft.standardise(validation.x(), 0, validation.x().length),
                flatten(validation.tXz()));
    }

    private int features() {
        return draft.features().size();
    }

    private int parameters() {
        return draft.outputs();
    }

    @Override
    public String kind() {
        return "sally";
    }

    @Override
    public String title() {
        return "train sally";
    }

    @Override
    public long batchesPerEpoch() {
        return steps;
    }

    /** Every training event in one random order, cut into the epoch's batches. */
    @Override
    public void epoch(Rng rng, Consumer<Batch> step) {
        int n = tTrain.length / parameters();
        int[] order = new int[n];
        for (int i = 0; i < n; i++) order[i] = i;
        rng.shuffle(order);
        int batch = (n + steps - 1) / steps;
        for (int b = 0; b < steps; b++) {
            int from = b * batch, to = Math.min(n, from + batch);
            if (from >= to) break;
            step.accept((trainer, m) -> {
                NDArray prediction = trainer.forward(new NDList(rows(m, xTrain, order, from, to, features())))
                        .singletonOrThrow();
                NDArray loss = prediction
                        .sub(rows(m, tTrain, order, from, to, parameters()))
                        .square()
                        .mean();
                return new BatchLoss(loss, loss.getFloat(), to - from);
            });
        }
    }

    /** Rows order[from..to) of a row-major array with {@code width} columns. */
    private static NDArray rows(NDManager m, float[] values, int[] order, int from, int to, int width) {
        float[] out = new float[(to - from) * width];
        for (int k = from; k < to; k++) System.arraycopy(values, order[k] * width, out, (k - from) * width, width);
        return m.create(out, new Shape(to - from, width));
    }

    @Override
    public double validate(Trainer trainer) {
        try (NDManager m = trainer.getManager().newSubManager()) {
            int n = tValidation.length / parameters();
            NDArray prediction = trainer.evaluate(new NDList(m.create(xValidation, new Shape(n, features()))))
                    .singletonOrThrow();
            return prediction
                    .sub(m.create(tValidation, new Shape(n, parameters())))
                    .square()
                    .mean()
                    .getFloat();
        }
    }

    @Override
    public Figure figure() {
        return new Figure("MSE", "SALLY: mean squared error to the joint score", v -> v);
    }

    /** The estimated score of the validation events against each observable. */
    @Override
    public void writeExtras(Path dir, Trainer trainer) {
        ScoreSamplesFile.Scores validation = file.splits().get(Split.VALIDATION);
        ScorePlot.write(
                dir.resolve("score_vs_observables.png"),
                List.of(file.observables()),
                List.of(file.parameters()),
                validation.x(),
                predict(trainer));
    }

    private float[][] predict(Trainer trainer) {
        try (NDManager m = trainer.getManager().newSubManager()) {
            int n = xValidation.length / features(), params = parameters();
            float[] flat = trainer.evaluate(new NDList(m.create(xValidation, new Shape(n, features()))))
                    .singletonOrThrow()
                    .toFloatArray();
            float[][] out = new float[n][params];
            for (int i = 0; i < n; i++) System.arraycopy(flat, i * params, out[i], 0, params);
            return out;
        }
    }

    private static float[] flatten(double[][] rows) {
        int cols = rows[0].length;
        float[] out = new float[rows.length * cols];
        for (int i = 0; i < rows.length; i++) for (int j = 0; j < cols; j++) out[i * cols + j] = (float) rows[i][j];
        return out;
    }
}
