package org.infera.fit.histfactory;

import org.infera.core.cli.InputException;
import org.infera.core.histfactory.infer.AsymptoticCalculator;
import org.infera.core.histfactory.infer.TestStatistic;
import org.infera.core.histfactory.infer.UpperLimit;
import org.infera.core.histfactory.model.Model;

/** The POI values of a toy-based limit scan: given as LO:HI:N, or placed by the asymptotic limits. */
final class ToyScan {
    static final int DEFAULT_POINTS = 20;
    static final int MAX_POINTS = 1000;

    private ToyScan() {}

    static double[] grid(String scan, WorkspaceOptions ws) {
        Model m = ws.model();
        double lower = m.lowerBounds()[m.poi()], upper = m.upperBounds()[m.poi()];
        if (scan == null) {
            UpperLimit.Limits asymptotic =
                    UpperLimit.compute(new AsymptoticCalculator(m, ws.observed(), TestStatistic.QTILDE), 0.05);
            double hi = asymptotic.observed();
            for (double e : asymptotic.expected()) hi = Math.max(hi, e);
            if (!Double.isFinite(hi) || hi <= 0) {
                throw new InputException.BadOption(
                        "--scan",
                        "the asymptotic limits do not place a scan (" + asymptotic.problem() + "): give --scan");
            }
            hi = Math.min(upper, 1.5 * hi);
            double[] grid = new double[DEFAULT_POINTS];
            for (int k = 0; k < grid.length; k++) grid[k] = hi * (k + 1) / DEFAULT_POINTS;
            return grid;
        }
        String[] p = scan.split(":", -1);
        double lo, hi;
        int n;
        try {
            if (p.length != 3) throw new NumberFormatException();
            lo = Double.parseDouble(p[0].trim());
            hi = Double.parseDouble(p[1].trim());
            n = Integer.parseInt(p[2].trim());
        } catch (NumberFormatException e) {
            throw new InputException.BadOption("--scan", "--scan must be LO:HI:N, got '" + scan + "'");
        }
        if (!(lo >= lower && hi <= upper && lo < hi) || n < 2 || n > MAX_POINTS) {
            throw new InputException.BadOption(
                    "--scan",
                    "--scan " + scan + " must have " + lower + " ≤ LO < HI ≤ " + upper
                            + " (the POI's bounds) and N in 2.." + MAX_POINTS);
        }
        double[] grid = new double[n];
        for (int k = 0; k < n; k++) grid[k] = lo + (hi - lo) * k / (n - 1);
        return grid;
    }
}
