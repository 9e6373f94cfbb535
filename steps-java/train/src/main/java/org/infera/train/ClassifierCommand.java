package org.infera.train;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.initializer.XavierInitializer;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.infera.core.cli.InputException;
import org.infera.core.cli.Progress;
import org.infera.core.data.Split;
import org.infera.core.random.Rng;
import org.infera.nn.NetworkSpec;
import org.infera.nn.train.EarlyStopping;
import org.infera.nn.train.History;
import org.infera.nn.Networks;
import org.infera.nn.TrainedNetwork;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "classifier", mixinStandardHelpOptions = true, versionProvider = org.infera.core.cli.VersionProvider.class,
        description = "Trains a cross-entropy classifier of signal against all backgrounds (the usual HEP baseline): "
                + "an MLP on standardised features, classes balanced, Adam, early stopping on the validation loss "
                + "that restores the best weights.")
public final class ClassifierCommand implements Callable<Integer> {

    @Mixin
    TrainingOptions options;

    @Option(names = "--epochs", defaultValue = "50", description = "Maximum number of epochs (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(paramLabel = "N", names = "--batch-size", defaultValue = "256", description = "Events per batch (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(names = "--patience", defaultValue = "5",
            description = "Stop after this many epochs without a lower validation loss (default: ${DEFAULT-VALUE}).")
    int patience;

    public static void main(String[] args) {
        org.infera.core.cli.StepMain.main(new ClassifierCommand(), args);
    }

    @Override
    public Integer call() throws IOException {
        options.validate(epochs, batchSize, patience);

        TrainingShards shards = options.shards();
        double[] mean = shards.mean();
        double[] std = shards.std(mean);
        NetworkSpec draft = new NetworkSpec("classifier", List.of(shards.run().features()), mean, std, options.hidden, options.activation, 1,
                options.seed, 0, 0, Double.NaN, Engine.getDjlVersion(), null, null);

        Engine.getInstance().setRandomSeed((int) (options.seed ^ (options.seed >>> 32)));
        Block block = Networks.mlp(options.hidden, options.activation, 1);
        History history = new History();
        try (Model model = Model.newInstance("classifier", org.infera.nn.Devices.resolve(options.device))) {
            model.setBlock(block);
            DefaultTrainingConfig config = new DefaultTrainingConfig(new WeightedBinaryCrossEntropy())
                    .optInitializer(new XavierInitializer(), Parameter.Type.WEIGHT)
                    .optOptimizer(Optimizer.adam().optLearningRateTracker(Tracker.fixed((float) options.learningRate)).build());
            try (Trainer trainer = model.newTrainer(config)) {
                trainer.initialize(new Shape(batchSize, mean.length));
                Function<Integer, Batches> trainBatches = batches(shards, Split.TRAIN, draft, batchSize);
                Function<Integer, Batches> validationBatches = batches(shards, Split.VALIDATION, draft, 65536);
                long batchesPerEpoch = 0;
                for (int s = 0; s < shards.shards(); s++) batchesPerEpoch += Batches.count(shards.size(Split.TRAIN, s), batchSize);
                Rng rng = new Rng(Rng.derivedSeed(options.seed, 1));
                EarlyStopping stopping = new EarlyStopping(patience, block);
                try (Progress progress = new Progress("train classifier", epochs * batchesPerEpoch, "batches")) {
                    for (int epoch = 1; epoch <= epochs; epoch++) {
                        long start = System.nanoTime();
                        double trainLoss = trainEpoch(trainer, shards, trainBatches, rng, progress);
                        double validationLoss = validationLoss(trainer, shards, validationBatches);
                        history.add(epoch, trainLoss, validationLoss);
                        progress.message(String.format("epoch %d: train loss %.6f, validation loss %.6f (%.3f s)",
                                epoch, trainLoss, validationLoss, (System.nanoTime() - start) / 1e9));
                        if (stopping.update(epoch, validationLoss)) {
                            progress.message("early stopping: no improvement for " + patience + " epochs, best epoch " + stopping.bestEpoch());
                            break;
                        }
                    }
                }
                stopping.restoreBest();
                NetworkSpec spec = new NetworkSpec("classifier", draft.features(), mean, std, options.hidden, options.activation, 1, options.seed,
                        history.size(), stopping.bestEpoch(), stopping.bestLoss(), Engine.getDjlVersion(), null, null);
                TrainedNetwork.save(options.out, spec, block, dir -> {
                    history.write(dir.resolve(TrainedNetwork.HISTORY));
                    history.plot(dir.resolve("history.png"), "classifier: class-balanced binary cross-entropy", "loss", v -> v);
                });
                System.err.printf("infera-train: best validation loss %.6f at epoch %d of %d; model written to %s%n",
                        stopping.bestLoss(), stopping.bestEpoch(), history.size(), options.out);
            }
        }
        return 0;
    }

    /** Each shard's events of a split as batches, with class weights balanced over all shards. */
    private static Function<Integer, Batches> batches(TrainingShards shards, Split split, NetworkSpec spec, int batchSize) {
        long events = shards.size(split), signal = shards.signal(split);
        if (signal == 0 || signal == events) {
            throw new InputException.Value(shards.path(0), "dataset '" + split.group() + "/label'", "the " + split.group() + " split of the samples has "
                    + (signal == 0 ? "no signal" : "no background") + " event over all " + shards.shards() + " file(s): a classifier needs both");
        }
        return shards.prepared(split, sample -> new Batches(spec, sample, batchSize, events, signal));
    }

    /** One epoch: the shards in a random order, each shard's events in a random order; the mean weighted loss. */
    private static double trainEpoch(Trainer trainer, TrainingShards shards, Function<Integer, Batches> prepared, Rng rng, Progress progress) {
        double lossSum = 0;
        double weightSum = 0;
        for (int shard : shards.shardOrder(rng)) {
            Batches batches = prepared.apply(shard);
            int[] order = batches.shuffledOrder(rng);
            for (int b = 0; b < batches.count(); b++) {
                try (NDManager m = trainer.getManager().newSubManager()) {
                    NDList[] data = batches.batch(m, order, b);
                    try (GradientCollector gc = trainer.newGradientCollector()) {
                        NDArray logits = trainer.forward(data[0]).singletonOrThrow();
                        NDArray loss = trainer.getLoss().evaluate(data[1], new NDList(logits));
                        gc.backward(loss);
                        double w = data[1].get(1).sum().getFloat();
                        lossSum += loss.getFloat() * w;
                        weightSum += w;
                    }
                    trainer.step();
                }
                progress.step(1);
            }
        }
        return lossSum / weightSum;
    }

    /** The weighted validation loss over every shard, without gradients. */
    private static double validationLoss(Trainer trainer, TrainingShards shards, Function<Integer, Batches> prepared) {
        double[] sums = new double[2];
        for (int s = 0; s < shards.shards(); s++) prepared.apply(s).addLoss(trainer, sums);
        return sums[0] / sums[1];
    }
}
