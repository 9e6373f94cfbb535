package org.infera.fit.score;

import java.awt.BasicStroke;
import java.awt.Color;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.hipparchus.analysis.UnivariateFunction;
import org.hipparchus.analysis.solvers.AllowedSolution;
import org.hipparchus.analysis.solvers.BracketingNthOrderBrentSolver;
import org.infera.core.plot.Png;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The expected 68% and 95% CL contours (p = 0.32 and 0.05) over a two-parameter grid, around the true
 * point. Each contour is traced along rays from the true point, with p interpolated bilinearly between
 * grid points, so it assumes the region is star-shaped about that point (as regions around an Asimov
 * minimum are); a ray that leaves the grid first stops at its edge.
 */
final class PValuePlot {
    private static final double[] LEVELS = {0.32, 0.05};
    private static final String[] NAMES = {"68% CL (p = 0.32)", "95% CL (p = 0.05)"};
    private static final Color[] COLOURS = {new Color(31, 119, 180), new Color(214, 39, 40)};
    private static final int RAYS = 180;
    /** Brent's evaluations per crossing, found to 1e-13 of a grid cell (far below a pixel). */
    private static final int MAX_EVALUATIONS = 200;

    private PValuePlot() {}

    /** points: {θ1, θ2, p} in grid order, the second parameter running fastest. */
    static void write(
            Path png, String[] parameters, double[][] axes, List<double[]> points, double[] truth, double luminosity) {
        double[][] p = new double[axes[0].length][axes[1].length];
        int i = 0;
        for (int a = 0; a < axes[0].length; a++) for (int b = 0; b < axes[1].length; b++) p[a][b] = points.get(i++)[2];
        XYChart chart = new XYChartBuilder()
                .width(Png.WIDTH)
                .height(Png.HEIGHT)
                .title(String.format("expected limits from SALLY score histograms, L = %.3g", luminosity))
                .xAxisTitle(parameters[0])
                .yAxisTitle(parameters[1])
                .build();
        Png.style(chart.getStyler());
        chart.getStyler().setXAxisMin(axes[0][0]).setXAxisMax(axes[0][axes[0].length - 1]);
        chart.getStyler().setYAxisMin(axes[1][0]).setYAxisMax(axes[1][axes[1].length - 1]);
        chart.getStyler().setXAxisDecimalPattern("0.###").setYAxisDecimalPattern("0.###");
        for (int l = 0; l < LEVELS.length; l++) {
            List<Double> xs = new ArrayList<>(), ys = new ArrayList<>();
            for (int r = 0; r <= RAYS; r++) {
                double angle = 2 * Math.PI * r / RAYS;
                double[] end = crossing(p, axes, truth, Math.cos(angle), Math.sin(angle), LEVELS[l]);
                xs.add(end[0]);
                ys.add(end[1]);
            }
            XYSeries s = chart.addSeries(NAMES[l], xs, ys);
            s.setMarker(SeriesMarkers.NONE);
            s.setLineColor(COLOURS[l]);
            s.setLineStyle(new BasicStroke(2f));
        }
        XYSeries t = chart.addSeries("true point", new double[] {truth[0]}, new double[] {truth[1]});
        t.setMarker(SeriesMarkers.CROSS);
        t.setMarkerColor(Color.BLACK);
        t.setLineStyle(SeriesLines.NONE);
        Png.write(chart, png);
    }

    /**
     * Where p falls below level along the ray truth + r (cos, sin): stepping a quarter grid cell at a
     * time brackets the crossing, Brent's method finds it, on the side where p is still at the level.
     */
    private static double[] crossing(
            double[][] p, double[][] axes, double[] truth, double cx, double cy, double level) {
        // step in units of the grid spacing of each axis, so the search is even in grid cells
        double sx = cx * (axes[0][1] - axes[0][0]), sy = cy * (axes[1][1] - axes[1][0]);
        UnivariateFunction above = r -> interpolate(p, axes, truth[0] + r * sx, truth[1] + r * sy) - level;
        double inside = 0;
        for (double r = 0.25; ; r += 0.25) {
            if (!within(axes, truth[0] + r * sx, truth[1] + r * sy)) break;
            if (above.value(r) < 0) {
                // below the level at the true point already (no region there): the contour stays at it
                if (above.value(inside) >= 0)
                    inside = new BracketingNthOrderBrentSolver(1e-14, 1e-13, 1e-15, 5)
                            .solve(MAX_EVALUATIONS, above, inside, r, AllowedSolution.ABOVE_SIDE);
                break;
            }
            inside = r;
        }
        return new double[] {truth[0] + inside * sx, truth[1] + inside * sy};
    }

    private static boolean within(double[][] axes, double x, double y) {
        return x >= axes[0][0]
                && x <= axes[0][axes[0].length - 1]
                && y >= axes[1][0]
                && y <= axes[1][axes[1].length - 1];
    }

    /** Bilinear interpolation of the grid values at (x, y), inside the grid. */
    static double interpolate(double[][] p, double[][] axes, double x, double y) {
        int a = cell(axes[0], x), b = cell(axes[1], y);
        double u = (x - axes[0][a]) / (axes[0][a + 1] - axes[0][a]);
        double v = (y - axes[1][b]) / (axes[1][b + 1] - axes[1][b]);
        return (1 - u) * (1 - v) * p[a][b]
                + u * (1 - v) * p[a + 1][b]
                + (1 - u) * v * p[a][b + 1]
                + u * v * p[a + 1][b + 1];
    }

    private static int cell(double[] axis, double v) {
        int i = 0;
        while (i < axis.length - 2 && v > axis[i + 1]) i++;
        return i;
    }
}
