package org.infera.train.neos;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.Trainer;
import java.awt.Color;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.infera.core.analysis.Analysis;
import org.infera.core.physics.NeosBlobs;
import org.infera.core.plot.Png;
import org.infera.nn.NetworkSpec;
import org.infera.train.inferno.FisherLayout;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** Pictures of a neos training: the learned soft histograms before and after, and the bins over the feature plane. */
final class NeosPlots {
    private static final Color[] BIN_COLOURS = {
        new Color(31, 119, 180),
        new Color(255, 127, 14),
        new Color(44, 160, 44),
        new Color(214, 39, 40),
        new Color(148, 103, 189),
        new Color(140, 86, 75),
        new Color(227, 119, 194),
        new Color(127, 127, 127),
        new Color(188, 189, 34),
        new Color(23, 190, 207)
    };

    private NeosPlots() {}

    /**
     * Validation soft yields per bin (signal, backgrounds, each nuisance up and down) at the start and the end, side by
     * side.
     */
    static void histograms(Path png, Analysis analysis, FisherLayout layout, double[][] start, double[][] end) {
        List<XYChart> charts = List.of(
                histogramChart("before training", analysis, layout, start),
                histogramChart("after training (best epoch)", analysis, layout, end));
        Png.write(new ArrayList<>(charts), 1, 2, png);
    }

    private static XYChart histogramChart(String title, Analysis analysis, FisherLayout layout, double[][] rows) {
        XYChart chart = new XYChartBuilder()
                .width(Png.WIDTH)
                .height(Png.HEIGHT)
                .title("soft histograms, " + title)
                .xAxisTitle("bin")
                .yAxisTitle("expected events")
                .build();
        Png.style(chart.getStyler());
        chart.getStyler().setXAxisDecimalPattern("0");
        int processes = layout.yields().length;
        for (int g = 0; g < rows.length; g++) {
            String name;
            if (g < processes) {
                name = analysis.processes().get(g).name();
            } else {
                Analysis.Nuisance n =
                        analysis.nuisancesOrEmpty().get(layout.shifted().get((g - processes) / 2));
                name = n.process() + ", " + n.name() + ((g - processes) % 2 == 0 ? " up" : " down");
            }
            double[] x = new double[rows[g].length];
            for (int i = 0; i < x.length; i++) x[i] = i;
            XYSeries s = chart.addSeries(name, x, rows[g]);
            s.setMarker(SeriesMarkers.CIRCLE);
        }
        return chart;
    }

    /** The network's hard bin (argmax) over the feature plane, with the neos toy's blob centres. */
    static void outputPlane(Path png, Trainer trainer, NetworkSpec spec) {
        int n = 81;
        double lo = -5, hi = 5;
        double[][] grid = new double[n * n][];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++)
                grid[i * n + j] = new double[] {lo + (hi - lo) * i / (n - 1), lo + (hi - lo) * j / (n - 1)};
        }
        int[] bin = new int[grid.length];
        try (NDManager m = trainer.getManager().newSubManager()) {
            NDArray x = m.create(spec.standardise(grid, 0, grid.length), new Shape(grid.length, 2));
            NDArray out = trainer.evaluate(new NDList(x)).singletonOrThrow();
            if ("kde".equals(spec.histogram())) {
                float[] s = ai.djl.nn.Activation.sigmoid(out).toFloatArray();
                for (int i = 0; i < s.length; i++) bin[i] = Math.min(spec.bins() - 1, (int) (s[i] * spec.bins()));
            } else {
                long[] a = out.argMax(1).toLongArray();
                for (int i = 0; i < a.length; i++) bin[i] = (int) a[i];
            }
        }
        XYChart chart = new XYChartBuilder()
                .width(Png.WIDTH)
                .height(Png.WIDTH)
                .title("neos bins over the feature plane")
                .xAxisTitle(spec.features().get(0))
                .yAxisTitle(spec.features().get(1))
                .build();
        Png.style(chart.getStyler());
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        chart.getStyler().setMarkerSize(6);
        for (int b = 0; b < spec.bins(); b++) {
            List<Double> xs = new ArrayList<>(), ys = new ArrayList<>();
            for (int i = 0; i < grid.length; i++) {
                if (bin[i] == b) {
                    xs.add(grid[i][0]);
                    ys.add(grid[i][1]);
                }
            }
            if (xs.isEmpty()) continue;
            XYSeries s = chart.addSeries("bin " + b, xs, ys);
            s.setMarker(SeriesMarkers.SQUARE);
            s.setMarkerColor(BIN_COLOURS[b % BIN_COLOURS.length]);
        }
        blob(chart, "signal", NeosBlobs.SIGNAL_MEAN, Color.BLACK);
        blob(chart, "background", NeosBlobs.BACKGROUND_MEAN, Color.MAGENTA);
        blob(chart, "background up", NeosBlobs.BACKGROUND_UP_MEAN, Color.LIGHT_GRAY);
        blob(chart, "background down", NeosBlobs.BACKGROUND_DOWN_MEAN, Color.DARK_GRAY);
        Png.write(chart, png);
    }

    private static void blob(XYChart chart, String name, double[] mean, Color colour) {
        XYSeries s = chart.addSeries(name + " mean", new double[] {mean[0]}, new double[] {mean[1]});
        s.setMarker(SeriesMarkers.DIAMOND);
        s.setMarkerColor(colour);
    }
}
