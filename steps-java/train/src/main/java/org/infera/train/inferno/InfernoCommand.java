package org.infera.train.inferno;

import ai.djl.engine.Engine;
import ai.djl.training.optimizer.Optimizer;
import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.infera.core.analysis.Analysis;
import org.infera.core.cli.Checks;
import org.infera.core.cli.VersionProvider;
import org.infera.core.data.Split;
import org.infera.nn.NetworkSpec;
import org.infera.nn.train.TrainingLoop;
import org.infera.train.LearningRateDecay;
import org.infera.train.ProfiledOptions;
import org.infera.train.TrainingDefaults;
import org.infera.train.TrainingOptions;
import org.infera.train.TrainingShards;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "inferno",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        defaultValueProvider = TrainingDefaults.class,
        description = "Trains an INFERNO summary statistic (de Castro & Dorigo 2018): an MLP with softmax outputs "
                + "(temperature τ) as soft bins, trained to minimise the expected variance of the signal yield, "
                + "(I⁻¹)_ss of the Asimov Fisher information with the nuisances of one benchmark profiled and "
                + "constrained. Nuisance derivatives come from each batch's events shifted to the nuisance's up and "
                + "down "
                + "values as declared in the analysis (exact mode), or from events simulated at those values "
                + "(--shifted, approximate mode). The loss is printed as σ_s = sqrt((I⁻¹)_ss).")
public final class InfernoCommand implements Callable<Integer> {
    @Mixin
    TrainingOptions options;

    @Mixin
    ProfiledOptions profiled;

    @Option(
            names = "--shifted",
            paramLabel = "NUISANCE=UP.h5,DOWN.h5",
            description = "Approximate mode for a nuisance: events files simulated at its up and down values (e.g. by "
                    + "infera-simulate or an external generator); the nuisance's process's events there, not shifted "
                    + "copies of the nominal ones, make its up and down soft histograms. The first 80%% of each file's "
                    + "events train, the rest validate. Nuisances not named here are exact.")
    Map<String, String> shifted = new LinkedHashMap<>();

    @Option(
            names = "--learning-rate-decay",
            paramLabel = "FRACTION",
            defaultValue = "1",
            description = "The last epoch's learning rate (--epochs) as a fraction of --learning-rate, reached by "
                    + "exponential decay over the epochs as MadMiner's trainers do; 1 keeps the rate constant "
                    + "(default: ${DEFAULT-VALUE}).")
    double learningRateDecay;

    @Override
    public Integer call() throws IOException {
        options.validate();
        Checks.positiveAtMost("--learning-rate-decay", learningRateDecay, 1);
        Analysis analysis = Analysis.read(profiled.target.analysisFile);
        FisherLayout layout = FisherLayout.of(analysis, profiled.target.benchmark);
        ProcessShards data = ProcessShards.open(profiled.shards(options), analysis, profiled.target.analysisFile);
        TrainingShards shards = data.shards();
        NetworkSpec draft = new NetworkSpec(
                "inferno",
                data.features(),
                data.mean(),
                data.std(),
                options.mlp.hidden,
                options.mlp.activation,
                profiled.soft.bins,
                options.seed(),
                0,
                0,
                Double.NaN,
                Engine.getDjlVersion(),
                profiled.soft.temperature,
                profiled.target.benchmark);
        Map<Integer, double[][][]> approximateTrain = new HashMap<>(), approximateValidation = new HashMap<>();
        ShiftedEvents.load(shifted, analysis, layout, shards.run().features(), approximateTrain, approximateValidation);
        Function<Integer, InfernoData> train =
                shards.prepared(Split.TRAIN, s -> new InfernoData(draft, s, analysis, layout, approximateTrain));
        Function<Integer, InfernoData> validation = shards.prepared(
                Split.VALIDATION, s -> new InfernoData(draft, s, analysis, layout, approximateValidation));
        InfernoObjective objective = new InfernoObjective(
                data,
                new InfernoLoss(profiled.soft.temperature, layout),
                draft,
                options.epoch.batchSize,
                train,
                validation);
        Optimizer adam = Optimizer.adam()
                .optLearningRateTracker(LearningRateDecay.exponential(
                        options.learningRate,
                        options.learningRate * learningRateDecay,
                        options.epoch.epochs,
                        objective.batchesPerEpoch()))
                .build();
        TrainingLoop.run(options.settings(profiled.soft.bins, draft.mean().length, adam), objective);
        return 0;
    }
}
