package org.infera.fit.diagnostics;

import java.nio.file.Files;
import java.util.List;
import org.infera.core.cli.VersionProvider;
import org.infera.core.io.AtomicOutput;
import picocli.CommandLine.Command;

@Command(
        name = "pulls",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Post-fit pulls and constraints of every nuisance: (θ̂ − θ₀)/σ_prefit and σ_postfit/σ_prefit for "
                    + "constrained ones (Gaussian: σ; Poisson/shapesys γ: 1/√τ), θ̂ ± σ_postfit for unconstrained "
                    + "ones; errors from the inverse Hessian at the best fit. Writes pulls.csv, pulls.json and "
                    + "pulls.png.",
            "Exit codes: 0 done, 2 bad input, 3 the fit did not converge."
        })
public final class PullsCommand extends DiagnosticCommand {
    @Override
    public Integer call() {
        PostFit fit = postFit();
        List<Pulls.Row> rows = Pulls.of(fit);
        AtomicOutput.writeDirectory(out, dir -> writeInto(dir, fit, rows));
        return done(fit, "pulls");
    }

    static void writeInto(java.nio.file.Path dir, PostFit fit, List<Pulls.Row> rows) throws java.io.IOException {
        Files.writeString(dir.resolve("pulls.csv"), Pulls.csv(rows));
        Tables.writeJson(dir.resolve("pulls.json"), Pulls.document(fit, rows));
        PullPlot.write(dir.resolve("pulls.png"), rows);
    }
}
