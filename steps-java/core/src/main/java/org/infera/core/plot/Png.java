package org.infera.core.plot;

import java.awt.Color;
import java.nio.file.Files;
import java.nio.file.Path;
import org.infera.core.io.AtomicOutput;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;

/** Writes XChart charts as PNG, atomically and with the project's plain style. */
public final class Png {
    public static final int WIDTH = 720;
    public static final int HEIGHT = 480;

    private Png() {}

    public static void style(Styler styler) {
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setLegendBorderColor(Color.LIGHT_GRAY);
        styler.setPlotBorderVisible(true);
    }

    public static void write(Chart<?, ?> chart, Path png) {
        AtomicOutput.write(png, tmp -> {
            BitmapEncoder.saveBitmap(chart, tmp.toString(), BitmapEncoder.BitmapFormat.PNG);
            // XChart appends the extension to the name it is given.
            Files.move(Path.of(tmp + ".png"), tmp);
        });
    }
}
