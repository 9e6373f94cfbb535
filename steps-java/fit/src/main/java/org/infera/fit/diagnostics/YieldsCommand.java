package org.infera.fit.diagnostics;

import java.nio.file.Files;
import java.util.List;
import org.infera.core.cli.VersionProvider;
import org.infera.core.io.AtomicOutput;
import picocli.CommandLine.Command;

@Command(
        name = "yields",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Pre- and post-fit yields per channel, bin and sample with uncertainties from linear propagation of the "
                    + "covariance through the exact Jacobian of ν(θ) (post-fit: the inverse Hessian at the best fit; "
                    + "pre-fit: σ_prefit² of the constrained parameters, unconstrained ones fixed, as cabinetry). "
                    + "Writes yields.csv and prefit.png, postfit.png (stacked samples, band, data, data/model ratio, "
                    + "one column per channel).",
            "Exit codes: 0 done, 2 bad input, 3 the fit did not converge."
        })
public final class YieldsCommand extends DiagnosticCommand {
    @Override
    public Integer call() {
        PostFit fit = postFit();
        AtomicOutput.writeDirectory(out, dir -> writeInto(dir, fit));
        return done(fit, "yields");
    }

    static void writeInto(java.nio.file.Path dir, PostFit fit) throws java.io.IOException {
        List<Yields.Bin> pre = Yields.prefit(fit), post = Yields.postfit(fit);
        Files.writeString(
                dir.resolve("yields.csv"),
                Yields.CSV_HEADER + "\n" + Yields.csv("prefit", pre) + Yields.csv("postfit", post));
        YieldsPlot.write(dir.resolve("prefit.png"), "pre-fit", pre);
        YieldsPlot.write(dir.resolve("postfit.png"), "post-fit", post);
    }
}
