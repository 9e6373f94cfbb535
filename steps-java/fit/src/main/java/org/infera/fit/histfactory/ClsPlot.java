package org.infera.fit.histfactory;

import java.awt.BasicStroke;
import java.awt.Color;
import java.nio.file.Path;
import org.infera.core.histfactory.infer.AsymptoticCalculator;
import org.infera.core.histfactory.infer.Hypotest;
import org.infera.core.histfactory.infer.UpperLimit;
import org.infera.core.plot.Png;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** CLs against the POI: observed, expected median and its ±1σ/±2σ bands (the "Brazil" plot), with the level. */
public final class ClsPlot {
    private static final int POINTS = 41;

    private ClsPlot() {}

    public static void write(Path png, AsymptoticCalculator calc, UpperLimit.Limits limits, double level) {
        double top = 0;
        for (double v : limits.expected()) if (Double.isFinite(v)) top = Math.max(top, v);
        if (Double.isFinite(limits.observed())) top = Math.max(top, limits.observed());
        if (!(top > 0)) top = calc.model().upperBounds()[calc.model().poi()];
        top *= 1.25;
        double[] mu = new double[POINTS];
        double[] obs = new double[POINTS];
        double[][] exp = new double[5][POINTS];
        for (int i = 0; i < POINTS; i++) {
            mu[i] = top * (i + 1) / POINTS;
            Hypotest h = calc.hypotest(mu[i]);
            obs[i] = h.cls();
            for (int k = 0; k < 5; k++) exp[k][i] = h.expected()[k];
        }
        String poi = calc.model().poiName();
        XYChart chart = new XYChartBuilder()
                .width(Png.WIDTH)
                .height(Png.HEIGHT)
                .title(String.format(
                        "CLs (q̃, asymptotic): %s < %.4g observed, %.4g expected at %.0f%% CL",
                        poi, limits.observed(), limits.expected()[2], 100 * (1 - level)))
                .xAxisTitle(poi)
                .yAxisTitle("CLs")
                .build();
        Png.style(chart.getStyler());
        chart.getStyler().setPlotGridLinesVisible(true);
        chart.getStyler().setXAxisDecimalPattern("0.###");
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setYAxisMax(1.0);
        band(chart, "expected ±2σ", mu, exp[0], exp[4], new Color(255, 221, 0));
        band(chart, "expected ±1σ", mu, exp[1], exp[3], new Color(0, 176, 80));
        line(chart, "expected", mu, exp[2], Color.BLACK, true);
        line(chart, "observed", mu, obs, Color.BLACK, false);
        line(
                chart,
                "CLs = " + level,
                new double[] {0, top},
                new double[] {level, level},
                new Color(214, 39, 40),
                false);
        Png.write(chart, png);
    }

    private static void band(XYChart chart, String name, double[] x, double[] lo, double[] hi, Color color) {
        int n = x.length;
        double[] px = new double[2 * n], py = new double[2 * n];
        for (int i = 0; i < n; i++) {
            px[i] = x[i];
            py[i] = hi[i];
            px[2 * n - 1 - i] = x[i];
            py[2 * n - 1 - i] = lo[i];
        }
        XYSeries s = chart.addSeries(name, px, py);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.PolygonArea);
        s.setMarker(SeriesMarkers.NONE);
        s.setFillColor(color);
        s.setLineColor(color);
    }

    static void line(XYChart chart, String name, double[] x, double[] y, Color color, boolean dashed) {
        XYSeries s = chart.addSeries(name, x, y);
        s.setMarker(SeriesMarkers.NONE);
        s.setLineColor(color);
        if (dashed)
            s.setLineStyle(
                    new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
    }
}
