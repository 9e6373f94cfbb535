package org.infera.train.inferno;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.Trainer;
import java.util.function.UnaryOperator;

/**
 * The soft histograms of every validation event, group by group, over every shard: the network evaluated
 * without gradient in chunks that stay in the processor's cache (one pass over hundreds of thousands of
 * events at once spends its time moving arrays of hundreds of megabytes), each chunk's softmax(z/τ)
 * summed in float32 on the native side, the chunks' sums added in double here.
 */
final class SoftHistogramTotals {
    /** Events per forward pass: the hidden layers' activations of a chunk stay within a few megabytes. */
    static final int CHUNK = 4096;

    private final InfernoLoss loss;
    private double[][] sums;
    private long[] counts;

    SoftHistogramTotals(InfernoLoss loss) {
        this.loss = loss;
    }

    /** Adds every event of one shard's groups, evaluated by the trainer's network. */
    void add(Trainer trainer, InfernoData events) {
        add(trainer.getManager(), trainer::evaluate, events);
    }

    /** Adds every event of one shard's groups, evaluated by {@code network} on arrays of sub-managers of parent. */
    void add(NDManager parent, UnaryOperator<NDList> network, InfernoData events) {
        if (sums == null) {
            sums = new double[events.groups()][];
            counts = new long[events.groups()];
        }
        for (int g = 0; g < events.groups(); g++) {
            int size = events.groupSizes()[g];
            for (int from = 0; from < size; from += CHUNK) {
                try (NDManager m = parent.newSubManager()) {
                    NDArray x = events.rows(m, g, from, Math.min(size, from + CHUNK));
                    NDArray z = network.apply(new NDList(x)).singletonOrThrow();
                    float[] chunk = loss.softmax(z).sum(new int[] {0}).toFloatArray();
                    if (sums[g] == null) sums[g] = new double[chunk.length];
                    for (int k = 0; k < chunk.length; k++) sums[g][k] += chunk[k];
                }
            }
            counts[g] += size;
        }
    }

    /** The mean soft histogram of each group, [groups, bins] in float32. */
    NDArray means(NDManager m) {
        int bins = sums[0].length;
        float[] v = new float[sums.length * bins];
        for (int g = 0; g < sums.length; g++) {
            for (int k = 0; k < bins; k++) v[g * bins + k] = (float) (sums[g][k] / counts[g]);
        }
        return m.create(v, new Shape(sums.length, bins));
    }

    /** The loss of the soft histograms of every event added. */
    double loss(NDManager m) {
        return loss.ofHistograms(means(m)).getFloat();
    }
}
