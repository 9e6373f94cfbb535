package org.infera.fit.diagnostics;

import java.awt.Color;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.infera.core.plot.Png;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The classic stacked histogram: the samples stacked per bin, the total's uncertainty band, the data with √n bars,
 * and beneath each channel the ratio data/model with the band's relative width; one column per channel.
 */
final class YieldsPlot {
    private static final Color[] PALETTE = {
        new Color(31, 119, 180), new Color(255, 127, 14), new Color(44, 160, 44), new Color(214, 39, 40),
        new Color(148, 103, 189), new Color(140, 86, 75), new Color(227, 119, 194), new Color(127, 127, 127)
    };
    private static final Color BAND = new Color(0, 0, 0, 60);

    private YieldsPlot() {}

    static void write(Path png, String stage, List<Yields.Bin> bins) {
        List<String> channels =
                bins.stream().map(Yields.Bin::channel).distinct().toList();
        List<XYChart> top = new ArrayList<>(), bottom = new ArrayList<>();
        for (String channel : channels) {
            List<Yields.Bin> here =
                    bins.stream().filter(b -> b.channel().equals(channel)).toList();
            top.add(stack(stage + " yields: " + channel, here));
            bottom.add(ratio(here));
        }
        List<XYChart> grid = new ArrayList<>(top);
        grid.addAll(bottom);
        Png.write(grid, 2, channels.size(), png);
    }

    private static XYChart stack(String title, List<Yields.Bin> bins) {
        XYChart c = chart(title, "events");
        int n = bins.size(), samples = bins.get(0).samples().size();
        double[][] cumulative = new double[samples][n];
        for (int b = 0; b < n; b++) {
            double sum = 0;
            for (int s = 0; s < samples; s++)
                cumulative[s][b] = sum += bins.get(b).yields()[s];
        }
        // the stack painted from the top down, each sample's area over the ones above it
        for (int s = samples - 1; s >= 0; s--) {
            XYSeries area = steps(c, bins.get(0).samples().get(s), cumulative[s], null);
            area.setFillColor(PALETTE[s % PALETTE.length]);
            area.setLineColor(PALETTE[s % PALETTE.length]);
        }
        double[] lo = new double[n], hi = new double[n];
        for (int b = 0; b < n; b++) {
            lo[b] = bins.get(b).total() - bins.get(b).totalError();
            hi[b] = bins.get(b).total() + bins.get(b).totalError();
        }
        XYSeries band = steps(c, "uncertainty", hi, lo);
        band.setFillColor(BAND);
        band.setLineColor(BAND);
        double[] data = bins.stream().mapToDouble(Yields.Bin::data).toArray();
        points(c, "data", data, data.clone(), true);
        return c;
    }

    private static XYChart ratio(List<Yields.Bin> bins) {
        XYChart c = chart("", "data / model");
        int n = bins.size();
        double[] lo = new double[n], hi = new double[n], r = new double[n], e = new double[n];
        for (int b = 0; b < n; b++) {
            Yields.Bin bin = bins.get(b);
            double rel = bin.total() > 0 ? bin.totalError() / bin.total() : 0;
            lo[b] = 1 - rel;
            hi[b] = 1 + rel;
            r[b] = bin.total() > 0 ? bin.data() / bin.total() : 1;
            e[b] = bin.total() > 0 ? Math.sqrt(bin.data()) / bin.total() : 0;
        }
        XYSeries band = steps(c, "uncertainty", hi, lo);
        band.setFillColor(BAND);
        band.setLineColor(BAND);
        points(c, "data / model", r, e, false);
        c.getStyler().setLegendVisible(false);
        return c;
    }

    private static XYChart chart(String title, String yTitle) {
        XYChart c = new XYChartBuilder()
                .width(Png.WIDTH)
                .height(Png.HEIGHT / 2 + 120)
                .title(title)
                .xAxisTitle("bin")
                .yAxisTitle(yTitle)
                .build();
        Png.style(c.getStyler());
        c.getStyler().setXAxisDecimalPattern("0");
        return c;
    }

    /** A step outline from lo (zero when null) up to hi, bin b spanning [b, b+1], as one filled polygon. */
    private static XYSeries steps(XYChart c, String name, double[] hi, double[] lo) {
        int n = hi.length;
        double[] x = new double[4 * n], y = new double[4 * n];
        for (int b = 0; b < n; b++) {
            x[2 * b] = b;
            x[2 * b + 1] = b + 1;
            y[2 * b] = hi[b];
            y[2 * b + 1] = hi[b];
            int back = 4 * n - 1 - 2 * b;
            x[back] = b;
            x[back - 1] = b + 1;
            y[back] = lo == null ? 0 : lo[b];
            y[back - 1] = lo == null ? 0 : lo[b];
        }
        XYSeries s = c.addSeries(name, x, y);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.PolygonArea);
        s.setMarker(SeriesMarkers.NONE);
        return s;
    }

    /** Points at the bin centres with error bars (√y for the counts). */
    private static void points(XYChart c, String name, double[] y, double[] e, boolean sqrt) {
        double[] x = new double[y.length], err = new double[y.length];
        for (int b = 0; b < y.length; b++) {
            x[b] = b + 0.5;
            err[b] = sqrt ? Math.sqrt(Math.max(0, e[b])) : e[b];
        }
        XYSeries s = c.addSeries(name, x, y, err);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        s.setMarker(SeriesMarkers.CIRCLE);
        s.setMarkerColor(Color.BLACK);
        c.getStyler().setErrorBarsColor(Color.BLACK);
    }
}
