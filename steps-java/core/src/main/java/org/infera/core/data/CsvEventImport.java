package org.infera.core.data;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.infera.core.cli.InputException;
import org.infera.core.morphing.Morphing;

/**
 * Weighted events from any generator, as a CSV table plus a small metadata file, into MadMiner's
 * layout. The CSV has a header with one column per observable and one {@code weight_<benchmark>} per
 * benchmark (the event's weight, a cross section, at that parameter point). The metadata (JSON) names
 * the parameters, the benchmarks with their parameter values (in the weights' order), the observables,
 * and optionally the morphing components (powers of the parameters), from which the morphing matrix
 * is computed. Every problem names the file, the line and the column.
 */
public final class CsvEventImport {
    /** The metadata file. */
    public record Metadata(
            List<String> parameters,
            LinkedHashMap<String, double[]> benchmarks,
            List<String> observables,
            @com.fasterxml.jackson.annotation.JsonProperty("morphing_components") long[][] morphingComponents) {}

    private CsvEventImport() {}

    public static MadMinerEventFile read(Path csv, Path metadataFile) {
        Metadata meta = metadata(metadataFile);
        List<String> benchmarks = new ArrayList<>(meta.benchmarks().keySet());
        double[][] values = new double[benchmarks.size()][];
        for (int b = 0; b < values.length; b++) values[b] = meta.benchmarks().get(benchmarks.get(b));
        List<double[]> x = new ArrayList<>(), w = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(csv);
                CSVParser parser = CSVFormat.DEFAULT
                        .builder()
                        .setHeader()
                        .setSkipHeaderRecord(true)
                        .setTrim(true)
                        .get()
                        .parse(in)) {
            Map<String, Integer> header = parser.getHeaderMap();
            for (String o : meta.observables())
                require(header.containsKey(o), csv + ": no column '" + o + "' (an observable of " + metadataFile + ")");
            for (String b : benchmarks) {
                require(
                        header.containsKey("weight_" + b),
                        csv + ": no column 'weight_" + b + "' (benchmark " + b + " of " + metadataFile + ")");
            }
            for (CSVRecord r : parser) {
                require(
                        r.isConsistent(),
                        csv + ", line " + (r.getRecordNumber() + 1) + ": " + r.size() + " fields, the header has "
                                + header.size());
                double[] xi = new double[meta.observables().size()], wi = new double[benchmarks.size()];
                for (int j = 0; j < xi.length; j++)
                    xi[j] = number(r, meta.observables().get(j), csv);
                for (int b = 0; b < wi.length; b++) wi[b] = number(r, "weight_" + benchmarks.get(b), csv);
                x.add(xi);
                w.add(wi);
            }
        } catch (NoSuchFileException e) {
            throw new InputException(csv + ": no such file");
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            throw new InputException(csv + ": not a readable CSV table: " + e.getMessage(), e);
        }
        require(!x.isEmpty(), csv + ": no events");
        long[][] components = meta.morphingComponents();
        double[][] matrix = components == null
                ? null
                : Morphing.fromBasis(components, values).matrix();
        return new MadMinerEventFile(
                meta.parameters().toArray(new String[0]),
                benchmarks.toArray(new String[0]),
                values,
                components,
                matrix,
                meta.observables().toArray(new String[0]),
                x.toArray(new double[0][]),
                w.toArray(new double[0][]),
                new long[x.size()]);
    }

    private static Metadata metadata(Path file) {
        Metadata m;
        try {
            m = new ObjectMapper()
                    .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .readValue(file.toFile(), Metadata.class);
        } catch (IOException e) {
            throw new InputException(
                    file + ": not a valid metadata file (parameters, benchmarks, observables, morphingComponents): "
                            + e.getMessage().split("\n")[0],
                    e);
        }
        require(
                m.parameters() != null && !m.parameters().isEmpty(),
                file + ": field 'parameters' must list the theory parameters");
        require(
                m.observables() != null && !m.observables().isEmpty(),
                file + ": field 'observables' must list the observables");
        require(
                m.benchmarks() != null && !m.benchmarks().isEmpty(),
                file + ": field 'benchmarks' must map benchmark names to parameter values");
        m.benchmarks()
                .forEach((name, v) -> require(
                        v != null && v.length == m.parameters().size(),
                        file + ": benchmark '" + name + "' has " + (v == null ? 0 : v.length) + " values for "
                                + m.parameters().size() + " parameters"));
        if (m.morphingComponents() != null) {
            require(
                    m.morphingComponents().length == m.benchmarks().size(),
                    file + ": " + m.morphingComponents().length
                            + " morphing components need as many benchmarks, there are "
                            + m.benchmarks().size());
            for (long[] c : m.morphingComponents()) {
                require(
                        c.length == m.parameters().size(),
                        file + ": a morphing component has " + c.length + " powers for "
                                + m.parameters().size() + " parameters");
            }
        }
        return m;
    }

    private static double number(CSVRecord r, String column, Path csv) {
        String s = r.get(column);
        double v;
        try {
            v = Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw new InputException(csv + ", line " + (r.getRecordNumber() + 1) + ", column '" + column + "': '" + s
                    + "' is not a number");
        }
        require(
                Double.isFinite(v),
                csv + ", line " + (r.getRecordNumber() + 1) + ", column '" + column + "': not finite (" + s + ")");
        return v;
    }

    private static void require(boolean ok, String message) {
        if (!ok) throw new InputException(message);
    }
}
