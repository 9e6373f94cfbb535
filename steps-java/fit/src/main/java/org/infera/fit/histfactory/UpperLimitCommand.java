package org.infera.fit.histfactory;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.infera.core.cli.InputException;
import org.infera.core.cli.VersionProvider;
import org.infera.core.data.ToyShardFile;
import org.infera.core.histfactory.infer.AsymptoticCalculator;
import org.infera.core.histfactory.infer.TestStatistic;
import org.infera.core.histfactory.infer.UpperLimit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "upper-limit",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Upper limit on the POI where CLs (q̃, asymptotic) falls to the level: observed and expected "
                    + "(−2σ…+2σ), by root finding to 1e-10 relative. Prints JSON {\"obs\": …, \"exp\": […]}.",
            "With --calculator toys --toys N --seed S: CLs from pseudo-experiments on a grid of POI values (--scan), "
                    + "the limit interpolated linearly where CLs crosses the level (as pyhf's linear grid scan), "
                    + "with Monte Carlo errors; --toy-range FIRST:COUNT --out SHARD.h5 computes one shard.",
            "Exit codes: 0 done, 2 bad input, 3 a fit did not converge or a limit lies beyond the POI's upper bound "
                    + "(null)."
        })
public final class UpperLimitCommand implements Callable<Integer> {
    @Mixin
    WorkspaceOptions options;

    @Mixin
    ToyOptions toyOptions;

    @Option(
            names = "--scan",
            paramLabel = "LO:HI:N",
            description = "With --calculator toys: the N POI values LO … HI (evenly spaced) at which CLs is computed "
                    + "(default: 20 values up to 1.5 times the largest asymptotic limit).")
    String scan;

    @Option(names = "--level", defaultValue = "0.05", description = "CLs level (default: ${DEFAULT-VALUE}, 95%% CL).")
    double level;

    @Option(
            names = "--plot",
            paramLabel = "FILE.png",
            description = "Also draw CLs against the POI with the expected band.")
    Path plot;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (!(level > 0 && level < 1)) throw new InputException("--level must be in (0, 1), got " + level);
        if (toyOptions.toyBased()) {
            if (plot != null) throw new InputException.BadOption("--plot", "--plot needs --calculator asymptotics");
            double[] grid = ToyScan.grid(scan, options);
            ToyShardFile run = ToyRuns.compute(options, toyOptions, TestStatistic.QTILDE, grid, "upper-limit", level);
            return ToyRuns.print(run, toyOptions, "upper-limit", spec.commandLine());
        }
        if (scan != null) throw new InputException.BadOption("--scan", "--scan needs --calculator toys");
        AsymptoticCalculator calc = new AsymptoticCalculator(options.model(), options.observed(), TestStatistic.QTILDE);
        UpperLimit.Limits limits = UpperLimit.compute(calc, level);
        ObjectNode out = Json.object();
        out.put("poi", options.model().poiName());
        out.put("level", level);
        putOrNull(out, "obs", limits.observed());
        Json.numbers(out.putArray("exp"), limits.expected());
        out.put("cls_evaluations", limits.evaluations());
        out.put("converged", limits.converged());
        if (limits.problem() != null) out.put("problem", limits.problem());
        if (plot != null) ClsPlot.write(plot, calc, limits, level);
        Json.print(spec.commandLine().getOut(), out);
        return FitStatus.exitCode(
                limits.converged(),
                "upper-limit",
                String.valueOf(limits.problem()),
                spec.commandLine().getErr());
    }

    private static void putOrNull(ObjectNode node, String key, double v) {
        if (Double.isFinite(v)) node.put(key, v);
        else node.putNull(key);
    }
}
