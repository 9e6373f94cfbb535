package org.infera.core.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.infera.core.cli.InputException;
import org.infera.core.morphing.Morphing;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Weighted events of an external generator from CSV and metadata, and the messages for bad ones. */
class CsvEventImportTest {
    @TempDir
    Path dir;

    static final String META =
            """
            {"parameters": ["a"], "benchmarks": {"sm": [0], "plus": [1], "minus": [-1]}, "observables": ["x"],
             "morphing_components": [[0], [1], [2]]}
            """;
    // weights (1 + a x)²: at a = 0, 1, −1
    static final String CSV =
            """
            x,weight_sm,weight_plus,weight_minus
            0.5,1,2.25,0.25
            -0.2,1,0.64,1.44
            """;

    @Test
    void importsTheEventsAndTheirMorphing() throws Exception {
        Path meta = Files.writeString(dir.resolve("meta.json"), META),
                csv = Files.writeString(dir.resolve("e.csv"), CSV);
        MadMinerEventFile f = CsvEventImport.read(csv, meta);
        assertArrayEquals(new String[] {"sm", "plus", "minus"}, f.benchmarks());
        assertEquals(2, f.events());
        assertArrayEquals(new double[] {0.5}, f.observations()[0], 0);
        // the morphing reproduces (1 + a x)² at any a
        double[] w =
                new Morphing(f.morphingComponents(), f.morphingMatrix()).eventWeights(f.weights(), new double[] {0.3});
        assertEquals(Math.pow(1 + 0.3 * 0.5, 2), w[0], 1e-12);
        assertEquals(Math.pow(1 - 0.3 * 0.2, 2), w[1], 1e-12);
        Path out = dir.resolve("e.h5");
        f.write(out);
        assertEquals(2, MadMinerEventFile.read(out).events());
    }

    @Test
    void badFilesSayWhereAndWhat() throws Exception {
        Path meta = Files.writeString(dir.resolve("meta.json"), META);
        refused(CSV.replace("weight_minus", "weight_mins"), meta, "no column 'weight_minus'");
        refused(CSV.replace("0.5,1", "abc,1"), meta, "line 2, column 'x': 'abc' is not a number");
        refused(CSV.replace("-0.2,1,0.64,1.44", "-0.2,1,0.64"), meta, "line 3");
        refused(CSV.replace("0.5,1", "NaN,1"), meta, "not finite");
        Path badMeta = Files.writeString(dir.resolve("bad.json"), META.replace("\"plus\": [1]", "\"plus\": [1, 2]"));
        InputException e = assertThrows(
                InputException.class, () -> CsvEventImport.read(Files.writeString(dir.resolve("x.csv"), CSV), badMeta));
        assertTrue(e.getMessage().contains("benchmark 'plus' has 2 values for 1 parameters"), e.getMessage());
    }

    private void refused(String csv, Path meta, String expected) throws Exception {
        Path f = Files.writeString(dir.resolve("bad.csv"), csv);
        InputException e = assertThrows(InputException.class, () -> CsvEventImport.read(f, meta));
        assertTrue(e.getMessage().contains(expected) && e.getMessage().contains("bad.csv"), e.getMessage());
    }
}
