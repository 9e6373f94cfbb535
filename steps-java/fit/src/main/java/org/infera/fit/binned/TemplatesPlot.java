package org.infera.fit.binned;

import java.awt.BasicStroke;
import java.awt.Color;
import java.nio.file.Path;
import org.infera.core.data.TemplatesFile;
import org.infera.core.plot.Png;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The learned bins of a statistic: expected events per bin of every process at nominal values, and
 * of the affected process with each nuisance up and down, as step histograms (log scale).
 */
final class TemplatesPlot {
    private static final Color[] PROCESS = {new Color(214, 39, 40), new Color(31, 119, 180), new Color(44, 160, 44)};
    private static final Color[] NUISANCE = {new Color(255, 127, 14), new Color(148, 103, 189), new Color(140, 86, 75)};

    private TemplatesPlot() {}

    static void write(Path png, String statistic, TemplatesFile t) {
        XYChart chart = new XYChartBuilder()
                .width(Png.WIDTH)
                .height(Png.HEIGHT)
                .title(statistic + ": expected events per bin, nominal and shifted")
                .xAxisTitle("bin of the statistic")
                .yAxisTitle("expected events")
                .build();
        Png.style(chart.getStyler());
        chart.getStyler().setYAxisLogarithmic(true);
        for (int p = 0; p < t.processes().length; p++) {
            XYSeries s = step(chart, t.processes()[p] + " (nominal)", t.nominal()[p]);
            s.setLineColor(PROCESS[p % PROCESS.length]);
            s.setLineWidth(2f);
        }
        for (int k = 0; k < t.nuisances().size(); k++) {
            TemplatesFile.NuisanceTemplate n = t.nuisances().get(k);
            Color c = NUISANCE[k % NUISANCE.length];
            String process = t.processes()[n.process()];
            XYSeries up = step(chart, process + ", " + n.name() + " = " + n.upValue(), n.up());
            up.setLineColor(c);
            XYSeries down = step(chart, process + ", " + n.name() + " = " + n.downValue(), n.down());
            down.setLineColor(c);
            down.setLineStyle(
                    new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {5f, 4f}, 0f));
        }
        Png.write(chart, png);
    }

    /** A step histogram over bins 0..B (empty bins drawn at a floor, since the axis is logarithmic). */
    private static XYSeries step(XYChart chart, String name, double[] values) {
        double floor = 1e-3;
        double[] x = new double[2 * values.length];
        double[] y = new double[2 * values.length];
        for (int i = 0; i < values.length; i++) {
            x[2 * i] = i;
            x[2 * i + 1] = i + 1;
            y[2 * i] = Math.max(values[i], floor);
            y[2 * i + 1] = Math.max(values[i], floor);
        }
        XYSeries s = chart.addSeries(name, x, y);
        s.setMarker(SeriesMarkers.NONE);
        return s;
    }
}
