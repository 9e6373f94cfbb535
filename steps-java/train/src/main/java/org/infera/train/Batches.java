package org.infera.train;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.Trainer;
import org.infera.core.data.Sample;
import org.infera.core.random.Rng;
import org.infera.train.nn.NetworkSpec;

/**
 * A sample prepared for classifier training: standardised float32 features, labels and
 * class-balancing weights (each class carries half the total weight), cut into batches.
 */
final class Batches {
    private final float[] x;
    private final float[] y;
    private final float[] w;
    private final int features;
    private final int size;
    private final int batchSize;

    Batches(NetworkSpec spec, Sample sample, int batchSize) {
        this.features = spec.mean().length;
        this.size = sample.size();
        this.batchSize = Math.min(batchSize, size);
        this.x = spec.standardise(sample.x(), 0, size);
        this.y = new float[size];
        this.w = new float[size];
        long signal = 0;
        for (long l : sample.label()) signal += l;
        double wSignal = signal > 0 ? size / (2.0 * signal) : 0;
        double wBackground = signal < size ? size / (2.0 * (size - signal)) : 0;
        for (int i = 0; i < size; i++) {
            y[i] = sample.label()[i];
            w[i] = (float) (sample.label()[i] == 1 ? wSignal : wBackground);
        }
    }

    /** Number of batches per epoch; the last partial batch is dropped only in training order. */
    int count() {
        return (size + batchSize - 1) / batchSize;
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

    /** The weighted loss over the whole sample, evaluated without gradients. */
    double loss(Trainer trainer) {
        double lossSum = 0;
        double weightSum = 0;
        for (int b = 0; b < count(); b++) {
            try (NDManager m = trainer.getManager().newSubManager()) {
                NDList[] data = batch(m, null, b);
                NDList logits = trainer.evaluate(data[0]);
                double batchWeight = data[1].get(1).sum().getFloat();
                lossSum += trainer.getLoss().evaluate(data[1], logits).getFloat() * batchWeight;
                weightSum += batchWeight;
            }
        }
        return lossSum / weightSum;
    }
}
