package org.infera.train.pivot;

import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.infera.core.analysis.Analysis;
import org.infera.core.cli.Checks;
import org.infera.core.cli.InputException;
import org.infera.core.cli.VersionProvider;
import org.infera.core.data.Split;
import org.infera.core.random.Rng;
import org.infera.nn.NetworkSpec;
import org.infera.nn.Networks;
import org.infera.nn.train.TrainingLoop;
import org.infera.train.ResidentOptions;
import org.infera.train.TrainingDefaults;
import org.infera.train.TrainingOptions;
import org.infera.train.TrainingShards;
import org.infera.train.classifier.Batches;
import org.infera.train.classifier.ClassifierObjective;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "pivot",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        defaultValueProvider = TrainingDefaults.class,
        description = "Trains a pivot (Louppe, Kagan & Cranmer 2017): the cross-entropy classifier of signal against "
                + "all backgrounds, made independent of the analysis's nuisances by an adversary that predicts their "
                + "values from the classifier's output. Each event is moved to nuisance values drawn from a Gaussian "
                + "prior (nominal ± (up − down)/2, truncated at 3σ) with the analysis's effects; the classifier "
                + "minimises its loss minus λ times the adversary's mean squared error. Schedule of LUMIN's "
                + "PivotTraining: the classifier alone, the adversary alone, then alternating steps. Writes "
                + "pivot.json: a fresh adversary's validation loss on the final classifier against its "
                + "no-information value.")
public final class PivotCommand implements Callable<Integer> {
    @Mixin
    TrainingOptions options;

    @Mixin
    ResidentOptions resident;

    @Option(
            paramLabel = "analysis.json",
            names = "--analysis",
            required = true,
            description = "Analysis definition (JSON): its nuisances and their effects make the prior's events.")
    Path analysisFile;

    @Option(
            names = "--lambda",
            paramLabel = "λ",
            defaultValue = "1000",
            description = "Weight of the adversary's loss in the classifier's, L_f − λ L_r; 0 trains the plain "
                    + "classifier on the same events (default: ${DEFAULT-VALUE}).")
    double lambda;

    @Option(
            names = "--pretrain-epochs",
            paramLabel = "N",
            defaultValue = "2",
            description = "Epochs of the classifier alone, then as many of the adversary alone, before they "
                    + "alternate (default: ${DEFAULT-VALUE}).")
    int pretrainEpochs;

    @Option(
            names = "--adversary-steps",
            paramLabel = "K",
            defaultValue = "20",
            description = "Steps of the adversary before each step of the classifier (default: ${DEFAULT-VALUE}).")
    int adversarySteps;

    @Option(
            names = "--adversary-hidden",
            split = ",",
            paramLabel = "<units>",
            defaultValue = "50,50",
            description = "Hidden layer sizes of the adversary, an MLP (default: ${DEFAULT-VALUE}).")
    List<Integer> adversaryHidden;

    @Option(
            names = "--adversary-activation",
            paramLabel = "relu|tanh",
            defaultValue = "relu",
            description = "Hidden units of the running adversary: relu, or tanh (which cannot go flat in its input "
                    + "as a ReLU adversary can). The check's fresh adversary is always ReLU "
                    + "(default: ${DEFAULT-VALUE}).")
    String adversaryActivation;

    /** The most a λ can be: beyond it the adversary's term swamps the cross-entropy in float32. */
    static final double MAX_LAMBDA = 1e6;

    @Override
    public Integer call() {
        options.validate();
        if (!(lambda >= 0 && lambda <= MAX_LAMBDA)) {
            throw new InputException.BadOption(
                    "--lambda", "--lambda must lie in [0, " + MAX_LAMBDA + "], got " + lambda);
        }
        Checks.nonNegative("--pretrain-epochs", pretrainEpochs);
        if (pretrainEpochs > 1000) {
            throw new InputException.BadOption(
                    "--pretrain-epochs", "--pretrain-epochs must be at most 1000, got " + pretrainEpochs);
        }
        Checks.count("--adversary-steps", adversarySteps, 100);
        for (int h : adversaryHidden) Checks.count("--adversary-hidden", h, NetworkSpec.MAX_UNITS);
        if (!Networks.ACTIVATIONS.contains(adversaryActivation)) {
            throw new InputException.BadOption(
                    "--adversary-activation",
                    "--adversary-activation must be relu or tanh, got '" + adversaryActivation + "'");
        }
        Analysis analysis = Analysis.read(analysisFile);
        TrainingShards shards = resident.shards(options.samples);
        analysis.requireMatches(shards.run().features(), shards.run().processes(), shards.path(0), analysisFile);
        NuisancePrior prior = NuisancePrior.of(analysis, analysisFile);
        NetworkSpec draft = ClassifierObjective.draft("pivot", options.seed.seed, options.mlp, shards);
        long seed = options.seed.seed;
        int batchSize = options.epoch.batchSize;
        PivotObjective.Schedule schedule = new PivotObjective.Schedule(
                lambda, pretrainEpochs, adversarySteps, adversaryHidden, adversaryActivation, options.learningRate);
        try (PivotObjective objective = new PivotObjective(
                draft,
                shards,
                prior,
                schedule,
                batchSize,
                prepared(shards, Split.TRAIN, draft, prior, seed, batchSize),
                prepared(shards, Split.VALIDATION, draft, prior, seed, ClassifierObjective.VALIDATION_BATCH))) {
            Optimizer adam = Optimizer.adam()
                    .optLearningRateTracker(Tracker.fixed((float) options.learningRate))
                    .build();
            TrainingLoop.run(options.settings(1, draft.mean().length, adam), objective);
        }
        return 0;
    }

    /** Each shard's events of a split at nuisance values drawn from the prior, with a seed of their own. */
    private static java.util.function.Function<Integer, Batches> prepared(
            TrainingShards shards, Split split, NetworkSpec draft, NuisancePrior prior, long seed, int batchSize) {
        long splitSeed = Rng.derivedSeed(seed, 2 + split.ordinal());
        return ClassifierObjective.batches(shards, split, (shard, sample, events, signal) -> {
            NuisancePrior.Drawn drawn = prior.draw(sample, new Rng(Rng.derivedSeed(splitSeed, shard)));
            return new Batches(draft, drawn.sample(), batchSize, events, signal, drawn.targets());
        });
    }
}
