package org.infera.train.inferno;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import org.infera.core.analysis.Analysis;
import org.infera.core.data.SamplesFile;
import org.infera.core.data.Split;
import org.infera.core.random.Rng;
import org.infera.nn.train.Objective;
import org.infera.train.TrainingShards;

/**
 * A run's shards as the Fisher-based objectives (INFERNO, neos) take them: matching the analysis,
 * every process present in every shard's train and validation splits (each batch comes from one
 * shard), the events of each process per shard, and the standardisation over all training events.
 */
public record ProcessShards(TrainingShards shards, int[][] trainSizes, double[] mean, double[] std) {

    public static ProcessShards open(TrainingShards shards, Analysis analysis, Path analysisFile) {
        SamplesFile run = shards.run();
        analysis.requireMatches(run.features(), run.processes(), shards.path(0), analysisFile);
        int[][] trainSizes = shards.processSizesOfEveryShard(Split.TRAIN);
        shards.processSizesOfEveryShard(Split.VALIDATION);
        double[] mean = shards.mean();
        return new ProcessShards(shards, trainSizes, mean, shards.std(mean));
    }

    public List<String> features() {
        return List.of(shards.run().features());
    }

    /** Makes the training loop's batch b of one shard's events in the given orders. */
    public interface BatchMaker {
        Objective.Batch of(InfernoData events, int[][] orders, int b);
    }

    /**
     * Hands the loop one epoch's batches: the shards in a random order, in each every process's events in their
     * own random order, perProcess events of each process per batch.
     */
    public void epoch(
            Rng rng,
            Function<Integer, InfernoData> train,
            int perProcess,
            Consumer<Objective.Batch> step,
            BatchMaker maker) {
        for (int shard : shards.shardOrder(rng)) {
            InfernoData events = train.apply(shard);
            int[][] orders = events.shuffledOrders(rng);
            int steps = InfernoData.steps(trainSizes[shard], perProcess);
            for (int b = 0; b < steps; b++) step.accept(maker.of(events, orders, b));
        }
    }

    /** Batches per epoch over every shard, with perProcess events of each process per batch. */
    public long steps(int perProcess) {
        long steps = 0;
        for (int[] sizes : trainSizes) steps += InfernoData.steps(sizes, perProcess);
        return steps;
    }
}
