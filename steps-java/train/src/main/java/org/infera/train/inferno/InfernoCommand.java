package org.infera.train.inferno;

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
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.infera.core.analysis.Analysis;
import org.infera.core.cli.Checks;
import org.infera.core.cli.InputException;
import org.infera.core.cli.Progress;
import org.infera.core.cli.VersionProvider;
import org.infera.core.data.Split;
import org.infera.core.random.Rng;
import org.infera.nn.train.EarlyStopping;
import org.infera.nn.train.Gradients;
import org.infera.nn.train.History;
import org.infera.train.TrainingShards;
import org.infera.train.BenchmarkOptions;
import org.infera.train.TrainingOptions;
import org.infera.nn.NetworkSpec;
import org.infera.nn.Networks;
import org.infera.nn.TrainedNetwork;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "inferno", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Trains an INFERNO summary statistic (de Castro & Dorigo 2018): an MLP with softmax outputs "
                + "(temperature τ) as soft bins, trained to minimise the expected variance of the signal yield, "
                + "(I⁻¹)_ss of the Asimov Fisher information with the nuisances of one benchmark profiled and constrained. "
                + "Nuisance derivatives come from each batch's events shifted to the nuisance's up and down values "
                + "as declared in the analysis (exact mode), or from events simulated at those values (--shifted, "
                + "approximate mode). The loss is printed as σ_s = sqrt((I⁻¹)_ss).")
public final class InfernoCommand implements Callable<Integer> {

    @Mixin
    TrainingOptions options;

    @Mixin
    BenchmarkOptions target;

    @Option(names = "--bins", defaultValue = "10", description = "Softmax outputs, the bins of the statistic (default: ${DEFAULT-VALUE}).")
    int bins;

    @Option(names = "--temperature", defaultValue = "0.1", description = "Softmax temperature τ (default: ${DEFAULT-VALUE}).")
    double temperature;

    @Option(names = "--epochs", defaultValue = "100", description = "Maximum number of epochs (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(paramLabel = "N", names = "--batch-size", defaultValue = "1000", description = "Events of each process per batch (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(names = "--shifted", paramLabel = "NUISANCE=UP.h5,DOWN.h5",
            description = "Approximate mode for a nuisance: events files simulated at its up and down values (e.g. by "
                    + "infera-simulate or an external generator); the nuisance's process's events there, not shifted copies "
                    + "of the nominal ones, make its up and down soft histograms. The first 80%% of each file's events "
                    + "train, the rest validate. Nuisances not named here are exact.")
    Map<String, String> shifted = new java.util.LinkedHashMap<>();

    @Option(names = "--patience", defaultValue = "10",
            description = "Stop after this many epochs without a lower validation loss (default: ${DEFAULT-VALUE}).")
    int patience;

    /** Batches skipped because their loss was not finite, over the whole training. */
    private int skipped;

    @Override
    public Integer call() throws IOException {
        options.validate(epochs, batchSize, patience);
        Checks.positive("--temperature", temperature);
        if (bins < 2 || bins > 10_000) throw new InputException.BadOption("--bins", "--bins must lie in 2..10000, got " + bins);

        Analysis analysis = Analysis.read(target.analysisFile);
        FisherLayout layout = FisherLayout.of(analysis, target.benchmark);
        ProcessShards data = ProcessShards.open(options, analysis, target.analysisFile);
        TrainingShards shards = data.shards();
        int[][] trainSizes = data.trainSizes();
        double[] mean = data.mean(), std = data.std();
        NetworkSpec draft = new NetworkSpec("inferno", data.features(), mean, std, options.hidden, options.activation, bins, options.seed,
                0, 0, Double.NaN, Engine.getDjlVersion(), temperature, target.benchmark);
        Map<Integer, double[][][]> approximateTrain = new java.util.HashMap<>(), approximateValidation = new java.util.HashMap<>();
        ShiftedEvents.load(shifted, analysis, layout, shards.run().features(), approximateTrain, approximateValidation);
        Function<Integer, InfernoData> train = shards.prepared(Split.TRAIN, s -> new InfernoData(draft, s, analysis, layout, approximateTrain));
        Function<Integer, InfernoData> validation = shards.prepared(Split.VALIDATION,
                s -> new InfernoData(draft, s, analysis, layout, approximateValidation));
        long steps = data.steps(batchSize);

        Engine.getInstance().setRandomSeed((int) (options.seed ^ (options.seed >>> 32)));
        Block block = Networks.mlp(options.hidden, options.activation, bins);
        History history = new History();
        try (Model model = Model.newInstance("inferno", org.infera.nn.Devices.resolve(options.device))) {
            model.setBlock(block);
            DefaultTrainingConfig config = new DefaultTrainingConfig(new InfernoLoss(temperature, layout))
                    .optInitializer(new XavierInitializer(), Parameter.Type.WEIGHT)
                    .optOptimizer(Optimizer.adam().optLearningRateTracker(Tracker.fixed((float) options.learningRate)).build());
            try (Trainer trainer = model.newTrainer(config)) {
                trainer.initialize(new Shape(batchSize, mean.length));
                Rng rng = new Rng(Rng.derivedSeed(options.seed, 1));
                EarlyStopping stopping = new EarlyStopping(patience, block);
                try (Progress progress = new Progress("train inferno (BM" + target.benchmark + ")", epochs * steps, "batches")) {
                    for (int epoch = 1; epoch <= epochs; epoch++) {
                        long start = System.nanoTime();
                        double trainLoss = trainEpoch(trainer, shards, train, trainSizes, rng, progress);
                        double validationLoss = validationLoss(trainer, shards, validation);
                        history.add(epoch, trainLoss, validationLoss);
                        progress.message(String.format("epoch %d: train σ_s %.3f, validation σ_s %.3f (%.1f s)", epoch,
                                Math.sqrt(trainLoss), Math.sqrt(validationLoss), (System.nanoTime() - start) / 1e9));
                        if (stopping.update(epoch, validationLoss)) {
                            progress.message("early stopping: no improvement for " + patience + " epochs, best epoch " + stopping.bestEpoch());
                            break;
                        }
                    }
                }
                stopping.restoreBest();
                NetworkSpec spec = new NetworkSpec("inferno", draft.features(), mean, std, options.hidden, options.activation, bins, options.seed,
                        history.size(), stopping.bestEpoch(), stopping.bestLoss(), Engine.getDjlVersion(), temperature, target.benchmark);
                TrainedNetwork.save(options.out, spec, block, dir -> {
                    history.write(dir.resolve(TrainedNetwork.HISTORY));
                    history.plot(dir.resolve("history.png"), "INFERNO (benchmark " + target.benchmark + "): expected σ_s with soft bins",
                            "σ_s = sqrt((I⁻¹)_ss)", Math::sqrt);
                });
                System.err.printf("infera-train: best validation σ_s %.3f (soft bins) at epoch %d of %d; model written to %s%n",
                        Math.sqrt(stopping.bestLoss()), stopping.bestEpoch(), history.size(), options.out);
            }
        }
        return 0;
    }

    /** One epoch over the shards in a random order; the mean loss over the batches that stepped. */
    private double trainEpoch(Trainer trainer, TrainingShards shards, Function<Integer, InfernoData> prepared, int[][] sizes, Rng rng,
                              Progress progress) {
        double[] sumUsed = new double[2];
        int skippedBefore = skipped;
        for (int shard : shards.shardOrder(rng)) {
            InfernoData data = prepared.apply(shard);
            trainShard(trainer, data, data.shuffledOrders(rng), InfernoData.steps(sizes[shard], batchSize), sumUsed, progress);
        }
        if (skipped > skippedBefore) {
            progress.message((skipped - skippedBefore) + " batches had a singular Fisher matrix (non-finite loss or gradient) and were skipped");
        }
        return sumUsed[1] > 0 ? sumUsed[0] / sumUsed[1] : Double.NaN;
    }

    private void trainShard(Trainer trainer, InfernoData data, int[][] orders, int steps, double[] sumUsed, Progress progress) {
        for (int b = 0; b < steps; b++) {
            try (NDManager m = trainer.getManager().newSubManager()) {
                NDList x = data.batch(m, orders, b, batchSize);
                float value;
                try (GradientCollector gc = trainer.newGradientCollector()) {
                    NDArray loss = trainer.getLoss().evaluate(new NDList(), data.splitBatch(trainer.forward(x).singletonOrThrow()));
                    value = loss.getFloat();
                    if (Float.isFinite(value)) {
                        gc.backward(loss);
                        if (!Gradients.finite(trainer)) value = Float.NaN;
                    }
                }
                if (Float.isFinite(value)) {
                    trainer.step();
                    sumUsed[0] += value;
                    sumUsed[1]++;
                } else {
                    Gradients.clear(trainer);  // a singular Fisher matrix for this batch: no step rather than NaN weights
                    skipped++;
                }
            }
            progress.step(1);
        }
    }

    /** The loss of the soft histograms of all validation events, accumulated shard by shard. */
    private static double validationLoss(Trainer trainer, TrainingShards shards, Function<Integer, InfernoData> prepared) {
        InfernoLoss loss = (InfernoLoss) trainer.getLoss();
        GroupMeans histograms = new GroupMeans();
        for (int s = 0; s < shards.shards(); s++) {
            InfernoData data = prepared.apply(s);
            try (NDManager m = trainer.getManager().newSubManager()) {
                NDArray logits = trainer.evaluate(data.all(m)).singletonOrThrow();
                histograms.add(loss.softHistograms(data.splitAll(logits)), data.groupSizes());
            }
        }
        try (NDManager m = trainer.getManager().newSubManager()) {
            return loss.ofHistograms(histograms.means(m)).getFloat();
        }
    }
}
