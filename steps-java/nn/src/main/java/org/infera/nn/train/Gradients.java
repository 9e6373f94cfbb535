package org.infera.nn.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.training.Trainer;

/** Checks and resets of the gradients a trainer accumulated, for batches whose loss or gradient is not finite. */
public final class Gradients {
    private Gradients() {}

    /**
     * Whether every gradient is finite, in one round trip to the native side: g − g is 0 for a finite
     * entry and NaN for an infinite or NaN one, so the sum over every parameter is 0 exactly when all are finite.
     */
    public static boolean finite(Trainer trainer) {
        NDList temporaries = new NDList(), zeroed = new NDList();
        try {
            for (var p : trainer.getModel().getBlock().getParameters()) {
                NDArray g = p.getValue().getArray().getGradient();
                NDArray product = g.sub(g);
                zeroed.add(product.sum());
                temporaries.addAll(new NDList(g, product));
            }
            NDArray stacked = NDArrays.stack(zeroed);
            temporaries.addAll(zeroed);
            temporaries.add(stacked);
            NDArray total = stacked.sum();
            temporaries.add(total);
            return total.getFloat() == 0f;
        } finally {
            temporaries.close(); // they live on the weights' manager, which outlives every batch
        }
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
