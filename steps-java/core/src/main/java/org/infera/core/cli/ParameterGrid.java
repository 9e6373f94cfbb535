package org.infera.core.cli;

import java.util.List;

/**
 * A θ grid from one LO:HI:N range per parameter (the --grid of infera-fit limits and infera-shift log-ratios), its
 * points numbered with the last parameter varying fastest, so both steps number them alike.
 */
public final class ParameterGrid {
    /** The most points of a grid: more is a typo, and would take hours. */
    public static final long MAX_POINTS = 1_000_000;

    private ParameterGrid() {}

    /** Each parameter's values, checked: one range per parameter, at most {@link #MAX_POINTS} points in all. */
    public static double[][] axes(String option, List<String> ranges, String[] parameters) {
        if (ranges.size() != parameters.length)
            throw new InputException.BadOption(
                    option,
                    option + " has " + ranges.size() + " ranges for " + parameters.length + " parameters "
                            + List.of(parameters));
        double[][] axes = new double[parameters.length][];
        double points = 1;
        for (int p = 0; p < axes.length; p++) {
            axes[p] = Checks.range(option, ranges.get(p));
            points *= axes[p].length;
        }
        if (points > MAX_POINTS)
            throw new InputException.BadOption(option, option + " has " + (long) points + " points, more than 10^6");
        return axes;
    }

    public static int size(double[][] axes) {
        int n = 1;
        for (double[] a : axes) n *= a.length;
        return n;
    }

    /** Grid point g, the last parameter varying fastest. */
    public static double[] point(double[][] axes, int g) {
        double[] theta = new double[axes.length];
        for (int p = axes.length - 1, rest = g; p >= 0; p--) {
            theta[p] = axes[p][rest % axes[p].length];
            rest /= axes[p].length;
        }
        return theta;
    }

    /** Every grid point, [point][parameter]. */
    public static double[][] points(double[][] axes) {
        double[][] out = new double[size(axes)][];
        for (int g = 0; g < out.length; g++) out[g] = point(axes, g);
        return out;
    }
}
