package org.infera.nn.train;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.util.ArrayList;
import java.util.List;

/**
 * Early stopping on the validation loss that really restores the best weights: a copy of every
 * parameter is kept at each new best epoch and written back at the end.
 */
public final class EarlyStopping {
    private final int patience;
    private final Block block;
    private final List<float[]> best = new ArrayList<>();
    private double bestLoss = Double.POSITIVE_INFINITY;
    private int bestEpoch;

    public EarlyStopping(int patience, Block block) {
        this.patience = patience;
        this.block = block;
    }

    /** Records an epoch; returns true when training should stop. A NaN loss never counts as an improvement. */
    public boolean update(int epoch, double validationLoss) {
        if (validationLoss < bestLoss) {
            bestLoss = validationLoss;
            bestEpoch = epoch;
            best.clear();
            for (Pair<String, Parameter> p : block.getParameters())
                best.add(p.getValue().getArray().toFloatArray());
            return false;
        }
        return epoch - bestEpoch >= patience;
    }

    public void restoreBest() {
        if (best.isEmpty()) {
            throw new IllegalStateException("training diverged: no epoch had a finite validation loss "
                    + "(try a lower learning rate, another seed, or a higher temperature)");
        }
        int k = 0;
        for (Pair<String, Parameter> p : block.getParameters()) {
            NDArray array = p.getValue().getArray();
            array.set(best.get(k++));
        }
    }

    public int bestEpoch() {
        return bestEpoch;
    }

    public double bestLoss() {
        return bestLoss;
    }
}
