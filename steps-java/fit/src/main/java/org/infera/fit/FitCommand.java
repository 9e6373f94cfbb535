package org.infera.fit;

import org.infera.core.cli.StepMain;
import org.infera.core.cli.VersionProvider;
import org.infera.fit.binned.BenchmarksCommand;
import org.infera.fit.coverage.CoverageCommand;
import org.infera.fit.histfactory.HypotestCommand;
import org.infera.fit.histfactory.MleCommand;
import org.infera.fit.histfactory.ScanCommand;
import org.infera.fit.histfactory.ToysMergeCommand;
import org.infera.fit.histfactory.UpperLimitCommand;
import org.infera.fit.score.FisherCommand;
import org.infera.fit.score.SallySummaryCommand;
import org.infera.fit.score.ScoreLimitsCommand;
import picocli.CommandLine.Command;

@Command(
        name = "infera-fit",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        subcommands = {
            BenchmarksCommand.class,
            FisherCommand.class,
            ScoreLimitsCommand.class,
            SallySummaryCommand.class,
            HypotestCommand.class,
            UpperLimitCommand.class,
            MleCommand.class,
            ScanCommand.class,
            // fit diagnostics (issue 18)
            org.infera.fit.diagnostics.PullsCommand.class,
            org.infera.fit.diagnostics.CorrelationsCommand.class,
            org.infera.fit.diagnostics.GofCommand.class,
            org.infera.fit.diagnostics.ImpactsCommand.class,
            org.infera.fit.diagnostics.ImpactsMergeCommand.class,
            org.infera.fit.diagnostics.YieldsCommand.class,
            org.infera.fit.diagnostics.Scan2dCommand.class,
            org.infera.fit.diagnostics.PseudoDataCommand.class,
            org.infera.fit.diagnostics.DiagnosticsCommand.class,
            // toy-based inference (issue 18)
            ToysMergeCommand.class,
            // coverage (issue 18)
            CoverageCommand.class
        },
        description = "Statistical inference: HistFactory workspaces in pyhf's JSON format (hypotest, upper-limit, "
                + "fit, scan, toys-merge) and the benchmark table of binned summary statistics (benchmarks).")
public final class FitCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        StepMain.main(new FitCommand(), args);
    }

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(
                spec.commandLine(),
                "a sub-command is required: "
                        + String.join(", ", spec.subcommands().keySet()) + " (infera-fit SUBCOMMAND --help for each)");
    }
}
