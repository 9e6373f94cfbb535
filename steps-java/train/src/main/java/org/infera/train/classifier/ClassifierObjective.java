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
import org.infera.core.data.Sample;
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
 * @param train each training shard's batches; validation, the same in batches of {@link #VALIDATION_BATCH}
 */
public record ClassifierObjective(
        NetworkSpec draft,
        TrainingShards shards,
        int batchSize,
        Function<Integer, Batches> train,
        Function<Integer, Batches> validation)
        implements Objective {
    /**
     * Events per validation pass: large enough that each native call does real work, small enough that a
     * hidden layer's activations (4096 × 100 floats) stay in cache; 65536 at once took five times as long.
     */
    public static final int VALIDATION_BATCH = 4096;

    static ClassifierObjective of(long seed, MlpOptions mlp, TrainingShards shards, int batchSize) {
        NetworkSpec draft = draft("classifier", seed, mlp, shards);
        return new ClassifierObjective(
                draft,
                shards,
                batchSize,
                batches(
                        shards,
                        Split.TRAIN,
                        (shard, sample, events, signal) -> new Batches(draft, sample, batchSize, events, signal)),
                batches(
                        shards,
                        Split.VALIDATION,
                        (shard, sample, events, signal) ->
                                new Batches(draft, sample, VALIDATION_BATCH, events, signal)));
    }

    /** A one-output network of the kind on the shards' features, standardised over their training events. */
    public static NetworkSpec draft(String kind, long seed, MlpOptions mlp, TrainingShards shards) {
        double[] mean = shards.mean();
        return new NetworkSpec(
                kind,
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
    }

    /** How one shard's events of a split become batches, given the split's events and signal events over all shards. */
    @FunctionalInterface
    public interface Preparation {
        Batches of(int shard, Sample sample, long events, long signal);
    }

    /** Each shard's events of a split as batches, with class weights balanced over all shards. */
    public static Function<Integer, Batches> batches(TrainingShards shards, Split split, Preparation preparation) {
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
        return shards.prepared(split, (shard, sample) -> preparation.of(shard, sample, events, signal));
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
                    Batches.Batch batch = batches.batch(m, order, index);
                    NDArray logits = trainer.forward(batch.features()).singletonOrThrow();
                    NDArray loss = trainer.getLoss().evaluate(batch.labels(), new NDList(logits));
                    return new BatchLoss(loss, loss.getFloat(), batch.weight());
                });
            }
        }
    }

    /** The weighted validation loss over every shard. */
    @Override
    public double validate(Trainer trainer) {
        double[] sums = new double[2];
        for (int s = 0; s < shards.shards(); s++) validation.apply(s).addLoss(trainer, trainer.getLoss(), sums);
        return sums[0] / sums[1];
    }

    @Override
    public Figure figure() {
        return new Figure("loss", "classifier: class-balanced binary cross-entropy", v -> v);
    }
}
