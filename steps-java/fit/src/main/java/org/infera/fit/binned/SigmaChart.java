package org.infera.fit.binned;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.infera.core.plot.Png;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;

/** Bar chart of σ_s per benchmark for every statistic (medians over replicas) and the analytic limit. */
final class SigmaChart {
    private SigmaChart() {}

    static void write(Path png, List<ReplicaSummary> rows) {
        Map<String, Map<Integer, Double>> byStatistic = new TreeMap<>();
        for (ReplicaSummary r : rows)
            byStatistic.computeIfAbsent(r.statistic(), k -> new TreeMap<>()).put(r.benchmark(), r.medianSigmaFisher());
        write(png, byStatistic);
    }

    /**
     * The chart of σ by statistic and benchmark. A σ that is not finite (fits that did not converge: the tables flag
     * them) gets no bar; the chart library refuses an infinite value, which stopped the whole fit step.
     */
    static void write(Path png, Map<String, Map<Integer, Double>> byStatistic) {
        CategoryChart chart = new CategoryChartBuilder()
                .width(Png.WIDTH)
                .height(Png.HEIGHT)
                .title("Expected uncertainty on the signal yield, nuisances profiled")
                .xAxisTitle("benchmark")
                .yAxisTitle("σ_s (expected events)")
                .build();
        Png.style(chart.getStyler());
        chart.getStyler().setYAxisMin(0.0);
        byStatistic.forEach((statistic, values) -> {
            List<String> x = new ArrayList<>();
            List<Double> y = new ArrayList<>();
            values.forEach((b, v) -> {
                x.add("BM" + b);
                y.add(Double.isFinite(v) ? v : null);
            });
            chart.addSeries(statistic, x, y);
        });
        Png.write(chart, png);
    }
}
