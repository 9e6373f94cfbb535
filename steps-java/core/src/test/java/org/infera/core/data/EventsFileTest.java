package org.infera.core.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.infera.core.cli.InputException;
import org.infera.core.hdf5.H5Output;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventsFileTest {
    @TempDir
    Path dir;

    static EventsFile sample() {
        return new EventsFile(
                "test",
                7,
                new String[] {"x0", "x1"},
                new String[] {"signal", "background"},
                new double[] {50, 1000},
                new double[][] {{1, 2}, {3, 4}, {5, 6}},
                new long[] {0, 1, 1});
    }

    @Test
    void roundTripsAndIsByteIdenticalWhenWrittenTwice() throws IOException {
        Path a = dir.resolve("a.h5"), b = dir.resolve("b.h5");
        sample().write(a);
        sample().write(b);
        assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b));
        EventsFile back = EventsFile.read(a);
        assertArrayEquals(sample().observables(), back.observables());
        assertArrayEquals(sample().process(), back.process());
        assertTrue(Arrays.deepEquals(sample().observations(), back.observations()));
        assertEquals(7, back.seed());
        try (var files = Files.list(dir)) {
            assertEquals(2, files.count(), "no temporary file is left behind");
        }
    }

    @Test
    void rejectsMissingNonHdf5AndTruncatedFiles() throws IOException {
        assertMessage(dir.resolve("none.h5"), "file not found");
        Path text = Files.writeString(dir.resolve("text.h5"), "not hdf5");
        assertMessage(text, "not an HDF5 file");
        Path good = dir.resolve("good.h5");
        sample().write(good);
        byte[] bytes = Files.readAllBytes(good);
        Path truncated = Files.write(dir.resolve("truncated.h5"), Arrays.copyOf(bytes, bytes.length / 3));
        InputException e = assertThrows(InputException.class, () -> EventsFile.read(truncated));
        assertTrue(e.getMessage().startsWith(truncated.toString()), e.getMessage());
    }

    @Test
    void rejectsWrongShapeNanAndBadProcessIndex() {
        Path shape = write("shape.h5", new double[][] {{1, 2, 3}}, new long[] {0});
        assertMessage(shape, "dataset 'samples/observations': expected 2 columns, found shape [1, 3]");
        Path nan = write("nan.h5", new double[][] {{1, Double.NaN}}, new long[] {0});
        assertMessage(nan, "dataset 'samples/observations': non-finite value NaN at [0, 1]");
        Path index = write("index.h5", new double[][] {{1, 2}}, new long[] {5});
        assertMessage(index, "dataset 'samples/process': value 5 at [0] is not a process index");
        Path length = write("length.h5", new double[][] {{1, 2}}, new long[] {0, 1});
        assertMessage(length, "dataset 'samples/process': expected length 1, found shape [2]");
    }

    @Test
    void rejectsAFileOfAnotherFormat() {
        Path other = dir.resolve("other.h5");
        H5Output.write(other, "templates", 1, out -> out.dataset("x", new double[] {1}));
        assertMessage(other, "expected an infera 'events' file, found a 'templates' file");
        Path plain = dir.resolve("plain.h5");
        try (WritableHdfFile f = HdfFile.write(plain)) {
            f.putDataset("x", new double[] {1});
        }
        assertMessage(plain, "root attribute 'infera_format' is missing");
    }

    private Path write(String name, double[][] obs, long[] process) {
        Path p = dir.resolve(name);
        H5Output.write(p, EventsFile.FORMAT, EventsFile.VERSION, out -> out.attribute("", "generator", "test")
                .attribute("", "seed", 1L)
                .dataset("observables/names", new String[] {"x0", "x1"})
                .dataset("processes/names", new String[] {"signal", "background"})
                .dataset("processes/expected_yield", new double[] {50, 1000})
                .dataset("samples/observations", obs)
                .dataset("samples/process", process));
        return p;
    }

    private static void assertMessage(Path p, String expected) {
        InputException e = assertThrows(InputException.class, () -> EventsFile.read(p));
        assertTrue(e.getMessage().contains(expected), "message: " + e.getMessage());
        assertTrue(e.getMessage().startsWith(p.toString()), "the message names the file: " + e.getMessage());
    }
}
