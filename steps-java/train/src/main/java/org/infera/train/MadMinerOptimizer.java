package org.infera.train;

import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import org.infera.core.cli.Checks;
import org.infera.core.cli.InputException;
import org.infera.nn.train.Amsgrad;
import picocli.CommandLine.Option;

/**
 * MadMiner's optimiser for its score and ratio estimators (a mixin): Adam with the AMSGrad correction (or plain
 * Adam), the learning rate decaying exponentially from --learning-rate to --final-learning-rate over the epochs.
 */
public final class MadMinerOptimizer {
    @Option(
            paramLabel = "RATE",
            names = "--final-learning-rate",
            defaultValue = "1e-4",
            description = "Learning rate of the last epoch (default: ${DEFAULT-VALUE}).")
    double finalLearningRate;

    @Option(
            names = "--optimizer",
            defaultValue = "amsgrad",
            description = "amsgrad (Adam with AMSGrad, as MadMiner) or adam (default: ${DEFAULT-VALUE}).")
    String optimizer;

    public void validate() {
        Checks.positiveAtMost("--final-learning-rate", finalLearningRate, 10);
        if (!optimizer.equals("amsgrad") && !optimizer.equals("adam")) {
            throw new InputException.BadOption(
                    "--optimizer", "--optimizer must be amsgrad or adam, got '" + optimizer + "'");
        }
    }

    /** The optimiser for {@code stepsPerEpoch} batches an epoch, with the learning rate of {@code options}. */
    public Optimizer build(TrainingOptions options, long stepsPerEpoch) {
        Tracker rate = LearningRateDecay.exponential(
                options.learningRate, finalLearningRate, options.epoch.epochs, stepsPerEpoch);
        return optimizer.equals("amsgrad")
                ? new Amsgrad(rate)
                : Optimizer.adam().optLearningRateTracker(rate).build();
    }
}
