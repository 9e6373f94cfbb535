package org.infera.train.classifier;

import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.util.concurrent.Callable;
import org.infera.core.cli.StepMain;
import org.infera.core.cli.VersionProvider;
import org.infera.nn.train.TrainingLoop;
import org.infera.train.MlpOptions;
import org.infera.train.ResidentOptions;
import org.infera.train.TrainingOptions;
import org.infera.train.TrainingShards;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "classifier", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Trains a cross-entropy classifier of signal against all backgrounds (the usual HEP baseline): "
                + "an MLP on standardised features, classes balanced, Adam, early stopping on the validation loss "
                + "that restores the best weights.")
public final class ClassifierCommand implements Callable<Integer> {
    @Mixin
    TrainingOptions options;

    @Mixin
    MlpOptions mlp;

    @Mixin
    ResidentOptions resident;

    @Option(names = "--epochs", defaultValue = "50", description = "Maximum number of epochs (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(paramLabel = "N", names = "--batch-size", defaultValue = "256",
            description = "Events per batch (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(names = "--patience", defaultValue = "5",
            description = "Stop after this many epochs without a lower validation loss (default: ${DEFAULT-VALUE}).")
    int patience;

    public static void main(String[] args) {
        StepMain.main(new ClassifierCommand(), args);
    }

    @Override
    public Integer call() {
        options.validate(epochs, batchSize, patience);
        mlp.validate();
        TrainingShards shards = resident.shards(options.samples);
        ClassifierObjective objective = new ClassifierObjective(options.seed, mlp, shards, batchSize);
        Optimizer adam = Optimizer.adam().optLearningRateTracker(Tracker.fixed((float) options.learningRate)).build();
        TrainingLoop.run(options.settings(mlp, 1, objective.features(), batchSize, epochs, patience, adam), objective);
        return 0;
    }
}
