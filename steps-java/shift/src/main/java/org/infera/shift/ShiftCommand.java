package org.infera.shift;

import org.infera.core.cli.StepMain;
import org.infera.core.cli.VersionProvider;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(
        name = "infera-shift",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        subcommands = {
            TemplatesCommand.class,
            ScoresCommand.class,
            LogRatiosCommand.class,
            PseudoExperimentsCommand.class
        },
        description = "Applies a trained network to events: binned templates, nominal and shifted, for the binned "
                + "statistics (templates); the estimated score of every event for the score estimators (scores); "
                + "a likelihood-ratio estimator's log r̂ of every event at every point of a θ grid (log-ratios); "
                + "event-level pseudo-experiments binned like the templates, for coverage (pseudo-experiments). "
                + "The fit step reads what this step writes and never a network.")
public final class ShiftCommand implements Runnable {
    @Spec
    CommandSpec spec;

    public static void main(String[] args) {
        StepMain.main(new ShiftCommand(), args);
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(
                spec.commandLine(),
                "a sub-command is required: "
                        + String.join(", ", spec.subcommands().keySet())
                        + " (infera-shift SUBCOMMAND --help for each)");
    }
}
