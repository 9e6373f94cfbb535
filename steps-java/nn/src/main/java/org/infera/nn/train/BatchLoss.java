package org.infera.nn.train;

import ai.djl.ndarray.NDArray;

/**
 * A batch's loss: the tensor to differentiate, its value and the batch's weight in the epoch's mean
 * (events or summed event weights; 1 where every batch counts the same). A non-finite value skips the batch.
 */
public record BatchLoss(NDArray differentiable, double value, double weight) {
    /** A batch that cannot step (its fit failed): no gradient, no contribution. */
    public static BatchLoss skip() {
        return new BatchLoss(null, Double.NaN, 0);
    }

    boolean usable() {
        return differentiable != null && Double.isFinite(value);
    }
}
