package org.infera.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** The losses of every epoch, written as history.csv (no timings, so the file is reproducible). */
public final class History {
    private final List<double[]> rows = new ArrayList<>();

    public void add(int epoch, double trainLoss, double validationLoss) {
        rows.add(new double[] {epoch, trainLoss, validationLoss});
    }

    public int size() {
        return rows.size();
    }

    public void write(Path file) throws IOException {
        try (CSVPrinter csv = new CSVPrinter(Files.newBufferedWriter(file),
                CSVFormat.DEFAULT.builder().setHeader("epoch", "train_loss", "validation_loss").setRecordSeparator('\n').get())) {
            for (double[] row : rows) csv.printRecord((int) row[0], row[1], row[2]);
        }
    }
}
