package org.infera.fit.coverage;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.infera.core.plot.Png;
import org.infera.core.stats.Coverage;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Coverage of every cell (statistic, benchmark, truth) with its binomial error bar and the ±2σ and ±3σ
 * bands around 68.27% for the cells' number of pseudo-experiments; below, each cell's mean width.
 */
final class CoveragePlot {
    private CoveragePlot() {}

    static void write(Path png, CoverageReport report) {
        List<CoverageReport.Cell> cells = report.cells;
        XYChart coverage = new XYChartBuilder()
                .width(Png.WIDTH)
                .height(Png.HEIGHT)
                .title("Coverage of the 68.27% interval of s, per statistic/benchmark/truth (cell)")
                .xAxisTitle("cell (coverage.md lists them in this order)")
                .yAxisTitle("coverage")
                .build();
        XYChart widths = new XYChartBuilder()
                .width(Png.WIDTH)
                .height(Png.HEIGHT)
                .title("Mean interval width (upper − lower)")
                .xAxisTitle("cell")
                .yAxisTitle("width (signal events)")
                .build();
        Png.style(coverage.getStyler());
        Png.style(widths.getStyler());
        int n = 0;
        for (CoverageReport.Cell c : cells)
            for (Coverage.Summary s : c.byLevel().values()) n = Math.max(n, s.n());
        double[] x = new double[cells.size()];
        for (int i = 0; i < x.length; i++) x[i] = i;
        for (int k : new int[] {2, 3}) {
            double s = n > 0 ? Coverage.nominalSigma(n) : 0;
            for (int sign : new int[] {+1, -1}) {
                double[] y = new double[x.length];
                java.util.Arrays.fill(y, Coverage.NOMINAL + sign * k * s);
                XYSeries band = coverage.addSeries(
                        "68.27% " + (sign > 0 ? "+" : "−") + k + "σ (n = " + n + ")",
                        x.length > 1 ? x : pad(x),
                        pad(y, x));
                band.setMarker(SeriesMarkers.NONE);
            }
        }
        for (String level : CoverageReport.LEVELS) {
            List<Double> xs = new ArrayList<>(), ys = new ArrayList<>(), err = new ArrayList<>(), w = new ArrayList<>();
            for (int i = 0; i < cells.size(); i++) {
                Coverage.Summary s = cells.get(i).byLevel().get(level);
                if (s == null) continue;
                xs.add(i + (level.equals("event") ? 0.0 : 0.2));
                ys.add(s.coverage());
                err.add(s.coverageError());
                w.add(s.meanWidth() * report.signalYield());
            }
            if (xs.isEmpty()) continue;
            XYSeries series = coverage.addSeries(level + " level", xs, ys, err);
            series.setLineStyle(org.knowm.xchart.style.lines.SeriesLines.NONE);
            XYSeries ws = widths.addSeries(level + " level", xs, w);
            ws.setLineStyle(org.knowm.xchart.style.lines.SeriesLines.NONE);
        }
        Png.write(List.of(coverage, widths), 2, 1, png);
    }

    /** A one-cell plot draws its band over [−0.5, 0.5]. */
    private static double[] pad(double[] x) {
        return new double[] {x[0] - 0.5, x[0] + 0.5};
    }

    private static double[] pad(double[] y, double[] x) {
        return x.length > 1 ? y : new double[] {y[0], y[0]};
    }
}
