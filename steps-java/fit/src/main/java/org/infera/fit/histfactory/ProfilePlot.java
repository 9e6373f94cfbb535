package org.infera.fit.histfactory;

import java.awt.Color;
import java.nio.file.Path;
import org.infera.core.histfactory.infer.ProfileScan;
import org.infera.core.plot.Png;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** ΔNLL against one parameter with the 68.3% interval marked. */
public final class ProfilePlot {
    private ProfilePlot() {}

    public static void write(Path png, String name, double[] values, double[] deltaNll, ProfileScan.Interval interval) {
        XYChart chart = new XYChartBuilder()
                .width(Png.WIDTH)
                .height(Png.HEIGHT)
                .title(String.format(
                        "profile likelihood: %s = %.4g  [%.4g, %.4g] (68.3%%)",
                        name, interval.best(), interval.lower(), interval.upper()))
                .xAxisTitle(name)
                .yAxisTitle("ΔNLL (other parameters profiled)")
                .build();
        Png.style(chart.getStyler());
        chart.getStyler().setPlotGridLinesVisible(true);
        chart.getStyler().setXAxisDecimalPattern("0.###");
        ClsPlot.line(chart, "profile ΔNLL", values, deltaNll, new Color(31, 119, 180), false);
        ClsPlot.line(
                chart,
                "ΔNLL = 0.5",
                new double[] {values[0], values[values.length - 1]},
                new double[] {0.5, 0.5},
                Color.GRAY,
                true);
        XYSeries in = chart.addSeries(
                "68.3% interval", new double[] {interval.lower(), interval.upper()}, new double[] {0.5, 0.5});
        in.setMarker(SeriesMarkers.CIRCLE);
        in.setLineColor(new Color(214, 39, 40));
        in.setMarkerColor(new Color(214, 39, 40));
        Png.write(chart, png);
    }
}
