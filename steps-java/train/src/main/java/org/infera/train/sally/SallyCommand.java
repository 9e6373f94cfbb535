package org.infera.train.sally;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.initializer.XavierInitializer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.infera.core.cli.Checks;
import org.infera.core.cli.InputException;
import org.infera.core.cli.Progress;
import org.infera.core.cli.VersionProvider;
import org.infera.core.data.ScoreSamplesFile;
import org.infera.core.data.Split;
import org.infera.core.random.Rng;
import org.infera.nn.train.EarlyStopping;
import org.infera.nn.train.History;
import org.infera.nn.Standardisation;
import org.infera.nn.train.Amsgrad;
import org.infera.nn.Devices;
import org.infera.nn.NetworkSpec;
import org.infera.nn.Networks;
import org.infera.nn.TrainedNetwork;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "sally", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Trains SALLY (Brehmer, Cranmer, Louppe & Pavez 2018): an MLP regressing the joint score t(x, z | θ) "
                + "of score samples (infera-augment --score-at) on the observables, with the mean squared error; its minimiser "
                + "is the score t(x | θ) itself. Inputs standardised, Adam with the AMSGrad correction (as MadMiner), the learning rate decaying "
                + "exponentially from --learning-rate to --final-learning-rate over the epochs, early stopping that restores "
                + "the best epoch's weights.")
public final class SallyCommand implements Callable<Integer> {
    @Option(names = "--samples", required = true, arity = "1..*",
            description = "Score samples written by infera-augment --score-at: one file, or one per shard of the run (read in name order).")
    List<Path> samples;

    @Option(names = {"-o", "--out"}, required = true, description = "Output model directory.")
    Path out;

    @Option(names = "--hidden", defaultValue = "100", split = ",", description = "Hidden layer sizes (default: ${DEFAULT-VALUE}).")
    List<Integer> hidden;

    @Option(names = "--activation", defaultValue = "tanh", description = "relu or tanh (default: ${DEFAULT-VALUE}).")
    String activation;

    @Option(names = "--epochs", defaultValue = "50", description = "Maximum number of epochs (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(paramLabel = "N", names = "--batch-size", defaultValue = "128", description = "Events per batch (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(paramLabel = "RATE", names = "--learning-rate", defaultValue = "1e-3", description = "Initial learning rate (default: ${DEFAULT-VALUE}).")
    double learningRate;

    @Option(paramLabel = "RATE", names = "--final-learning-rate", defaultValue = "1e-4", description = "Learning rate of the last epoch (default: ${DEFAULT-VALUE}).")
    double finalLearningRate;

    @Option(names = "--optimizer", defaultValue = "amsgrad", description = "amsgrad (Adam with AMSGrad, as MadMiner) or adam (default: ${DEFAULT-VALUE}).")
    String optimizer;

    @Option(names = "--patience", defaultValue = "10", description = "Stop after this many epochs without a lower validation loss (default: ${DEFAULT-VALUE}).")
    int patience;

    @Option(names = "--device", defaultValue = "auto", description = "auto (a GPU when DJL sees one), cpu or gpu (default: ${DEFAULT-VALUE}).")
    String device;

    @Option(names = "--seed", required = true, description = "Seed of the weight initialisation and batch order.")
    long seed;

    @Override
    public Integer call() throws Exception {
        Checks.positive("--epochs", epochs);
        Checks.positive("--batch-size", batchSize);
        Checks.positive("--patience", patience);
        Checks.positiveAtMost("--learning-rate", learningRate, 10);
        Checks.positiveAtMost("--final-learning-rate", finalLearningRate, 10);
        if (!optimizer.equals("amsgrad") && !optimizer.equals("adam")) throw new InputException("--optimizer must be amsgrad or adam, got '" + optimizer + "'");
        for (int h : hidden) Checks.count("--hidden", h, 1 << 16);
        ScoreSamplesFile file = ScoreSamplesFile.readAll(samples);
        ScoreSamplesFile.Scores train = file.splits().get(Split.TRAIN), validation = file.splits().get(Split.VALIDATION);
        int params = file.parameters().length;
        double[] mean = Standardisation.mean(train.x());
        double[] std = Standardisation.std(train.x(), mean);
        NetworkSpec draft = new NetworkSpec("sally", List.of(file.observables()), mean, std, hidden, activation, params, seed, 0, 0, Double.NaN,
                Engine.getDjlVersion(), null, null);
        int steps = (train.x().length + batchSize - 1) / batchSize;
        double decay = Math.pow(finalLearningRate / learningRate, 1.0 / Math.max(1, epochs - 1));

        Engine.getInstance().setRandomSeed((int) (seed ^ (seed >>> 32)));
        Block block = Networks.mlp(hidden, activation, params);
        History history = new History();
        try (Model model = Model.newInstance("sally", Devices.resolve(device))) {
            model.setBlock(block);
            DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.l2Loss())   // the optimiser steps; the loss is below
                    .optInitializer(new XavierInitializer(), Parameter.Type.WEIGHT)
                    .optOptimizer(optimizer(update -> (float) (learningRate * Math.pow(decay, update / steps))));
            try (Trainer trainer = model.newTrainer(config)) {
                trainer.initialize(new Shape(batchSize, mean.length));
                Rng rng = new Rng(Rng.derivedSeed(seed, 1));
                EarlyStopping stopping = new EarlyStopping(patience, block);
                float[] xTrain = draft.standardise(train.x(), 0, train.x().length);
                float[] tTrain = flatten(train.tXz());
                try (Progress progress = new Progress("train sally", (long) epochs * steps, "batches")) {
                    for (int epoch = 1; epoch <= epochs; epoch++) {
                        long t0 = System.nanoTime();
                        double trainLoss = trainEpoch(trainer, xTrain, tTrain, mean.length, params, rng, steps, progress);
                        double validationLoss = mse(trainer, draft.standardise(validation.x(), 0, validation.x().length),
                                flatten(validation.tXz()), mean.length, params);
                        history.add(epoch, trainLoss, validationLoss);
                        progress.message(String.format("epoch %d: train MSE %.6f, validation MSE %.6f (%.2f s)", epoch, trainLoss,
                                validationLoss, (System.nanoTime() - t0) / 1e9));
                        if (stopping.update(epoch, validationLoss)) {
                            progress.message("early stopping: no improvement for " + patience + " epochs, best epoch " + stopping.bestEpoch());
                            break;
                        }
                    }
                }
                stopping.restoreBest();
                NetworkSpec spec = new NetworkSpec("sally", draft.features(), mean, std, hidden, activation, params, seed, history.size(),
                        stopping.bestEpoch(), stopping.bestLoss(), Engine.getDjlVersion(), null, null);
                TrainedNetwork.save(out, spec, block, dir -> {
                    history.write(dir.resolve(TrainedNetwork.HISTORY));
                    history.plot(dir.resolve("history.png"), "SALLY: mean squared error to the joint score", "MSE", v -> v);
                    ScorePlot.write(dir.resolve("score_vs_observables.png"), List.of(file.observables()), List.of(file.parameters()),
                            validation.x(), predict(trainer, draft.standardise(validation.x(), 0, validation.x().length), mean.length, params));
                });
                System.err.printf("infera-train: best validation MSE %.6f at epoch %d of %d; model written to %s%n",
                        stopping.bestLoss(), stopping.bestEpoch(), history.size(), out);
            }
        }
        return 0;
    }

    private Optimizer optimizer(Tracker rate) {
        return optimizer.equals("amsgrad") ? new Amsgrad(rate) : Optimizer.adam().optLearningRateTracker(rate).build();
    }

    private static double trainEpoch(Trainer trainer, float[] x, float[] t, int features, int params, Rng rng, int steps, Progress progress) {
        int n = t.length / params;
        int[] order = new int[n];
        for (int i = 0; i < n; i++) order[i] = i;
        rng.shuffle(order);
        double sum = 0;
        int batch = (n + steps - 1) / steps;
        for (int b = 0; b < steps; b++) {
            int from = b * batch, to = Math.min(n, from + batch);
            if (from >= to) break;
            float[] xb = new float[(to - from) * features], tb = new float[(to - from) * params];
            for (int k = from; k < to; k++) {
                System.arraycopy(x, order[k] * features, xb, (k - from) * features, features);
                System.arraycopy(t, order[k] * params, tb, (k - from) * params, params);
            }
            try (NDManager m = trainer.getManager().newSubManager()) {
                NDArray input = m.create(xb, new Shape(to - from, features));
                NDArray target = m.create(tb, new Shape(to - from, params));
                try (GradientCollector gc = trainer.newGradientCollector()) {
                    NDArray loss = trainer.forward(new NDList(input)).singletonOrThrow().sub(target).square().mean();
                    gc.backward(loss);
                    sum += loss.getFloat() * (to - from);
                }
                trainer.step();
            }
            progress.step(1);
        }
        return sum / n;
    }

    private static double mse(Trainer trainer, float[] x, float[] t, int features, int params) {
        try (NDManager m = trainer.getManager().newSubManager()) {
            int n = t.length / params;
            NDArray prediction = trainer.evaluate(new NDList(m.create(x, new Shape(n, features)))).singletonOrThrow();
            return prediction.sub(m.create(t, new Shape(n, params))).square().mean().getFloat();
        }
    }

    private static float[][] predict(Trainer trainer, float[] x, int features, int params) {
        try (NDManager m = trainer.getManager().newSubManager()) {
            int n = x.length / features;
            float[] flat = trainer.evaluate(new NDList(m.create(x, new Shape(n, features)))).singletonOrThrow().toFloatArray();
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
