package org.infera.train;

import org.infera.core.cli.StepMain;
import org.infera.core.cli.VersionProvider;
import picocli.CommandLine.Command;

@Command(
        name = "infera-train",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        subcommands = {
            org.infera.train.classifier.ClassifierCommand.class,
            org.infera.train.inferno.InfernoCommand.class,
            org.infera.train.neos.NeosCommand.class,
            org.infera.train.pivot.PivotCommand.class,
            org.infera.train.sally.SallyCommand.class,
            org.infera.train.ratio.RatioCommand.class,
            org.infera.nn.EngineCommand.class
        },
        description = "Trains a summary statistic on a samples file with DJL (PyTorch engine) and writes a model "
                + "directory: model.json, weights.params, model.onnx, history.csv. One sub-command per kind of "
                + "statistic.")
public final class TrainCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        StepMain.main(new TrainCommand(), args);
    }

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(
                spec.commandLine(),
                "a sub-command is required: "
                        + String.join(", ", spec.subcommands().keySet())
                        + " (infera-train SUBCOMMAND --help for each)");
    }
}
