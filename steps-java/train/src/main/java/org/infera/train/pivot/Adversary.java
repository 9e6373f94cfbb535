package org.infera.train.pivot;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.initializer.XavierInitializer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.util.List;
import java.util.function.Function;
import org.infera.core.random.Rng;
import org.infera.nn.Networks;
import org.infera.nn.train.Gradients;
import org.infera.train.TrainingShards;
import org.infera.train.classifier.Batches;

/**
 * The adversary r: an MLP (ReLU or tanh) from the classifier's probability sigmoid(f) to the standardised
 * nuisance values, with its own Adam. Its steps see the classifier's output as data (computed outside any
 * gradient recording), so they move r only.
 */
final class Adversary implements AutoCloseable {
    private final Model model;
    private final Trainer trainer;

    Adversary(
            String name,
            ai.djl.Device device,
            List<Integer> hidden,
            String activation,
            int nuisances,
            double learningRate,
            int batch) {
        model = Model.newInstance(name, device);
        model.setBlock(Networks.mlp(hidden, activation, nuisances));
        Optimizer adam = Optimizer.adam()
                .optLearningRateTracker(Tracker.fixed((float) learningRate))
                .build();
        trainer = model.newTrainer(new DefaultTrainingConfig(Loss.l2Loss())
                .optInitializer(new XavierInitializer(), Parameter.Type.WEIGHT)
                .optOptimizer(adam));
        trainer.initialize(new Shape(batch, 1));
    }

    /** The classifier's probability as the adversary's input, [events, 1]. */
    static NDArray input(NDArray logits) {
        return Activation.sigmoid(logits).reshape(-1, 1);
    }

    /** r's prediction, recorded for gradients when called inside a gradient collector. */
    NDArray predict(NDArray probability) {
        return trainer.forward(new NDList(probability)).singletonOrThrow();
    }

    /** r's loss on a batch whose labels carry the targets (values, mask at 2 and 3). */
    NDArray loss(NDArray probability, NDList labels) {
        return PivotLoss.adversary(predict(probability), labels.get(2), labels.get(3));
    }

    /** One step of r on a batch, f frozen: its output is computed before the gradient recording starts. */
    void step(Trainer classifier, Batches batches, int[] order, int b) {
        try (NDManager m = classifier.getManager().newSubManager()) {
            Batches.Batch batch = batches.batch(m, order, b);
            NDArray probability = input(classifier.evaluate(batch.features()).singletonOrThrow());
            Gradients.clear(trainer); // what the classifier's step left on r's weights
            try (GradientCollector gc = trainer.newGradientCollector()) {
                gc.backward(loss(probability, batch.labels()));
            }
            trainer.step();
        }
    }

    /** One epoch of r alone: every training batch once, the shards and events in an order drawn from rng. */
    void epoch(Trainer classifier, TrainingShards shards, Function<Integer, Batches> train, Rng rng) {
        for (int shard : shards.shardOrder(rng)) {
            Batches batches = train.apply(shard);
            int[] order = batches.shuffledOrder(rng);
            for (int b = 0; b < batches.count(); b++) step(classifier, batches, order, b);
        }
    }

    @Override
    public void close() {
        trainer.close();
        model.close();
    }
}
