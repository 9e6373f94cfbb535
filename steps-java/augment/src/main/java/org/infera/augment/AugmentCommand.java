package org.infera.augment;

import org.infera.core.cli.StepMain;
import org.infera.core.cli.VersionProvider;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(
        name = "infera-augment",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        subcommands = {SplitCommand.class, ScoreCommand.class, RatioCommand.class, TestCommand.class},
        description = "Turns events into the samples a statistic is trained on (HDF5, see docs/data-contract.md): "
                + "labelled, weighted train / validation / test splits of infera events (split), or, from weighted "
                + "events in MadMiner's layout, unweighted score (score), ratio (ratio) or test (test) samples.")
public final class AugmentCommand implements Runnable {
    @Spec
    CommandSpec spec;

    public static void main(String[] args) {
        StepMain.main(new AugmentCommand(), args);
    }

    @Override
    public void run() {
        throw new ParameterException(
                spec.commandLine(),
                "a sub-command is required: "
                        + String.join(", ", spec.subcommands().keySet())
                        + " (infera-augment SUBCOMMAND --help for each)");
    }
}
