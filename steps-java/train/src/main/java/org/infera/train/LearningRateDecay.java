package org.infera.train;

import ai.djl.training.tracker.Tracker;

/**
 * MadMiner's learning-rate schedule: exponential decay from the first epoch's rate to the last's, the rate constant
 * within an epoch. A last rate equal to the first is the constant rate, value for value.
 */
public final class LearningRateDecay {
    private LearningRateDecay() {}

    /** The rate of each optimiser update, for {@code stepsPerEpoch} updates an epoch. */
    public static Tracker exponential(double first, double last, int epochs, long stepsPerEpoch) {
        double decay = Math.pow(last / first, 1.0 / Math.max(1, epochs - 1));
        return update -> (float) (first * Math.pow(decay, update / stepsPerEpoch));
    }
}
