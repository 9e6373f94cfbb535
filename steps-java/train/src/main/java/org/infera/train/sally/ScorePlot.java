package org.infera.train.sally;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.infera.core.plot.Png;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The estimated score t̂(x) against each observable (validation events), one panel per observable. */
final class ScorePlot {
    private static final int POINTS = 2000;

    private ScorePlot() {}

    static void write(Path png, List<String> observables, List<String> parameters, double[][] x, float[][] score) {
        int n = Math.min(POINTS, x.length);
        List<XYChart> charts = new ArrayList<>();
        for (int j = 0; j < observables.size(); j++) {
            XYChart chart = new XYChartBuilder()
                    .width(Png.WIDTH)
                    .height(Png.HEIGHT)
                    .title("estimated score against " + observables.get(j))
                    .xAxisTitle(observables.get(j))
                    .yAxisTitle("t̂(x)")
                    .build();
            Png.style(chart.getStyler());
            chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            chart.getStyler().setMarkerSize(3);
            for (int a = 0; a < parameters.size(); a++) {
                double[] xs = new double[n], ys = new double[n];
                for (int i = 0; i < n; i++) {
                    xs[i] = x[i][j];
                    ys[i] = score[i][a];
                }
                XYSeries s = chart.addSeries("t̂ " + parameters.get(a), xs, ys);
                s.setMarker(SeriesMarkers.CIRCLE);
            }
            charts.add(chart);
        }
        Png.write(new ArrayList<>(charts), 1, charts.size(), png);
    }
}
