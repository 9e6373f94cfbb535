package org.infera.nn.train;

import ai.djl.ndarray.NDArray;
import ai.djl.training.Trainer;

/** Checks and resets of the gradients a trainer accumulated, for batches whose loss or gradient is not finite. */
public final class Gradients {
    private Gradients() {}

    /** Whether every gradient is finite. */
    public static boolean finite(Trainer trainer) {
        for (var p : trainer.getModel().getBlock().getParameters()) {
            NDArray g = p.getValue().getArray().getGradient();
            if (g.isNaN().any().getBoolean() || g.isInfinite().any().getBoolean()) return false;
        }
        return true;
    }

    /**
     * DJL accumulates gradients until the optimiser step clears them; a skipped or repeated batch clears
     * them itself, by overwriting (NaN times zero is NaN).
     */
    public static void clear(Trainer trainer) {
        for (var p : trainer.getModel().getBlock().getParameters()) {
            NDArray g = p.getValue().getArray().getGradient();
            g.set(new float[Math.toIntExact(g.size())]);
        }
    }
}
