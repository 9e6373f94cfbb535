package org.infera.train.classifier;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.Trainer;
import java.util.Arrays;
import org.infera.core.data.Sample;
import org.infera.core.random.Rng;
import org.infera.nn.NetworkSpec;
import org.infera.train.bench.EpochTimer;

/** The classifier's epoch as {@link ClassifierObjective} runs it on one shard, for bench/inferno.sh. */
public final class ClassifierWorkload implements EpochTimer.Workload {
    private final Batches train;
    private final Batches validation;
    private final WeightedBinaryCrossEntropy loss = new WeightedBinaryCrossEntropy();
    private int[] order;
    private NDList labels;

    public ClassifierWorkload(NetworkSpec spec, Sample train, Sample validation, int batchSize) {
        this.train = batches(spec, train, batchSize);
        this.validation = batches(spec, validation, ClassifierObjective.VALIDATION_BATCH);
    }

    private static Batches batches(NetworkSpec spec, Sample sample, int batchSize) {
        long signal = Arrays.stream(sample.label()).filter(y -> y == 1).count();
        return new Batches(spec, sample, batchSize, sample.size(), signal);
    }

    @Override
    public int shuffle(Rng rng) {
        order = train.shuffledOrder(rng);
        return train.count();
    }

    @Override
    public NDList input(NDManager m, int batch) {
        Batches.Batch data = train.batch(m, order, batch);
        labels = data.labels();
        return data.features();
    }

    @Override
    public NDArray loss(NDArray output, NDManager m, int batch) {
        return loss.evaluate(labels, new NDList(output));
    }

    @Override
    public double validate(Trainer trainer) {
        double[] sums = new double[2];
        validation.addLoss(trainer, loss, sums);
        return sums[0] / sums[1];
    }

    @Override
    public boolean checksGradients() {
        return false;
    }
}
