package org.infera.fit.histfactory;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.infera.core.cli.InputException;
import org.infera.core.cli.VersionProvider;
import org.infera.core.histfactory.infer.Likelihood;
import org.infera.core.histfactory.infer.ProfileScan;
import org.infera.core.histfactory.model.Model;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "scan",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Profile-likelihood scan of one parameter on the observed data: ΔNLL at each point with every "
                    + "other free parameter refitted, and the MINOS-like 68.3%% interval (ΔNLL = 0.5 crossings). "
                    + "Prints JSON; --plot draws the curve.",
            "Exit codes: 0 done, 2 bad input, 3 a fit did not converge."
        })
public final class ScanCommand implements Callable<Integer> {
    @Mixin
    WorkspaceOptions options;

    @Option(
            names = "--parameter",
            paramLabel = "NAME",
            description = "Parameter to scan (default: the POI); per-bin ones as name[i].")
    String parameter;

    @Option(
            names = "--range",
            required = true,
            paramLabel = "LO:HI:N",
            description = "N points from LO to HI, e.g. 0:3:61.")
    String range;

    @Option(names = "--plot", paramLabel = "FILE.png", description = "Also draw ΔNLL against the parameter.")
    Path plot;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        double[] values = parseRange(range);
        Model m = options.model();
        int index = parameter == null ? m.poi() : m.parameterNames().indexOf(parameter);
        if (index < 0)
            throw new InputException("--parameter '" + parameter + "' is not a parameter of the model (parameters: "
                    + m.parameterNames() + ")");
        String name = m.parameterNames().get(index);
        ProfileScan scan = new ProfileScan(new Likelihood(m, options.observed()), index);
        double[] dnll = scan.scan(values);
        double step = Math.sqrt(Math.max(scan.best().covariance()[index][index], 1e-12));
        ProfileScan.Interval interval =
                scan.interval(0.5, Double.isFinite(step) ? step : 0.1 * (values[values.length - 1] - values[0]));
        ObjectNode out = Json.object();
        out.put("parameter", name);
        out.put("best", interval.best());
        ArrayNode points = out.putArray("points");
        for (int i = 0; i < values.length; i++) {
            ObjectNode p = points.addObject();
            p.put("value", values[i]);
            p.put("delta_nll", dnll[i]);
            p.put("twice_delta_nll", 2 * dnll[i]);
        }
        ObjectNode in = out.putObject("interval_68");
        in.put("lower", interval.lower());
        in.put("upper", interval.upper());
        in.put("lower_at_bound", interval.lowerAtBound());
        in.put("upper_at_bound", interval.upperAtBound());
        out.put("converged", scan.converged());
        if (plot != null) ProfilePlot.write(plot, name, values, dnll, interval);
        Json.print(spec.commandLine().getOut(), out);
        return FitStatus.exitCode(scan.converged(), "scan", spec.commandLine().getErr());
    }

    public static double[] parseRange(String range) {
        return parseRange("--range", range);
    }

    /** The most points of one range: more is a typo, and would take hours. */
    public static final int MAX_POINTS = org.infera.core.cli.Checks.MAX_RANGE_POINTS;

    /** LO:HI:N as N equally spaced values; errors name {@code option}. */
    public static double[] parseRange(String option, String range) {
        return org.infera.core.cli.Checks.range(option, range);
    }
}
