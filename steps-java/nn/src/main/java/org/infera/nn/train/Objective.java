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

    /** The history plot: its title, the y axis and the map from a recorded loss to the plotted value. */
    record HistoryPlot(String title, String yAxis, DoubleUnaryOperator transform) { }

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
    default void beforeTraining(Trainer trainer, Progress progress) { }

    /** Hands the loop one epoch's batches, in the order drawn from {@code rng}. */
    void epoch(Rng rng, Consumer<Batch> step);

    /** The figure early stopping minimises, on the validation events, without gradients. */
    double validate(Trainer trainer);

    /** The progress line of one epoch. */
    String epochLine(int epoch, double train, double validation, double seconds);

    HistoryPlot historyPlot();

    /** The model description once training has ended. */
    NetworkSpec spec(int epochsRun, int bestEpoch, double bestLoss);

    /** Further files of the model directory, written with the best weights restored. */
    default void writeExtras(Path dir, Trainer trainer) throws IOException { }

    /** The last line printed on stderr. */
    String summary(double bestLoss, int bestEpoch, int epochsRun);
}
