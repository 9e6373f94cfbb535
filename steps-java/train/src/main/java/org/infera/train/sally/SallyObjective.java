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
final class SallyObjective implements Objective {
    private final ScoreSamplesFile file;
    private final NetworkSpec draft;
    private final int steps;
    private final float[] xTrain;
    private final float[] tTrain;
    private final float[] xValidation;
    private final float[] tValidation;

    SallyObjective(ScoreSamplesFile file, NetworkSpec draft, int batchSize) {
        this.file = file;
        this.draft = draft;
        ScoreSamplesFile.Scores train = file.splits().get(Split.TRAIN), validation = file.splits().get(Split.VALIDATION);
        this.steps = (train.x().length + batchSize - 1) / batchSize;
        this.xTrain = draft.standardise(train.x(), 0, train.x().length);
        this.tTrain = flatten(train.tXz());
        this.xValidation = draft.standardise(validation.x(), 0, validation.x().length);
        this.tValidation = flatten(validation.tXz());
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
                NDArray prediction = trainer.forward(new NDList(rows(m, xTrain, order, from, to, features()))).singletonOrThrow();
                NDArray loss = prediction.sub(rows(m, tTrain, order, from, to, parameters())).square().mean();
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
            NDArray prediction = trainer.evaluate(new NDList(m.create(xValidation, new Shape(n, features())))).singletonOrThrow();
            return prediction.sub(m.create(tValidation, new Shape(n, parameters()))).square().mean().getFloat();
        }
    }

    @Override
    public String epochLine(int epoch, double train, double validation, double seconds) {
        return String.format("epoch %d: train MSE %.6f, validation MSE %.6f (%.2f s)", epoch, train, validation, seconds);
    }

    @Override
    public HistoryPlot historyPlot() {
        return new HistoryPlot("SALLY: mean squared error to the joint score", "MSE", v -> v);
    }

    @Override
    public NetworkSpec spec(int epochsRun, int bestEpoch, double bestLoss) {
        return draft.withTraining(epochsRun, bestEpoch, bestLoss);
    }

    /** The estimated score of the validation events against each observable. */
    @Override
    public void writeExtras(Path dir, Trainer trainer) {
        ScoreSamplesFile.Scores validation = file.splits().get(Split.VALIDATION);
        ScorePlot.write(dir.resolve("score_vs_observables.png"), List.of(file.observables()), List.of(file.parameters()),
                validation.x(), predict(trainer));
    }

    private float[][] predict(Trainer trainer) {
        try (NDManager m = trainer.getManager().newSubManager()) {
            int n = xValidation.length / features(), params = parameters();
            float[] flat = trainer.evaluate(new NDList(m.create(xValidation, new Shape(n, features())))).singletonOrThrow()
                    .toFloatArray();
            float[][] out = new float[n][params];
            for (int i = 0; i < n; i++) System.arraycopy(flat, i * params, out[i], 0, params);
            return out;
        }
    }

    @Override
    public String summary(double bestLoss, int bestEpoch, int epochsRun) {
        return String.format("best validation MSE %.6f at epoch %d of %d", bestLoss, bestEpoch, epochsRun);
    }

    private static float[] flatten(double[][] rows) {
        int cols = rows[0].length;
        float[] out = new float[rows.length * cols];
        for (int i = 0; i < rows.length; i++) for (int j = 0; j < cols; j++) out[i * cols + j] = (float) rows[i][j];
        return out;
    }
}
