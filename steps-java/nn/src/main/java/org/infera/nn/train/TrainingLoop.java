package org.infera.nn.train;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.initializer.XavierInitializer;
import ai.djl.training.optimizer.Optimizer;
import java.util.List;
import org.infera.core.cli.Progress;
import org.infera.core.random.Rng;
import org.infera.nn.Devices;
import org.infera.nn.NetworkSpec;
import org.infera.nn.Networks;
import org.infera.nn.TrainedNetwork;

/**
 * The one training loop of every statistic: the engine seeded, an MLP with Xavier weights, epochs of
 * optimiser steps over the objective's batches, the validation figure after each, early stopping that
 * restores the best epoch's weights, and the model directory written atomically with its history.
 * A batch whose loss (or, where the objective asks, gradient) is not finite makes no step.
 */
public final class TrainingLoop {
    /** The network and how it is optimised. */
    public record Settings(
            java.nio.file.Path out,
            long seed,
            String device,
            List<Integer> hidden,
            String activation,
            int outputs,
            int features,
            int batchSize,
            int epochs,
            int patience,
            Optimizer optimizer) {}

    private final Settings settings;
    private final Objective objective;
    private double sum;
    private double weight;
    private int skipped;

    private TrainingLoop(Settings settings, Objective objective) {
        this.settings = settings;
        this.objective = objective;
    }

    /** Trains and writes the model directory. */
    public static void run(Settings settings, Objective objective) {
        new TrainingLoop(settings, objective).run();
    }

    private void run() {
        long seed = settings.seed();
        Engine.getInstance().setRandomSeed((int) (seed ^ (seed >>> 32)));
        Block block = Networks.mlp(settings.hidden(), settings.activation(), settings.outputs());
        History history = new History();
        try (Model model = Model.newInstance(objective.kind(), Devices.resolve(settings.device()))) {
            model.setBlock(block);
            DefaultTrainingConfig config = new DefaultTrainingConfig(objective.trainerLoss())
                    .optInitializer(new XavierInitializer(), Parameter.Type.WEIGHT)
                    .optOptimizer(settings.optimizer());
            try (Trainer trainer = model.newTrainer(config)) {
                trainer.initialize(new Shape(settings.batchSize(), settings.features()));
                EarlyStopping stopping = epochs(trainer, block, history);
                stopping.restoreBest();
                NetworkSpec spec = objective.spec(history.size(), stopping.bestEpoch(), stopping.bestLoss());
                Objective.Figure figure = objective.figure();
                TrainedNetwork.save(settings.out(), spec, block, dir -> {
                    history.write(dir.resolve(TrainedNetwork.HISTORY));
                    history.plot(dir.resolve("history.png"), figure.plotTitle(), figure.name(), figure.shown());
                    objective.writeExtras(dir, trainer);
                });
                System.err.println(
                        "infera-train: " + objective.summary(stopping.bestLoss(), stopping.bestEpoch(), history.size())
                                + "; model written to " + settings.out());
            }
        }
    }

    private EarlyStopping epochs(Trainer trainer, Block block, History history) {
        Rng rng = new Rng(Rng.derivedSeed(settings.seed(), 1));
        EarlyStopping stopping = new EarlyStopping(settings.patience(), block);
        long total = settings.epochs() * objective.batchesPerEpoch();
        try (Progress progress = new Progress(objective.title(), total, "batches")) {
            objective.beforeTraining(trainer, progress);
            for (int epoch = 1; epoch <= settings.epochs(); epoch++) {
                long start = System.nanoTime();
                sum = 0;
                weight = 0;
                int skippedBefore = skipped;
                objective.epoch(rng, batch -> {
                    step(trainer, batch);
                    progress.step(1);
                });
                if (skipped > skippedBefore) {
                    progress.message((skipped - skippedBefore) + " batches were skipped: non-finite loss or gradient "
                            + "(e.g. a singular Fisher matrix, or a fit that failed)");
                }
                double train = weight > 0 ? sum / weight : Double.NaN;
                double validation = objective.validate(trainer);
                history.add(epoch, train, validation);
                progress.message(objective.epochLine(epoch, train, validation, (System.nanoTime() - start) / 1e9));
                if (stopping.update(epoch, validation)) {
                    progress.message("early stopping: no improvement for " + settings.patience()
                            + " epochs, best epoch " + stopping.bestEpoch());
                    break;
                }
            }
        }
        return stopping;
    }

    /** One optimiser step on a batch, or none where its loss or gradient is not finite. */
    private void step(Trainer trainer, Objective.Batch batch) {
        BatchLoss loss = step(trainer, batch, objective.checksGradients());
        if (loss == null) {
            skipped++;
        } else {
            sum += loss.value() * loss.weight();
            weight += loss.weight();
        }
    }

    /**
     * One optimiser step of the trainer's network on a batch, as every epoch of the loop takes it: the batch's
     * loss if the step was taken, null where its loss (or, when {@code checkGradients}, gradient) was not finite
     * and no step was made. Objectives with phases of their own (the pivot's pre-training) step with it too.
     */
    public static BatchLoss step(Trainer trainer, Objective.Batch batch, boolean checkGradients) {
        try (NDManager m = trainer.getManager().newSubManager()) {
            BatchLoss stepped = null;
            try (GradientCollector gc = trainer.newGradientCollector()) {
                BatchLoss loss = batch.loss(trainer, m);
                if (loss.usable()) {
                    gc.backward(loss.differentiable());
                    if (!checkGradients || Gradients.finite(trainer)) stepped = loss;
                }
            }
            if (stepped != null) {
                trainer.step();
            } else {
                Gradients.clear(trainer); // no step rather than NaN weights
            }
            return stepped;
        }
    }
}
