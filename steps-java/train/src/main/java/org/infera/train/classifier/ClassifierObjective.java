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

/** The cross-entropy classifier of signal against all backgrounds: class-balanced weighted BCE on the logit. */
final class ClassifierObjective implements Objective {
    private static final int VALIDATION_BATCH = 65536;
    private final long seed;
    private final MlpOptions mlp;
    private final TrainingShards shards;
    private final NetworkSpec draft;
    private final int batchSize;
    private final Function<Integer, Batches> train;
    private final Function<Integer, Batches> validation;

    ClassifierObjective(long seed, MlpOptions mlp, TrainingShards shards, int batchSize) {
        this.seed = seed;
        this.mlp = mlp;
        this.shards = shards;
        this.batchSize = batchSize;
        double[] mean = shards.mean();
        this.draft = spec(mean, shards.std(mean), 0, 0, Double.NaN);
        this.train = batches(Split.TRAIN, batchSize);
        this.validation = batches(Split.VALIDATION, VALIDATION_BATCH);
    }

    private NetworkSpec spec(double[] mean, double[] std, int epochsRun, int bestEpoch, double bestLoss) {
        return new NetworkSpec("classifier", List.of(shards.run().features()), mean, std, mlp.hidden, mlp.activation, 1, seed,
                epochsRun, bestEpoch, bestLoss, Engine.getDjlVersion(), null, null);
    }

    /** Each shard's events of a split as batches, with class weights balanced over all shards. */
    private Function<Integer, Batches> batches(Split split, int size) {
        long events = shards.size(split), signal = shards.signal(split);
        if (signal == 0 || signal == events) {
            throw new InputException.Value(shards.path(0), "dataset '" + split.group() + "/label'", "the " + split.group()
                    + " split of the samples has " + (signal == 0 ? "no signal" : "no background") + " event over all "
                    + shards.shards() + " file(s): a classifier needs both");
        }
        return shards.prepared(split, sample -> new Batches(draft, sample, size, events, signal));
    }

    int features() {
        return draft.mean().length;
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
                    return new BatchLoss(loss, loss.getFloat(), data[1].get(1).sum().getFloat());
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
    public String epochLine(int epoch, double train, double validation, double seconds) {
        return String.format("epoch %d: train loss %.6f, validation loss %.6f (%.3f s)", epoch, train, validation, seconds);
    }

    @Override
    public HistoryPlot historyPlot() {
        return new HistoryPlot("classifier: class-balanced binary cross-entropy", "loss", v -> v);
    }

    @Override
    public NetworkSpec spec(int epochsRun, int bestEpoch, double bestLoss) {
        return spec(draft.mean(), draft.std(), epochsRun, bestEpoch, bestLoss);
    }

    @Override
    public String summary(double bestLoss, int bestEpoch, int epochsRun) {
        return String.format("best validation loss %.6f at epoch %d of %d", bestLoss, bestEpoch, epochsRun);
    }
}
