package org.infera.train.sally;

import ai.djl.engine.Engine;
import java.util.List;
import java.util.concurrent.Callable;
import org.infera.core.cli.Checks;
import org.infera.core.cli.VersionProvider;
import org.infera.core.data.ScoreSamplesFile;
import org.infera.core.data.Split;
import org.infera.nn.NetworkSpec;
import org.infera.nn.Standardisation;
import org.infera.nn.train.TrainingLoop;
import org.infera.train.MadMinerOptimizer;
import org.infera.train.TrainingDefaults;
import org.infera.train.TrainingOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(
        name = "sally",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        defaultValueProvider = TrainingDefaults.class,
        description =
                "Trains SALLY (Brehmer, Cranmer, Louppe & Pavez 2018): an MLP regressing the joint score t(x, z | θ) "
                        + "of score samples (infera-augment score) on the observables, with the mean squared error; "
                        + "its "
                        + "minimiser is the score t(x | θ) itself. Inputs standardised, Adam with the AMSGrad "
                        + "correction (as "
                        + "MadMiner), the learning rate decaying exponentially from --learning-rate to "
                        + "--final-learning-rate over "
                        + "the epochs, early stopping that restores the best epoch's weights.")
public final class SallyCommand implements Callable<Integer> {
    @Mixin
    TrainingOptions options;

    @Mixin
    MadMinerOptimizer optimizer;

    @Override
    public Integer call() {
        options.validate();
        Checks.positive("--patience", options.epoch.patience);
        optimizer.validate();
        ScoreSamplesFile file = ScoreSamplesFile.readAll(options.samples);
        double[][] x = file.splits().get(Split.TRAIN).x();
        double[] mean = Standardisation.mean(x);
        int params = file.parameters().length;
        NetworkSpec draft = new NetworkSpec(
                "sally",
                List.of(file.observables()),
                mean,
                Standardisation.std(x, mean),
                options.mlp.hidden,
                options.mlp.activation,
                params,
                options.seed(),
                0,
                0,
                Double.NaN,
                Engine.getDjlVersion(),
                null,
                null);
        SallyObjective objective = SallyObjective.of(file, draft, options.epoch.batchSize);
        TrainingLoop.run(
                options.settings(params, mean.length, optimizer.build(options, objective.batchesPerEpoch())),
                objective);
        return 0;
    }
}
