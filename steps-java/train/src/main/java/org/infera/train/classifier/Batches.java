package org.infera.train.classifier;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import org.infera.core.data.Sample;
import org.infera.core.random.Rng;
import org.infera.nn.NetworkSpec;

/**
 * One shard's sample prepared for classifier training: standardised float32 features, labels and
 * class-balancing weights (each class carries half the total weight of the split over all shards),
 * cut into batches; for the pivot, also each event's adversary targets.
 */
public final class Batches {
    /**
     * What an adversary predicts for each event (the pivot): {@code width} values per event, and a mask that is 1
     * for the events whose values it is trained on and 0 for the others.
     */
    public record AdversaryTargets(float[] values, int width, float[] mask) {}

    private final float[] x;
    private final float[] y;
    private final float[] w;
    private final AdversaryTargets targets;
    private final int features;
    private final int size;
    private final int batchSize;

    /**
     * @param events all events of the split over every shard
     * @param signal the signal events among them
     */
    Batches(NetworkSpec spec, Sample sample, int batchSize, long events, long signal) {
        this(spec, sample, batchSize, events, signal, null);
    }

    /** With the adversary's targets of each event, passed on as two more labels of each batch (values, mask). */
    public Batches(NetworkSpec spec, Sample sample, int batchSize, long events, long signal, AdversaryTargets targets) {
        this.targets = targets;
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
    public int count() {
        return count(size, batchSize);
    }

    public static int count(int size, int batchSize) {
        int b = Math.min(batchSize, size);
        return (size + b - 1) / b;
    }

    public int[] shuffledOrder(Rng rng) {
        int[] order = new int[size];
        for (int i = 0; i < size; i++) order[i] = i;
        rng.shuffle(order);
        return order;
    }

    /**
     * A batch: {features}, {labels, weights} (and the adversary's {values, mask} where there are targets), and its
     * summed weight (added here, saving a native round trip).
     */
    public record Batch(NDList features, NDList labels, double weight) {}

    /** Batch b of the given event order (null: the stored order). */
    public Batch batch(NDManager m, int[] order, int b) {
        int from = b * batchSize;
        int to = Math.min(size, from + batchSize);
        int n = to - from;
        float[] bx = new float[n * features];
        float[] by = new float[n];
        float[] bw = new float[n];
        double weight = 0;
        for (int k = 0; k < n; k++) {
            int i = order == null ? from + k : order[from + k];
            System.arraycopy(x, i * features, bx, k * features, features);
            by[k] = y[i];
            bw[k] = w[i];
            weight += w[i];
        }
        NDList labels = new NDList(m.create(by, new Shape(n)), m.create(bw, new Shape(n)));
        if (targets != null) labels.addAll(adversaryLabels(m, order, from, n));
        return new Batch(new NDList(m.create(bx, new Shape(n, features))), labels, weight);
    }

    private NDList adversaryLabels(NDManager m, int[] order, int from, int n) {
        int width = targets.width();
        float[] values = new float[n * width], mask = new float[n];
        for (int k = 0; k < n; k++) {
            int i = order == null ? from + k : order[from + k];
            System.arraycopy(targets.values(), i * width, values, k * width, width);
            mask[k] = targets.mask()[i];
        }
        return new NDList(m.create(values, new Shape(n, width)), m.create(mask, new Shape(n)));
    }

    /**
     * Adds this shard's weighted loss, evaluated without gradients, to {loss × weight, weight} summed
     * over the shards so far.
     */
    void addLoss(Trainer trainer, Loss loss, double[] sums) {
        for (int b = 0; b < count(); b++) {
            try (NDManager m = trainer.getManager().newSubManager()) {
                Batch batch = batch(m, null, b);
                NDList logits = trainer.evaluate(batch.features());
                sums[0] += loss.evaluate(batch.labels(), logits).getFloat() * batch.weight();
                sums[1] += batch.weight();
            }
        }
    }
}
