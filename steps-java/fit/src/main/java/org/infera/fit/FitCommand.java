package org.infera.fit;

import org.infera.core.cli.StepMain;
import org.infera.core.cli.VersionProvider;
import picocli.CommandLine.Command;

@Command(name = "infera-fit", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        subcommands = {BenchmarksCommand.class},
        description = "Statistical inference on binned templates: Asimov Fisher information and profile-likelihood "
                + "intervals of the signal yield, with nuisance parameters profiled.")
public final class FitCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        StepMain.main(new FitCommand(), args);
    }

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "a sub-command is required (benchmarks)");
    }
}
