package org.infera.fit.diagnostics;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.infera.core.histfactory.model.Dataset;
import org.infera.fit.histfactory.FitStatus;
import org.infera.fit.histfactory.WorkspaceOptions;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * What every fit diagnostic shares: the workspace and its observed data (or the Asimov data of the inits), one
 * output directory written whole, and exit code 3 when the best fit did not converge.
 */
abstract class DiagnosticCommand implements Callable<Integer> {
    @Mixin
    WorkspaceOptions options;

    @Option(
            names = "--asimov",
            description = "Use the expected data at the initial parameter values instead of the observations.")
    boolean asimov;

    @Option(
            names = {"-o", "--out"},
            required = true,
            paramLabel = "DIR",
            description = "Output directory, written whole when complete.")
    Path out;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    PostFit postFit() {
        var m = options.model();
        Dataset data = asimov ? m.expected(m.inits()) : options.observed();
        return PostFit.of(m, data);
    }

    int done(PostFit fit, String what) {
        return FitStatus.exitCode(
                fit.best().converged(), what, spec.commandLine().getErr());
    }
}
