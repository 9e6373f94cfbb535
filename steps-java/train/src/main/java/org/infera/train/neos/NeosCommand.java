package org.infera.train.neos;

import ai.djl.engine.Engine;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.io.IOException;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.infera.core.analysis.Analysis;
import org.infera.core.cli.InputException;
import org.infera.core.cli.VersionProvider;
import org.infera.core.data.Split;
import org.infera.nn.NetworkSpec;
import org.infera.nn.train.TrainingLoop;
import org.infera.train.ProfiledOptions;
import org.infera.train.TrainingDefaults;
import org.infera.train.TrainingOptions;
import org.infera.train.TrainingShards;
import org.infera.train.inferno.InfernoData;
import org.infera.train.inferno.ProcessShards;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "neos",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        defaultValueProvider = TrainingDefaults.class,
        description = "Trains a neos summary statistic (Simpson & Heinrich 2021): an MLP with softmax outputs "
                + "(temperature τ) as soft bins, trained for the figure of merit of the final fit: by default the "
                + "expected CLs at --mu on background-only Asimov data of the HistFactory model the fit step uses "
                + "(normfactor on the signal, a histosys per nuisance the benchmark floats, with its constraint), "
                + "nuisances profiled. The profile fit runs in the fit engine, outside autodiff; by the envelope "
                + "theorem "
                + "the gradient is the partial gradient at the fitted nuisances. --objective discovery (expected p₀) "
                + "and "
                + "sigma (σ_μ from the inverse Fisher information) and bce (cross-entropy on a kde network's output) "
                + "are "
                + "there for comparison; 'infera-train classifier' is the usual cross-entropy baseline.")
public final class NeosCommand implements Callable<Integer> {
    @Mixin
    TrainingOptions options;

    @Mixin
    ProfiledOptions profiled;

    @Option(
            paramLabel = "cls|discovery|sigma",
            names = "--objective",
            defaultValue = "cls",
            description = "cls, discovery, sigma or bce (with --histogram kde) (default: ${DEFAULT-VALUE}).")
    String objectiveName;

    @Option(
            names = "--mu",
            defaultValue = "1",
            description = "Signal strength tested by the CLs objective (default: ${DEFAULT-VALUE}).")
    double mu;

    @Option(
            paramLabel = "softmax|kde",
            names = "--histogram",
            defaultValue = "softmax",
            description = "softmax (one output per bin) or kde (one sigmoid output, a Gaussian kernel integrated over "
                    + "equal-width bins of [0, 1]) (default: ${DEFAULT-VALUE}).")
    String histogramKind;

    @Option(
            names = "--bandwidth",
            defaultValue = "0.05",
            description =
                    "Kernel bandwidth of --histogram kde, in units of the sigmoid output (default: ${DEFAULT-VALUE}).")
    double bandwidth;

    @Override
    public Integer call() throws IOException {
        options.validate();
        if (!(mu > 0) || !Double.isFinite(mu))
            throw new InputException.BadOption("--mu", "--mu must be positive and finite, got " + mu);
        FigureOfMerit merit = FigureOfMerit.parse(objectiveName);
        SoftHistogram histogram =
                SoftHistogram.parse(histogramKind, profiled.soft.bins, profiled.soft.temperature, bandwidth);
        boolean kde = histogram.kind().equals("kde");
        if (merit == FigureOfMerit.BCE && !kde) {
            throw new InputException.BadOption(
                    "--objective",
                    "--objective bce needs --histogram kde: cross-entropy needs "
                            + "the one (sigmoid) output of a kde network");
        }
        Analysis analysis = Analysis.read(profiled.target.analysisFile);
        NeosFigure figure = NeosFigure.of(merit, histogram, analysis, profiled.target.benchmark, mu);
        ProcessShards data = ProcessShards.open(profiled.shards(options), analysis, profiled.target.analysisFile);
        TrainingShards shards = data.shards();
        NetworkSpec draft = new NetworkSpec(
                "neos",
                data.features(),
                data.mean(),
                data.std(),
                options.mlp.hidden,
                options.mlp.activation,
                histogram.outputs(),
                options.seed(),
                0,
                0,
                Double.NaN,
                Engine.getDjlVersion(),
                kde ? null : profiled.soft.temperature,
                profiled.target.benchmark,
                histogram.kind(),
                kde ? bandwidth : null,
                profiled.soft.bins);
        Function<Integer, InfernoData> train =
                shards.prepared(Split.TRAIN, s -> new InfernoData(draft, s, analysis, figure.layout()));
        Function<Integer, InfernoData> validation =
                shards.prepared(Split.VALIDATION, s -> new InfernoData(draft, s, analysis, figure.layout()));
        NeosObjective objective = new NeosObjective(figure, options.epoch.batchSize, data, draft, train, validation);
        Optimizer adam = Optimizer.adam()
                .optLearningRateTracker(Tracker.fixed((float) options.learningRate))
                .build();
        TrainingLoop.run(options.settings(histogram.outputs(), draft.mean().length, adam), objective);
        return 0;
    }
}
