package org.infera.fit;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.infera.core.plot.Png;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;

/** The expected p-value over a two-parameter grid: the expected exclusion contours at a glance. */
final class PValuePlot {
    private PValuePlot() {}

    static void write(Path png, String[] parameters, double[][] axes, List<double[]> points, double luminosity) {
        HeatMapChart chart = new HeatMapChartBuilder().width(Png.WIDTH).height(Png.HEIGHT)
                .title(String.format("expected p-value (SALLY score histograms, L = %.3g)", luminosity))
                .xAxisTitle(parameters[0]).yAxisTitle(parameters[1]).build();
        Png.style(chart.getStyler());
        chart.getStyler().setShowValue(false);
        chart.getStyler().setMin(0);
        chart.getStyler().setMax(1);
        List<String> xs = new ArrayList<>(), ys = new ArrayList<>();
        for (double v : axes[0]) xs.add(String.format("%.3g", v));
        for (double v : axes[1]) ys.add(String.format("%.3g", v));
        List<Number[]> heat = new ArrayList<>();
        int i = 0;
        for (int a = 0; a < axes[0].length; a++) {
            for (int b = 0; b < axes[1].length; b++) {
                heat.add(new Number[] {a, b, points.get(i++)[2]});
            }
        }
        chart.addSeries("p-value", xs, ys, heat);
        Png.write(chart, png);
    }
}
