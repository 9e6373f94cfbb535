package org.infera.train.classifier;

import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.util.concurrent.Callable;
import org.infera.core.cli.StepMain;
import org.infera.core.cli.VersionProvider;
import org.infera.nn.train.TrainingLoop;
import org.infera.train.ResidentOptions;
import org.infera.train.TrainingDefaults;
import org.infera.train.TrainingOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(
        name = "classifier",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        defaultValueProvider = TrainingDefaults.class,
        description = "Trains a cross-entropy classifier of signal against all backgrounds (the usual HEP baseline): "
                + "an MLP on standardised features, classes balanced, Adam, early stopping on the validation loss "
                + "that restores the best weights.")
public final class ClassifierCommand implements Callable<Integer> {
    @Mixin
    TrainingOptions options;

    @Mixin
    ResidentOptions resident;

    public static void main(String[] args) {
        StepMain.main(new ClassifierCommand(), args);
    }

    @Override
    public Integer call() {
        options.validate();
        ClassifierObjective objective = ClassifierObjective.of(
                options.seed(), options.mlp, resident.shards(options.samples), options.epoch.batchSize);
        Optimizer adam = Optimizer.adam()
                .optLearningRateTracker(Tracker.fixed((float) options.learningRate))
                .build();
        TrainingLoop.run(options.settings(1, objective.draft().mean().length, adam), objective);
        return 0;
    }
}
