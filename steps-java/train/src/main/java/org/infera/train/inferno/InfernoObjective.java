package org.infera.train.inferno;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import java.util.function.Consumer;
import java.util.function.Function;
import org.infera.core.data.Split;
import org.infera.core.random.Rng;
import org.infera.nn.NetworkSpec;
import org.infera.nn.train.BatchLoss;
import org.infera.nn.train.Objective;
import org.infera.train.TrainingShards;

/**
 * INFERNO: the expected variance of the signal yield, (I⁻¹)_ss of the Asimov Fisher information of the soft
 * histograms with the benchmark's nuisances profiled; each batch holds the same number of events of every process.
 */
final class InfernoObjective implements Objective {
    private final ProcessShards data;
    private final InfernoLoss loss;
    private final NetworkSpec draft;
    private final int benchmark;
    private final int batchSize;
    private final Function<Integer, InfernoData> train;
    private final Function<Integer, InfernoData> validation;

    InfernoObjective(ProcessShards data, InfernoLoss loss, NetworkSpec draft, int batchSize,
                     Function<Integer, InfernoData> train, Function<Integer, InfernoData> validation) {
        this.data = data;
        this.loss = loss;
        this.draft = draft;
        this.benchmark = draft.benchmark();
        this.batchSize = batchSize;
        this.train = train;
        this.validation = validation;
    }

    @Override
    public String kind() {
        return "inferno";
    }

    @Override
    public String title() {
        return "train inferno (BM" + benchmark + ")";
    }

    @Override
    public long batchesPerEpoch() {
        return data.steps(batchSize);
    }

    @Override
    public Loss trainerLoss() {
        return loss;
    }

    /** A batch with a nearly singular Fisher matrix can have a finite loss and a non-finite gradient. */
    @Override
    public boolean checksGradients() {
        return true;
    }

    /** The shards in a random order; in each, every process's events in their own random order. */
    @Override
    public void epoch(Rng rng, Consumer<Batch> step) {
        TrainingShards shards = data.shards();
        for (int shard : shards.shardOrder(rng)) {
            InfernoData events = train.apply(shard);
            int[][] orders = events.shuffledOrders(rng);
            int steps = InfernoData.steps(data.trainSizes()[shard], batchSize);
            for (int b = 0; b < steps; b++) {
                int index = b;
                step.accept((trainer, m) -> {
                    NDList x = events.batch(m, orders, index, batchSize);
                    NDArray value = loss.evaluate(new NDList(), events.splitBatch(trainer.forward(x).singletonOrThrow()));
                    return new BatchLoss(value, value.getFloat(), 1);
                });
            }
        }
    }

    /** The loss of the soft histograms of all validation events, accumulated shard by shard. */
    @Override
    public double validate(Trainer trainer) {
        GroupMeans histograms = new GroupMeans();
        TrainingShards shards = data.shards();
        for (int s = 0; s < shards.shards(); s++) {
            InfernoData events = validation.apply(s);
            try (NDManager m = trainer.getManager().newSubManager()) {
                NDArray logits = trainer.evaluate(events.all(m)).singletonOrThrow();
                histograms.add(loss.softHistograms(events.splitAll(logits)), events.groupSizes());
            }
        }
        try (NDManager m = trainer.getManager().newSubManager()) {
            return loss.ofHistograms(histograms.means(m)).getFloat();
        }
    }

    @Override
    public String epochLine(int epoch, double train, double validation, double seconds) {
        return String.format("epoch %d: train σ_s %.3f, validation σ_s %.3f (%.1f s)", epoch, Math.sqrt(train),
                Math.sqrt(validation), seconds);
    }

    @Override
    public HistoryPlot historyPlot() {
        return new HistoryPlot("INFERNO (benchmark " + benchmark + "): expected σ_s with soft bins", "σ_s = sqrt((I⁻¹)_ss)",
                Math::sqrt);
    }

    @Override
    public NetworkSpec spec(int epochsRun, int bestEpoch, double bestLoss) {
        return new NetworkSpec("inferno", draft.features(), draft.mean(), draft.std(), draft.hidden(), draft.activation(),
                draft.outputs(), draft.seed(), epochsRun, bestEpoch, bestLoss, draft.djlVersion(), draft.temperature(), benchmark);
    }

    @Override
    public String summary(double bestLoss, int bestEpoch, int epochsRun) {
        return String.format("best validation σ_s %.3f (soft bins) at epoch %d of %d", Math.sqrt(bestLoss), bestEpoch, epochsRun);
    }
}
