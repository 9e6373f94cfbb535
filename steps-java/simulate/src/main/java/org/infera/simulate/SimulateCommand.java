package org.infera.simulate;

import org.infera.core.cli.StepMain;
import org.infera.core.cli.VersionProvider;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(
        name = "infera-simulate",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        subcommands = {
            InfernoPaperCommand.class,
            NeosBlobsCommand.class,
            EftToyCommand.class,
            GaussianToyCommand.class,
            GaussianToyRatioCommand.class,
            ImportCommand.class,
            ValidateCommand.class,
            SeedCommand.class
        },
        description = "Events for the pipeline (HDF5, see docs/data-contract.md): simulated by a built-in model (one "
                + "sub-command each), imported from another generator's CSV (import), or another generator's files "
                + "checked (validate).")
public final class SimulateCommand implements Runnable {
    @Spec
    CommandSpec spec;

    public static void main(String[] args) {
        StepMain.main(new SimulateCommand(), args);
    }

    @Override
    public void run() {
        throw new ParameterException(
                spec.commandLine(),
                "a sub-command is required: "
                        + String.join(", ", spec.subcommands().keySet())
                        + " (infera-simulate SUBCOMMAND --help for each)");
    }
}
