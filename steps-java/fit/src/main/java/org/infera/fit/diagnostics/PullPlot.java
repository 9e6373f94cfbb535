package org.infera.fit.diagnostics;

import java.awt.Color;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import org.infera.core.plot.Png;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The classic pull plot: (θ̂ − θ₀)/σ_prefit of each constrained nuisance with σ_postfit/σ_prefit as its bar. */
final class PullPlot {
    static final Color ONE_SIGMA = new Color(0, 176, 80);
    static final Color TWO_SIGMA = new Color(255, 221, 0);

    private PullPlot() {}

    static void write(Path png, List<Pulls.Row> rows) {
        List<Pulls.Row> constrained =
                rows.stream().filter(Pulls.Row::constrained).toList();
        double[] pull = constrained.stream().mapToDouble(Pulls.Row::pull).toArray();
        double[] ratio =
                constrained.stream().mapToDouble(Pulls.Row::constraintRatio).toArray();
        List<String> names = constrained.stream().map(Pulls.Row::name).toList();
        Png.write(panel("post-fit pulls (θ̂ − θ₀)/σ_prefit, bars σ_postfit/σ_prefit", names, pull, ratio), png);
    }

    /** Pulls with their constraint bars over the ±1σ/±2σ bands, one category per nuisance. */
    static CategoryChart panel(String title, List<String> names, double[] pull, double[] ratio) {
        int n = names.size();
        CategoryChart chart = new CategoryChartBuilder()
                .width(width(n))
                .height(Png.HEIGHT)
                .title(title)
                .yAxisTitle("pull")
                .build();
        Png.style(chart.getStyler());
        chart.getStyler().setOverlapped(true);
        chart.getStyler().setYAxisMin(-3.0);
        chart.getStyler().setYAxisMax(3.0);
        chart.getStyler().setXAxisLabelRotation(90);
        chart.getStyler().setPlotGridLinesVisible(true);
        chart.getStyler().setErrorBarsColor(Color.BLACK);
        List<String> categories = n == 0 ? List.of("(none)") : names;
        int c = categories.size();
        // category areas fill down to the axis: painted top-down, each over the previous
        band(chart, "±2σ", categories, 2, TWO_SIGMA, true);
        band(chart, "±1σ", categories, 1, ONE_SIGMA, true);
        band(chart, "−1σ", categories, -1, TWO_SIGMA, false);
        band(chart, "−2σ", categories, -2, Color.WHITE, false);
        double[] y = new double[c], e = new double[c];
        for (int i = 0; i < n; i++) {
            y[i] = Double.isFinite(pull[i]) ? pull[i] : 0; // unconstrained: no pull to show
            e[i] = Double.isFinite(ratio[i]) ? ratio[i] : 0;
        }
        CategorySeries s = chart.addSeries("pull ± σ_postfit/σ_prefit", categories, box(y), box(e));
        s.setChartCategorySeriesRenderStyle(CategorySeries.CategorySeriesRenderStyle.Scatter);
        s.setMarker(SeriesMarkers.CIRCLE);
        s.setMarkerColor(Color.BLACK);
        return chart;
    }

    static int width(int categories) {
        return Math.max(Png.WIDTH, Math.min(4000, 160 + 18 * categories));
    }

    private static void band(CategoryChart chart, String name, List<String> x, double v, Color color, boolean legend) {
        CategorySeries s = chart.addSeries(name, x, Collections.nCopies(x.size(), v));
        s.setChartCategorySeriesRenderStyle(CategorySeries.CategorySeriesRenderStyle.Area);
        s.setMarker(SeriesMarkers.NONE);
        s.setFillColor(color);
        s.setLineColor(color);
        s.setShowInLegend(legend);
    }

    static List<Double> box(double[] v) {
        return java.util.Arrays.stream(v).boxed().toList();
    }
}
