package org.infera.train.inferno;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import java.util.function.Consumer;
import java.util.function.Function;
import org.infera.core.random.Rng;
import org.infera.nn.NetworkSpec;
import org.infera.nn.train.BatchLoss;
import org.infera.nn.train.Objective;

/**
 * INFERNO: the expected variance of the signal yield, (I⁻¹)_ss of the Asimov Fisher information of the soft
 * histograms with the benchmark's nuisances profiled; each batch holds the same number of events of every process.
 */
record InfernoObjective(
        ProcessShards data,
        InfernoLoss loss,
        NetworkSpec draft,
        int batchSize,
        Function<Integer, InfernoData> train,
        Function<Integer, InfernoData> validation)
        implements Objective {
    @Override
    public String kind() {
        return "inferno";
    }

    @Override
    public String title() {
        return "train inferno (BM" + draft.benchmark() + ")";
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

    @Override
    public void epoch(Rng rng, Consumer<Batch> step) {
        data.epoch(rng, train, batchSize, step, (events, orders, b) -> (trainer, m) -> {
            NDArray value = loss.ofBatch(
                    trainer.forward(events.batch(m, orders, b, batchSize)).singletonOrThrow());
            return new BatchLoss(value, value.getFloat(), 1);
        });
    }

    /** The loss of the soft histograms of all validation events, accumulated shard by shard. */
    @Override
    public double validate(Trainer trainer) {
        SoftHistogramTotals histograms = new SoftHistogramTotals(loss);
        for (int s = 0; s < data.shards().shards(); s++) histograms.add(trainer, validation.apply(s));
        try (NDManager m = trainer.getManager().newSubManager()) {
            return histograms.loss(m);
        }
    }

    @Override
    public Figure figure() {
        return new Figure(
                "σ_s",
                "INFERNO (benchmark " + draft.benchmark() + "): expected σ_s = sqrt((I⁻¹)_ss) with soft bins",
                Math::sqrt);
    }
}
