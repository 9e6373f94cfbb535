package org.infera.core.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files we write are read by the HDF Group's own h5dump (Debian's hdf5-tools; .ci/run installs it). */
class ReferenceToolsTest {
    @TempDir
    Path dir;

    @Test
    void h5dumpReadsEveryKindOfFileWeWrite() throws Exception {
        boolean ci = System.getenv("CI") != null;
        boolean present = Files.isExecutable(Path.of("/usr/bin/h5dump"));
        if (!ci) Assumptions.assumeTrue(present, "h5dump (Debian hdf5-tools) is not installed");
        assertTrue(present, "CI must install hdf5-tools (h5dump)");

        Path events = dir.resolve("events.h5");
        EventsFileTest.sample().write(events);
        String dump = h5dump(events, "samples/observations");
        assertTrue(dump.contains("H5T_IEEE_F64LE"), dump);
        assertTrue(dump.contains("SIMPLE { ( 3, 2 ) / ( 3, 2 ) }"), dump);
        assertTrue(dump.replaceAll("\\s+", " ").contains("(0,0): 1, 2, (1,0): 3, 4, (2,0): 5, 6"), dump);
        String names = h5dump(events, "observables/names");
        assertTrue(names.contains("\"x0\"") && names.contains("\"x1\""), names);

        Path samples = dir.resolve("samples.h5");
        Sample s = new Sample(new double[][] {{1, 2}}, new long[] {1}, new long[] {0}, new double[] {50});
        new SamplesFile(
                        new String[] {"x0", "x1"},
                        new String[] {"signal", "background"},
                        new double[] {50, 1000},
                        new long[] {1, 0},
                        3,
                        Map.of(Split.TRAIN, s, Split.VALIDATION, s, Split.TEST, s))
                .write(samples);
        assertTrue(h5dump(samples, "train/weight").contains("(0): 50"));

        Path templates = dir.resolve("templates.h5");
        new TemplatesFile(
                        "classifier",
                        new double[] {0, 0.5, 1},
                        new String[] {"signal", "background"},
                        new long[] {1, 0},
                        new double[][] {{10, 40}, {900, 100}},
                        new long[][] {{10, 40}, {900, 100}},
                        List.of(new TemplatesFile.NuisanceTemplate(
                                "r", 1, 0, 0.2, -0.2, new double[] {880, 120}, new double[] {920, 80})))
                .write(templates);
        assertTrue(h5dump(templates, "nuisances/up").replaceAll("\\s+", " ").contains("(0,0): 880, 120"));

        // weighted events in MadMiner's layout, as MadMiner's fixture holds them
        Path madminer = dir.resolve("madminer.h5");
        MadMinerEventFile fixture = MadMinerEventFile.read(MadMinerEventFileTest.fixture());
        fixture.write(madminer);
        assertTrue(h5dump(madminer, "parameters/names").contains("\"CWL2\""));
        assertTrue(
                h5dump(madminer, "morphing/components").replaceAll("\\s+", " ").contains("(1,0): 0, 1"));
        MadMinerEventFile back = MadMinerEventFile.read(madminer);
        assertEquals(fixture.events(), back.events());
        assertEquals(fixture.weights()[7][3], back.weights()[7][3], 0);
    }

    private static String h5dump(Path file, String dataset) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("h5dump", "-d", dataset, file.toString())
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), "h5dump failed on " + file + ":\n" + out);
        return out;
    }
}
