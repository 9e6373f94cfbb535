package org.infera.train.neos;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.Trainer;
import java.util.Arrays;
import java.util.function.Function;
import org.infera.train.TrainingShards;
import org.infera.train.inferno.GroupMeans;
import org.infera.train.inferno.InfernoData;

/**
 * What neos reports and early-stops on, for the network as it is: every validation group's soft and
 * hard histogram and the processes' mean cross-entropy terms, each a mean over the events of every
 * shard (accumulated shard by shard, so memory follows the largest shard).
 */
record ValidationHistograms(NDList soft, NDList hard, NDList crossEntropy) {

    static ValidationHistograms of(
            NDManager m,
            Trainer trainer,
            TrainingShards shards,
            Function<Integer, InfernoData> prepared,
            SoftHistogram histogram,
            int signal) {
        GroupMeans soft = new GroupMeans(), hard = new GroupMeans(), crossEntropy = new GroupMeans();
        for (int s = 0; s < shards.shards(); s++) {
            InfernoData data = prepared.apply(s);
            try (NDManager shard = m.newSubManager()) {
                NDList outputs = data.splitAll(trainer.evaluate(data.all(shard)).singletonOrThrow());
                NDList softs = new NDList(), hards = new NDList();
                for (NDArray z : outputs) {
                    softs.add(histogram.of(z));
                    hards.add(histogram.hard(z));
                }
                soft.add(softs, data.groupSizes());
                hard.add(hards, data.groupSizes());
                crossEntropy.add(
                        CrossEntropy.groupMeans(outputs, data.processes(), signal),
                        Arrays.copyOf(data.groupSizes(), data.processes()));
            }
        }
        return new ValidationHistograms(soft.means(m), hard.means(m), crossEntropy.means(m));
    }
}
