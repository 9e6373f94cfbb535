package org.infera.fit.score;

import java.awt.Color;
import java.nio.file.Path;
import org.infera.core.plot.Png;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The expected-uncertainty ellipses Δθᵀ I Δθ = 1 and 4 of a 2×2 Fisher information around θ. */
final class FisherEllipsePlot {
    private FisherEllipsePlot() {}

    static void write(Path png, double[][] info, String[] parameters, double[] theta, String mode, double luminosity) {
        XYChart chart = new XYChartBuilder()
                .width(Png.WIDTH)
                .height(Png.HEIGHT)
                .title(String.format("Fisher information (%s, L = %.3g): Δθᵀ I Δθ = 1, 4", mode, luminosity))
                .xAxisTitle(parameters[0])
                .yAxisTitle(parameters[1])
                .build();
        Png.style(chart.getStyler());
        chart.getStyler().setPlotGridLinesVisible(true);
        // points of the ellipse: Δθ = r (cos φ, sin φ) with r² (uᵀ I u) = level
        Color[] colours = {new Color(31, 119, 180), new Color(174, 199, 232)};
        for (int k = 0; k < 2; k++) {
            double level = k == 0 ? 1 : 4;
            int n = 200;
            double[] x = new double[n + 1], y = new double[n + 1];
            boolean closed = true;
            for (int i = 0; i <= n; i++) {
                double phi = 2 * Math.PI * i / n, c = Math.cos(phi), s = Math.sin(phi);
                double quad = info[0][0] * c * c + 2 * info[0][1] * c * s + info[1][1] * s * s;
                if (!(quad > 0)) {
                    closed = false; // a direction with no information: no ellipse
                    break;
                }
                double r = Math.sqrt(level / quad);
                x[i] = theta[0] + r * c;
                y[i] = theta[1] + r * s;
            }
            if (!closed) break;
            XYSeries series = chart.addSeries(k == 0 ? "1σ (Δθᵀ I Δθ = 1)" : "2σ (= 4)", x, y);
            series.setMarker(SeriesMarkers.NONE);
            series.setLineColor(colours[k]);
        }
        XYSeries centre = chart.addSeries("θ", new double[] {theta[0]}, new double[] {theta[1]});
        centre.setMarker(SeriesMarkers.CIRCLE);
        centre.setMarkerColor(Color.BLACK);
        Png.write(chart, png);
    }
}
