package org.infera.fit.binned;

import java.awt.BasicStroke;
import java.awt.Color;
import java.nio.file.Path;
import org.infera.core.plot.Png;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** PNG of a profile-likelihood scan: ΔNLL against the signal yield, with the ΔNLL = 0.5 interval. */
final class ScanPlot {
    private ScanPlot() {}

    static void write(Path png, BenchmarkResult r, String poiName) {
        XYChart chart = new XYChartBuilder()
                .width(Png.WIDTH)
                .height(Png.HEIGHT)
                .title(r.statistic() + ", benchmark " + r.benchmark() + ": σ_Fisher = "
                        + String.format("%.2f", r.sigmaFisher()) + ", profile half-width = "
                        + String.format("%.2f", r.widthProfile()))
                .xAxisTitle(poiName + " (expected signal events)")
                .yAxisTitle("ΔNLL (nuisances profiled)")
                .build();
        chart.getStyler().setLegendVisible(true);
        Png.style(chart.getStyler());
        chart.getStyler().setPlotGridLinesVisible(true);
        // points whose fit did not converge (ΔNLL not finite: the tables flag them) are left out, as is an interval
        // that is not finite; the chart library refuses such values, which stopped the whole fit step
        double[][] finite = finitePoints(r.scanValues(), r.scanDeltaNll());
        if (finite[0].length > 0) {
            XYSeries scan = chart.addSeries("profile ΔNLL", finite[0], finite[1]);
            scan.setMarker(SeriesMarkers.NONE);
            scan.setLineColor(new Color(31, 119, 180));
        }
        double lo = r.scanValues()[0], hi = r.scanValues()[r.scanValues().length - 1];
        XYSeries level = chart.addSeries("ΔNLL = 0.5", new double[] {lo, hi}, new double[] {0.5, 0.5});
        level.setMarker(SeriesMarkers.NONE);
        level.setLineColor(Color.GRAY);
        level.setLineStyle(
                new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
        if (Double.isFinite(r.intervalLower()) && Double.isFinite(r.intervalUpper())) {
            XYSeries interval = chart.addSeries(
                    "68.3% interval", new double[] {r.intervalLower(), r.intervalUpper()}, new double[] {0.5, 0.5});
            interval.setMarker(SeriesMarkers.CIRCLE);
            interval.setLineColor(new Color(214, 39, 40));
            interval.setMarkerColor(new Color(214, 39, 40));
        }
        Png.write(chart, png);
    }

    /** The (x, y) pairs where both are finite, as {xs, ys}. */
    static double[][] finitePoints(double[] x, double[] y) {
        int n = 0;
        for (int i = 0; i < x.length; i++) if (Double.isFinite(x[i]) && Double.isFinite(y[i])) n++;
        double[][] out = new double[2][n];
        for (int i = 0, k = 0; i < x.length; i++) {
            if (Double.isFinite(x[i]) && Double.isFinite(y[i])) {
                out[0][k] = x[i];
                out[1][k++] = y[i];
            }
        }
        return out;
    }
}
