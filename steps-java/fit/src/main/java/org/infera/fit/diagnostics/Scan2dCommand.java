package org.infera.fit.diagnostics;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.util.List;
import org.infera.core.cli.InputException;
import org.infera.core.cli.VersionProvider;
import org.infera.core.io.AtomicOutput;
import org.infera.fit.histfactory.Json;
import org.infera.fit.histfactory.ScanCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "scan2d",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "2-D profile-likelihood scan of two parameters (the POI against a nuisance, or two normfactors) on a "
                    + "grid: Δ(−2 ln L) at each point with every other free parameter refitted, and the 68.27%% and "
                    + "95.45%% contours (Δ(−2 ln L) = 2.30 and 6.18). Writes scan2d.csv, contours.csv, "
                    + "scan2d.json (the best fit) and scan2d.png.",
            "Exit codes: 0 done, 2 bad input, 3 a fit did not converge."
        })
public final class Scan2dCommand extends DiagnosticCommand {
    @Option(names = "--x", paramLabel = "NAME", description = "Parameter along x (default: the POI).")
    String xName;

    @Option(
            names = "--y",
            required = true,
            paramLabel = "NAME",
            description = "Parameter along y (per-bin ones as name[i]).")
    String yName;

    @Option(names = "--x-range", required = true, paramLabel = "LO:HI:N", description = "Grid along x, e.g. 0:3:31.")
    String xRange;

    @Option(names = "--y-range", required = true, paramLabel = "LO:HI:N", description = "Grid along y, e.g. -2:2:31.")
    String yRange;

    /** The most grid points: each is a fit. */
    static final int MAX_POINTS = 250_000;

    @Override
    public Integer call() {
        double[] xs = ScanCommand.parseRange("--x-range", xRange), ys = ScanCommand.parseRange("--y-range", yRange);
        if ((long) xs.length * ys.length > MAX_POINTS)
            throw new InputException.BadOption(
                    "--y-range", "--x-range × --y-range has more than " + MAX_POINTS + " points (each is a fit)");
        PostFit fit = postFit();
        List<String> names = fit.names();
        int ix = index("--x", xName == null ? fit.model().poiName() : xName, names);
        int iy = index("--y", yName, names);
        if (ix == iy) throw new InputException.BadOption("--y", "--y names the same parameter as --x");
        for (int i : new int[] {ix, iy})
            if (fit.fixed(i))
                throw new InputException.BadOption(
                        i == ix ? "--x" : "--y", "parameter '" + names.get(i) + "' is fixed in the workspace");
        Scan2d.Grid grid = Scan2d.scan(fit, ix, iy, xs, ys);
        AtomicOutput.writeDirectory(out, dir -> writeInto(dir, fit, grid));
        boolean ok = fit.best().converged() && grid.converged();
        return org.infera.fit.histfactory.FitStatus.exitCode(
                ok, "scan2d", spec.commandLine().getErr());
    }

    /** scan2d.csv, contours.csv, scan2d.json and scan2d.png of a finished grid. */
    static void writeInto(java.nio.file.Path dir, PostFit fit, Scan2d.Grid grid) throws java.io.IOException {
        List<String> names = fit.names();
        int ix = grid.xIndex(), iy = grid.yIndex();
        double[] xs = grid.x(), ys = grid.y();
        double l68 = Contours.level(Contours.CL68), l95 = Contours.level(Contours.CL95);
        List<double[][]> c68 = Contours.lines(xs, ys, grid.twiceDeltaNll(), l68);
        List<double[][]> c95 = Contours.lines(xs, ys, grid.twiceDeltaNll(), l95);
        double[] best = {fit.best().values()[ix], fit.best().values()[iy]};
        ObjectNode summary = Json.object();
        summary.put("x", names.get(ix));
        summary.put("y", names.get(iy));
        summary.put("best_x", best[0]);
        summary.put("best_y", best[1]);
        summary.put("twice_nll_best", fit.best().twiceNll());
        summary.put("level_68", l68);
        summary.put("level_95", l95);
        summary.put("converged", fit.best().converged() && grid.converged());
        StringBuilder s = new StringBuilder(names.get(ix) + "," + names.get(iy) + ",twice_delta_nll\n");
        for (int a = 0; a < xs.length; a++)
            for (int b = 0; b < ys.length; b++)
                s.append(Tables.join(xs[a], ys[b], grid.twiceDeltaNll()[a][b])).append('\n');
        Files.writeString(dir.resolve("scan2d.csv"), s.toString());
        StringBuilder c = new StringBuilder("level,cl,line," + names.get(ix) + "," + names.get(iy) + "\n");
        contours(c, "68.27", c68);
        contours(c, "95.45", c95);
        Files.writeString(dir.resolve("contours.csv"), c.toString());
        Tables.writeJson(dir.resolve("scan2d.json"), summary);
        ContourPlot.write(dir.resolve("scan2d.png"), names.get(ix), names.get(iy), best, c68, c95);
    }

    private static void contours(StringBuilder c, String cl, List<double[][]> lines) {
        double level = cl.equals("68.27") ? Contours.level(Contours.CL68) : Contours.level(Contours.CL95);
        for (int k = 0; k < lines.size(); k++)
            for (int p = 0; p < lines.get(k)[0].length; p++)
                c.append(Tables.join(level, cl, k, lines.get(k)[0][p], lines.get(k)[1][p]))
                        .append('\n');
    }

    private static int index(String option, String name, List<String> names) {
        int i = names.indexOf(name);
        if (i < 0)
            throw new InputException.BadOption(
                    option,
                    option + " '" + name + "' is not a parameter of the model (parameters: "
                            + (names.size() > 20 ? names.subList(0, 20) + " ..." : names) + ")");
        return i;
    }
}
