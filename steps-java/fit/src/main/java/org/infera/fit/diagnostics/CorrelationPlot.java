package org.infera.fit.diagnostics;

import java.awt.Color;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.infera.core.plot.Png;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;

/** The correlation matrix of the fitted parameters as a heat map, blue (−1) through white to red (+1). */
final class CorrelationPlot {
    private CorrelationPlot() {}

    static void write(Path png, List<String> names, double[][] correlation) {
        int n = names.size();
        int side = Math.max(Png.HEIGHT, Math.min(3000, 160 + 14 * n));
        HeatMapChart chart = new HeatMapChartBuilder()
                .width(side + 160)
                .height(side)
                .title("correlations of the fitted parameters")
                .build();
        Png.style(chart.getStyler());
        chart.getStyler().setMin(-1);
        chart.getStyler().setMax(1);
        chart.getStyler().setRangeColors(new Color[] {new Color(33, 102, 172), Color.WHITE, new Color(178, 24, 43)});
        chart.getStyler().setShowValue(n <= 12);
        chart.getStyler().setDecimalPattern("0.00");
        chart.getStyler().setXAxisLabelRotation(90);
        List<Number[]> cells = new ArrayList<>();
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) cells.add(new Number[] {i, j, correlation[i][j]});
        chart.addSeries("correlation", names, names, cells);
        Png.write(chart, png);
    }
}
