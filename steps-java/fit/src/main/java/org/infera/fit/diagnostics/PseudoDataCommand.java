package org.infera.fit.diagnostics;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.infera.core.cli.VersionProvider;
import org.infera.core.histfactory.model.Dataset;
import org.infera.core.histfactory.model.Model;
import org.infera.core.histfactory.spec.Workspace;
import org.infera.core.histfactory.spec.WorkspaceWriter;
import org.infera.core.io.AtomicOutput;
import org.infera.fit.histfactory.WorkspaceOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "pseudo-data",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Writes a copy of the workspace whose data are one pseudo-dataset of its model (as pyhf's toys: every "
                    + "main bin Poisson(ν_b(θ)), every auxiliary measurement from its constraint around θ), at the "
                    + "best fit to the workspace's data (--at bestfit) or at the inits (--at inits); the drawn "
                    + "auxiliary data go into the measurement's auxdata. Same workspace and seed, same bytes.",
            "Exit codes: 0 done, 2 bad input, 3 the best fit did not converge."
        })
public final class PseudoDataCommand implements Callable<Integer> {
    /** Where the pseudo-data are drawn. */
    enum At {
        bestfit,
        inits
    }

    @Mixin
    WorkspaceOptions options;

    @Option(names = "--seed", required = true, paramLabel = "SEED", description = "Seed of the draw.")
    long seed;

    @Option(
            names = "--at",
            defaultValue = "bestfit",
            paramLabel = "POINT",
            description = "Parameters of the draw: bestfit or inits (default: ${DEFAULT-VALUE}).")
    At at;

    @Option(
            names = {"-o", "--out"},
            required = true,
            paramLabel = "W_toy.json",
            description = "The pseudo-data workspace (pyhf's JSON format).")
    Path out;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Model m = options.model();
        PostFit fit = PostFit.of(m, options.observed());
        double[] theta = at == At.bestfit ? fit.best().values() : m.inits();
        Dataset toy = PseudoDataWorkspace.draw(m, theta, seed);
        Workspace w = PseudoDataWorkspace.of(options.workspace(), options.measurement(), m, toy);
        AtomicOutput.write(out, tmp -> WorkspaceWriter.write(w, tmp));
        boolean ok = at == At.inits || fit.best().converged();
        return org.infera.fit.histfactory.FitStatus.exitCode(
                ok, "pseudo-data", spec.commandLine().getErr());
    }
}
