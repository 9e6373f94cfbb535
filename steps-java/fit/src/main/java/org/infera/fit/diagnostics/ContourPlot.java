package org.infera.fit.diagnostics;

import java.awt.Color;
import java.nio.file.Path;
import java.util.List;
import org.infera.core.plot.Png;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The 68.27% and 95.45% contours of a 2-D profile-likelihood scan, with the best fit. */
final class ContourPlot {
    private ContourPlot() {}

    static void write(Path png, String xName, String yName, double[] best, List<double[][]> c68, List<double[][]> c95) {
        XYChart chart = new XYChartBuilder()
                .width(Png.WIDTH)
                .height(Png.HEIGHT)
                .title("profile likelihood: " + yName + " against " + xName)
                .xAxisTitle(xName)
                .yAxisTitle(yName)
                .build();
        Png.style(chart.getStyler());
        chart.getStyler().setPlotGridLinesVisible(true);
        lines(chart, "95.45% (Δ(−2 ln L) = 6.18)", c95, new Color(255, 160, 0));
        lines(chart, "68.27% (Δ(−2 ln L) = 2.30)", c68, new Color(31, 119, 180));
        XYSeries b = chart.addSeries("best fit", new double[] {best[0]}, new double[] {best[1]});
        b.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        b.setMarker(SeriesMarkers.CROSS);
        b.setMarkerColor(Color.BLACK);
        Png.write(chart, png);
    }

    private static void lines(XYChart chart, String name, List<double[][]> lines, Color color) {
        for (int k = 0; k < lines.size(); k++) {
            XYSeries s = chart.addSeries(k == 0 ? name : name + " " + k, lines.get(k)[0], lines.get(k)[1]);
            s.setMarker(SeriesMarkers.NONE);
            s.setLineColor(color);
            s.setShowInLegend(k == 0);
        }
    }
}
