package org.infera.nn.train;

import ai.djl.ndarray.NDManager;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.function.DoubleUnaryOperator;
import org.infera.core.cli.Progress;
import org.infera.core.random.Rng;
import org.infera.nn.NetworkSpec;

/**
 * What one kind of statistic is trained for: its batches and their loss, the validation figure that early
 * stopping minimises, and what it writes beside the weights. {@link TrainingLoop} does everything else
 * (seeding, network, optimiser steps, early stopping, history, saving), the same way for every kind.
 */
public interface Objective {
    /** One batch: its loss, computed inside the loop's gradient collector. */
    @FunctionalInterface
    interface Batch {
        BatchLoss loss(Trainer trainer, NDManager manager);
    }

    /**
     * The figure training minimises, as reported: its name (e.g. "σ_s"), the history plot's title, and the map
     * from a recorded loss to the reported value (e.g. sqrt, for INFERNO's variance).
     */
    record Figure(String name, String plotTitle, DoubleUnaryOperator shown) {
        double show(double loss) {
            return shown.applyAsDouble(loss);
        }
    }

    /** The kind of statistic (the model's name); the progress bar's title says more. */
    String kind();

    String title();

    /** Batches of one epoch, for the progress bar. */
    long batchesPerEpoch();

    /** The loss the trainer holds (validation of some objectives evaluates it); a placeholder where unused. */
    default Loss trainerLoss() {
        return Loss.l2Loss();
    }

    /**
     * Whether a batch's gradient can be non-finite although its loss is finite (a Fisher matrix or a fit
     * near singularity): then every gradient is checked before the step, and the batch skipped if needed.
     */
    default boolean checksGradients() {
        return false;
    }

    /** Runs once the network is initialised, before the first epoch (e.g. the figure before training). */
    default void beforeTraining(Trainer trainer, Progress progress) {}

    /** Hands the loop one epoch's batches, in the order drawn from {@code rng}. */
    void epoch(Rng rng, Consumer<Batch> step);

    /** The figure early stopping minimises, on the validation events, without gradients. */
    double validate(Trainer trainer);

    Figure figure();

    /** The progress line of one epoch. */
    default String epochLine(int epoch, double train, double validation, double seconds) {
        Figure f = figure();
        return String.format(
                "epoch %d: train %s %.6g, validation %.6g (%.2f s)",
                epoch, f.name(), f.show(train), f.show(validation), seconds);
    }

    /** The model description before training: everything but the figures of the training itself. */
    NetworkSpec draft();

    /** The model description once training has ended. */
    default NetworkSpec spec(int epochsRun, int bestEpoch, double bestLoss) {
        return draft().withTraining(epochsRun, bestEpoch, bestLoss);
    }

    /** Further files of the model directory, written with the best weights restored. */
    default void writeExtras(Path dir, Trainer trainer) throws IOException {}

    /** The last line printed on stderr. */
    default String summary(double bestLoss, int bestEpoch, int epochsRun) {
        Figure f = figure();
        return String.format(
                "best validation %s %.6g at epoch %d of %d", f.name(), f.show(bestLoss), bestEpoch, epochsRun);
    }
}
