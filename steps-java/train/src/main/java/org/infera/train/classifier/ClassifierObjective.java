package org.infera.train.classifier;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import org.infera.core.cli.InputException;
import org.infera.core.data.Split;
import org.infera.core.random.Rng;
import org.infera.nn.NetworkSpec;
import org.infera.nn.train.BatchLoss;
import org.infera.nn.train.Objective;
import org.infera.train.MlpOptions;
import org.infera.train.TrainingShards;

/**
 * The cross-entropy classifier of signal against all backgrounds: class-balanced weighted BCE on the logit.
 *
 * @param train each training shard's batches; validation, the same in large batches
 */
record ClassifierObjective(
        NetworkSpec draft,
        TrainingShards shards,
        int batchSize,
        Function<Integer, Batches> train,
        Function<Integer, Batches> validation)
        implements Objective {
    private static final int VALIDATION_BATCH = 65536;

    static ClassifierObjective of(long seed, MlpOptions mlp, TrainingShards shards, int batchSize) {
        double[] mean = shards.mean();
        NetworkSpec draft = new NetworkSpec(
                "classifier",
                List.of(shards.run().features()),
                mean,
                shards.std(mean),
                mlp.hidden,
                mlp.activation,
                1,
                seed,
                0,
                0,
                Double.NaN,
                Engine.getDjlVersion(),
                null,
                null);
        return new ClassifierObjective(
                draft,
                shards,
                batchSize,
                batches(shards, draft, Split.TRAIN, batchSize),
                batches(shards, draft, Split.VALIDATION, VALIDATION_BATCH));
    }

    /** Each shard's events of a split as batches, with class weights balanced over all shards. */
    private static Function<Integer, Batches> batches(TrainingShards shards, NetworkSpec draft, Split split, int size) {
        long events = shards.size(split), signal = shards.signal(split);
        if (signal == 0 || signal == events) {
            throw new InputException.Value(
                    shards.path(0),
                    "dataset '" + split.group() + "/label'",
                    "the " + split.group()
                            + " split of the samples has " + (signal == 0 ? "no signal" : "no background")
                            + " event over all "
                            + shards.shards() + " file(s): a classifier needs both");
        }
        return shards.prepared(split, sample -> new Batches(draft, sample, size, events, signal));
    }

    @Override
    public String kind() {
        return "classifier";
    }

    @Override
    public String title() {
        return "train classifier";
    }

    @Override
    public long batchesPerEpoch() {
        long count = 0;
        for (int s = 0; s < shards.shards(); s++) count += Batches.count(shards.size(Split.TRAIN, s), batchSize);
        return count;
    }

    @Override
    public Loss trainerLoss() {
        return new WeightedBinaryCrossEntropy();
    }

    /** The shards in a random order, each shard's events in a random order. */
    @Override
    public void epoch(Rng rng, Consumer<Batch> step) {
        for (int shard : shards.shardOrder(rng)) {
            Batches batches = train.apply(shard);
            int[] order = batches.shuffledOrder(rng);
            for (int b = 0; b < batches.count(); b++) {
                int index = b;
                step.accept((trainer, m) -> {
                    NDList[] data = batches.batch(m, order, index);
                    NDArray logits = trainer.forward(data[0]).singletonOrThrow();
                    NDArray loss = trainer.getLoss().evaluate(data[1], new NDList(logits));
                    return new BatchLoss(
                            loss, loss.getFloat(), data[1].get(1).sum().getFloat());
                });
            }
        }
    }

    /** The weighted validation loss over every shard. */
    @Override
    public double validate(Trainer trainer) {
        double[] sums = new double[2];
        for (int s = 0; s < shards.shards(); s++) validation.apply(s).addLoss(trainer, sums);
        return sums[0] / sums[1];
    }

    @Override
    public Figure figure() {
        return new Figure("loss", "classifier: class-balanced binary cross-entropy", v -> v);
    }
}
