package org.infera.train.classifier;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.Trainer;
import org.infera.core.data.Sample;
import org.infera.core.random.Rng;
import org.infera.nn.NetworkSpec;

/**
 * One shard's sample prepared for classifier training: standardised float32 features, labels and
 * class-balancing weights (each class carries half the total weight of the split over all shards),
 * cut into batches.
 */
final class Batches {
    private final float[] x;
    private final float[] y;
    private final float[] w;
    private final int features;
    private final int size;
    private final int batchSize;

    /**
     * @param events all events of the split over every shard
     * @param signal the signal events among them
     */
    Batches(NetworkSpec spec, Sample sample, int batchSize, long events, long signal) {
        this.features = spec.mean().length;
        this.size = sample.size();
        this.batchSize = Math.min(batchSize, size);
        this.x = spec.standardise(sample.x(), 0, size);
        this.y = new float[size];
        this.w = new float[size];
        double wSignal = signal > 0 ? events / (2.0 * signal) : 0;
        double wBackground = signal < events ? events / (2.0 * (events - signal)) : 0;
        for (int i = 0; i < size; i++) {
            y[i] = sample.label()[i];
            w[i] = (float) (sample.label()[i] == 1 ? wSignal : wBackground);
        }
    }

    /** Number of batches of this shard per epoch (the last one may be partial). */
    int count() {
        return count(size, batchSize);
    }

    static int count(int size, int batchSize) {
        int b = Math.min(batchSize, size);
        return (size + b - 1) / b;
    }

    int[] shuffledOrder(Rng rng) {
        int[] order = new int[size];
        for (int i = 0; i < size; i++) order[i] = i;
        rng.shuffle(order);
        return order;
    }

    /** Batch b of the given event order: {features} and {labels, weights}. */
    NDList[] batch(NDManager m, int[] order, int b) {
        int from = b * batchSize;
        int to = Math.min(size, from + batchSize);
        int n = to - from;
        float[] bx = new float[n * features];
        float[] by = new float[n];
        float[] bw = new float[n];
        for (int k = 0; k < n; k++) {
            int i = order == null ? from + k : order[from + k];
            System.arraycopy(x, i * features, bx, k * features, features);
            by[k] = y[i];
            bw[k] = w[i];
        }
        return new NDList[] {
            new NDList(m.create(bx, new Shape(n, features))),
            new NDList(m.create(by, new Shape(n)), m.create(bw, new Shape(n)))
        };
    }

    /**
     * Adds this shard's weighted loss, evaluated without gradients, to {loss × weight, weight} summed
     * over the shards so far.
     */
    void addLoss(Trainer trainer, double[] sums) {
        for (int b = 0; b < count(); b++) {
            try (NDManager m = trainer.getManager().newSubManager()) {
                NDList[] data = batch(m, null, b);
                NDList logits = trainer.evaluate(data[0]);
                double batchWeight = data[1].get(1).sum().getFloat();
                sums[0] += trainer.getLoss().evaluate(data[1], logits).getFloat() * batchWeight;
                sums[1] += batchWeight;
            }
        }
    }
}
