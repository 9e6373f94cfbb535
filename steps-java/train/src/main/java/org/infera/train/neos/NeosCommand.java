package org.infera.train.neos;

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
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.io.IOException;
import java.util.List;
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
import org.infera.train.inferno.FisherLayout;
import org.infera.train.inferno.InfernoData;
import org.infera.train.inferno.ProcessShards;
import org.infera.nn.NetworkSpec;
import org.infera.nn.Networks;
import org.infera.nn.TrainedNetwork;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "neos", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Trains a neos summary statistic (Simpson & Heinrich 2021): an MLP with softmax outputs "
                + "(temperature τ) as soft bins, trained for the figure of merit of the final fit: by default the expected "
                + "CLs at --mu on background-only Asimov data of the HistFactory model the fit step uses (normfactor on "
                + "the signal, a histosys per nuisance the benchmark floats, with its constraint), nuisances profiled. "
                + "The profile fit runs in the fit engine, outside autodiff; by the envelope theorem the gradient is the "
                + "partial gradient at the fitted nuisances. --objective discovery (expected p₀) and sigma (σ_μ from the "
                + "inverse Fisher information) and bce (cross-entropy on a kde network's output) are there for comparison; "
                + "'infera-train classifier' is the usual cross-entropy baseline.")
public final class NeosCommand implements Callable<Integer> {

    @Mixin
    TrainingOptions options;

    @Mixin
    BenchmarkOptions target;

    @Option(paramLabel = "cls|discovery|sigma", names = "--objective", defaultValue = "cls", description = "cls, discovery, sigma or bce (with --histogram kde) (default: ${DEFAULT-VALUE}).")
    String objectiveName;

    @Option(names = "--mu", defaultValue = "1", description = "Signal strength tested by the CLs objective (default: ${DEFAULT-VALUE}).")
    double mu;

    @Option(names = "--bins", defaultValue = "4", description = "Softmax outputs, the bins of the statistic (default: ${DEFAULT-VALUE}).")
    int bins;

    @Option(names = "--temperature", defaultValue = "0.1", description = "Softmax temperature τ (default: ${DEFAULT-VALUE}).")
    double temperature;

    @Option(paramLabel = "softmax|kde", names = "--histogram", defaultValue = "softmax",
            description = "softmax (one output per bin) or kde (one sigmoid output, a Gaussian kernel integrated over "
                    + "equal-width bins of [0, 1]) (default: ${DEFAULT-VALUE}).")
    String histogramKind;

    @Option(names = "--bandwidth", defaultValue = "0.05", description = "Kernel bandwidth of --histogram kde, in units of the sigmoid output (default: ${DEFAULT-VALUE}).")
    double bandwidth;

    @Option(names = "--epochs", defaultValue = "20", description = "Maximum number of epochs (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(paramLabel = "N", names = "--batch-size", defaultValue = "500", description = "Events of each process per batch (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(names = "--patience", defaultValue = "10",
            description = "Stop after this many epochs without a lower validation objective (default: ${DEFAULT-VALUE}).")
    int patience;

    /** Parsed from the options once, at the start of call(). */
    private Objective objective;
    private SoftHistogram histogram;

    @Override
    public Integer call() throws IOException {
        options.validate(epochs, batchSize, patience);
        Checks.positive("--temperature", temperature);
        if (bins < 2 || bins > 10_000) throw new InputException.BadOption("--bins", "--bins must lie in 2..10000, got " + bins);
        if (!(mu > 0) || !Double.isFinite(mu)) throw new InputException("--mu must be positive and finite, got " + mu);
        objective = Objective.parse(objectiveName);
        histogram = SoftHistogram.parse(histogramKind, bins, temperature, bandwidth);
        if (objective == Objective.BCE && !histogram.kind().equals("kde")) {
            throw new InputException("--objective bce needs --histogram kde: cross-entropy needs the one (sigmoid) output of a kde network");
        }

        Analysis analysis = Analysis.read(target.analysisFile);
        FisherLayout layout = FisherLayout.of(analysis, target.benchmark);
        ProcessShards data = ProcessShards.open(options, analysis, target.analysisFile);
        TrainingShards shards = data.shards();
        int[][] trainSizes = data.trainSizes();
        double[] mean = data.mean(), std = data.std();
        NetworkSpec draft = spec(data.features(), mean, std, 0, 0, Double.NaN);
        Function<Integer, InfernoData> train = shards.prepared(Split.TRAIN, s -> new InfernoData(draft, s, analysis, layout));
        Function<Integer, InfernoData> validation = shards.prepared(Split.VALIDATION, s -> new InfernoData(draft, s, analysis, layout));
        long steps = data.steps(batchSize);
        ProfiledObjective figure = new ProfiledObjective(analysis, target.benchmark, layout, objective, mu);

        Engine.getInstance().setRandomSeed((int) (options.seed ^ (options.seed >>> 32)));
        Block block = Networks.mlp(options.hidden, options.activation, histogram.outputs());
        History history = new History();
        try (Model model = Model.newInstance("neos", org.infera.nn.Devices.resolve(options.device))) {
            model.setBlock(block);
            // the objective is computed outside DJL's Loss interface; the trainer only steps the optimiser
            DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.l2Loss())
                    .optInitializer(new XavierInitializer(), Parameter.Type.WEIGHT)
                    .optOptimizer(Optimizer.adam().optLearningRateTracker(Tracker.fixed((float) options.learningRate)).build());
            try (Trainer trainer = model.newTrainer(config)) {
                trainer.initialize(new Shape(batchSize, mean.length));
                double[][] startYields;
                double start;
                try (NDManager m = trainer.getManager().newSubManager()) {
                    ValidationHistograms v = validate(m, trainer, shards, validation, analysis);
                    startYields = SoftYields.of(v.soft(), layout, analysis).rows();
                    start = hardValue(figure, v, layout, analysis);
                }
                Rng rng = new Rng(Rng.derivedSeed(options.seed, 1));
                EarlyStopping stopping = new EarlyStopping(patience, block);
                String what = objective.label() + (objective == Objective.CLS ? " at μ = " + mu : "");
                try (Progress progress = new Progress("train neos (" + what + ", BM" + target.benchmark + ")", epochs * steps, "batches")) {
                    progress.message(String.format("before training: validation %s %.5g", objective.label(), start));
                    for (int epoch = 1; epoch <= epochs; epoch++) {
                        long t0 = System.nanoTime();
                        double[] trainValue = trainEpoch(trainer, shards, train, trainSizes, figure, layout, analysis, rng, progress);
                        double validationValue, validationSoft;
                        try (NDManager m = trainer.getManager().newSubManager()) {
                            ValidationHistograms v = validate(m, trainer, shards, validation, analysis);
                            validationSoft = softValue(figure, v, layout, analysis);
                            validationValue = hardValue(figure, v, layout, analysis);
                        }
                        history.add(epoch, trainValue[0], validationValue);
                        progress.message(String.format("epoch %d: train %s %.5g, validation %.5g (hard bins; soft %.5g) (%.3f s, of which fits %.3f s)",
                                epoch, objective.label(), trainValue[0], validationValue, validationSoft, (System.nanoTime() - t0) / 1e9, trainValue[1]));
                        if (stopping.update(epoch, validationValue)) {
                            progress.message("early stopping: no improvement for " + patience + " epochs, best epoch " + stopping.bestEpoch());
                            break;
                        }
                    }
                }
                stopping.restoreBest();
                double[][] endYields;
                try (NDManager m = trainer.getManager().newSubManager()) {
                    endYields = SoftYields.of(validate(m, trainer, shards, validation, analysis).soft(), layout, analysis).rows();
                }
                NetworkSpec spec = spec(draft.features(), mean, std, history.size(), stopping.bestEpoch(), stopping.bestLoss());
                TrainedNetwork.save(options.out, spec, block, dir -> {
                    history.write(dir.resolve(TrainedNetwork.HISTORY));
                    history.plot(dir.resolve("history.png"), "neos (benchmark " + target.benchmark + "): " + what + " with soft bins",
                            objective.label(), v -> v);
                    NeosPlots.histograms(dir.resolve("histograms.png"), analysis, layout, startYields, endYields);
                    if (mean.length == 2) NeosPlots.outputPlane(dir.resolve("output_plane.png"), trainer, spec);
                });
                System.err.printf("infera-train: validation %s %.5g before training, best %.5g (hard bins, as the fit sees them) at epoch %d of %d; model written to %s%n",
                        objective.label(), start, stopping.bestLoss(), stopping.bestEpoch(), history.size(), options.out);
            }
        }
        return 0;
    }

    /** One epoch over the shards in a random order; returns {mean objective over the batches, seconds spent in the profile fits}. */
    private double[] trainEpoch(Trainer trainer, TrainingShards shards, Function<Integer, InfernoData> prepared, int[][] sizes,
                                ProfiledObjective figure, FisherLayout layout, Analysis analysis, Rng rng, Progress progress) {
        double[] sums = new double[3];    // objective, batches used, fit seconds
        for (int shard : shards.shardOrder(rng)) {
            InfernoData data = prepared.apply(shard);
            trainShard(trainer, data, data.shuffledOrders(rng), InfernoData.steps(sizes[shard], batchSize), figure, layout, analysis, sums, progress);
        }
        return new double[] {sums[1] > 0 ? sums[0] / sums[1] : Double.NaN, sums[2]};
    }

    private void trainShard(Trainer trainer, InfernoData data, int[][] orders, int steps, ProfiledObjective figure, FisherLayout layout,
                            Analysis analysis, double[] sums, Progress progress) {
        for (int b = 0; b < steps; b++) {
            boolean stepped = false;
            try (NDManager m = trainer.getManager().newSubManager()) {
                NDList x = data.batch(m, orders, b, batchSize);
                try (GradientCollector gc = trainer.newGradientCollector()) {
                    NDList outputs = data.splitBatch(trainer.forward(x).singletonOrThrow());
                    long t0 = System.nanoTime();
                    ProfiledObjective.Evaluation e = evaluate(figure, outputs, layout, analysis);
                    sums[2] += (System.nanoTime() - t0) / 1e9;
                    if (Double.isFinite(e.value()) && e.converged()) {
                        gc.backward(e.differentiable());
                        if (Gradients.finite(trainer)) {
                            sums[0] += e.value();
                            sums[1]++;
                            stepped = true;
                        }
                    }
                }
                if (stepped) trainer.step();
                else Gradients.clear(trainer);   // a batch whose fit or gradient failed: no step rather than NaN weights
            }
            progress.step(1);
        }
    }

    private NDList softHistograms(NDList outputs) {
        NDList out = new NDList();
        for (NDArray z : outputs) out.add(histogram.of(z));
        return out;
    }

    private NetworkSpec spec(List<String> features, double[] mean, double[] std, int epochsRun, int bestEpoch, double bestLoss) {
        boolean kde = histogram.kind().equals("kde");
        return new NetworkSpec("neos", features, mean, std, options.hidden, options.activation, histogram.outputs(), options.seed,
                epochsRun, bestEpoch, bestLoss, Engine.getDjlVersion(), kde ? null : temperature, target.benchmark, histogram.kind(),
                kde ? bandwidth : null, bins);
    }

    /** The objective of one set of outputs (one array per group): profiled through the fit, or the cross-entropy. */
    private ProfiledObjective.Evaluation evaluate(ProfiledObjective figure, NDList outputs, FisherLayout layout, Analysis analysis) {
        if (objective == Objective.BCE) return CrossEntropy.evaluate(outputs, layout, analysis);
        return figure.evaluate(SoftYields.of(softHistograms(outputs), layout, analysis));
    }

    /** The validation objective with soft bins (what training minimises). */
    private double softValue(ProfiledObjective figure, ValidationHistograms v, FisherLayout layout, Analysis analysis) {
        if (objective == Objective.BCE) return CrossEntropy.ofGroupMeans(v.crossEntropy(), layout, analysis).value();
        return figure.evaluate(SoftYields.of(v.soft(), layout, analysis)).value();
    }

    /** The validation objective with hard bins, as the fit step will bin the statistic: what early stopping selects on. */
    private double hardValue(ProfiledObjective figure, ValidationHistograms v, FisherLayout layout, Analysis analysis) {
        if (objective == Objective.BCE) return CrossEntropy.ofGroupMeans(v.crossEntropy(), layout, analysis).value();
        return figure.evaluate(SoftYields.of(v.hard(), layout, analysis)).value();
    }

    private ValidationHistograms validate(NDManager m, Trainer trainer, TrainingShards shards, Function<Integer, InfernoData> validation,
                                          Analysis analysis) {
        return ValidationHistograms.of(m, trainer, shards, validation, histogram, analysis.signalIndex());
    }
}
