package org.infera.nn.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.infera.core.plot.Png;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The losses of every epoch, written as history.csv (no timings, so the file is reproducible) and
 * drawn as history.png.
 */
public final class History {
    private final List<double[]> rows = new ArrayList<>();

    public void add(int epoch, double trainLoss, double validationLoss) {
        rows.add(new double[] {epoch, trainLoss, validationLoss});
    }

    public int size() {
        return rows.size();
    }

    public void write(Path file) throws IOException {
        try (CSVPrinter csv = new CSVPrinter(
                Files.newBufferedWriter(file),
                CSVFormat.DEFAULT
                        .builder()
                        .setHeader("epoch", "train_loss", "validation_loss")
                        .setRecordSeparator('\n')
                        .get())) {
            for (double[] row : rows) csv.printRecord((int) row[0], row[1], row[2]);
        }
    }

    /** The training curves; {@code transform} maps a loss to the plotted value (e.g. sqrt for INFERNO's σ_s). */
    public void plot(Path png, String title, String yAxis, java.util.function.DoubleUnaryOperator transform) {
        XYChart chart = new XYChartBuilder()
                .width(Png.WIDTH)
                .height(Png.HEIGHT)
                .title(title)
                .xAxisTitle("epoch")
                .yAxisTitle(yAxis)
                .build();
        Png.style(chart.getStyler());
        double[] epoch = rows.stream().mapToDouble(r -> r[0]).toArray();
        for (int column = 1; column <= 2; column++) {
            int c = column;
            double[] y = rows.stream()
                    .mapToDouble(r -> transform.applyAsDouble(r[c]))
                    .toArray();
            chart.addSeries(column == 1 ? "training" : "validation", epoch, y).setMarker(SeriesMarkers.CIRCLE);
        }
        Png.write(chart, png);
    }
}
