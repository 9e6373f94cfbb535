package org.infera.core.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.infera.core.cli.Progress;
import org.infera.core.morphing.Morphing;
import org.infera.core.physics.EftToy;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Weighted-event files we write are read by h5py the way MadMiner's loader reads them
 * (src/test/python/read_as_madminer.py; Debian's python3-h5py, which .ci/run installs). The same
 * script reads MadMiner's own fixture first, so a script that accepted anything would fail there.
 */
class ReadByH5pyTest {
    private static final Path SCRIPT = Path.of("src/test/python/read_as_madminer.py");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @BeforeAll
    static void needsH5py() throws Exception {
        boolean present = h5pyPresent();
        if (System.getenv("CI") == null)
            Assumptions.assumeTrue(present, "python3 with h5py (Debian python3-h5py) is not installed");
        assertTrue(present, "CI must install python3-h5py");
    }

    @Test
    void theScriptReadsMadMinersOwnFixture() throws Exception {
        MadMinerEventFile ours = MadMinerEventFile.read(MadMinerEventFileTest.fixture());
        JsonNode read = readAsMadMiner(MadMinerEventFileTest.fixture());
        assertEquals(5821, read.get("events").asInt());
        assertEquals("16.52*theta", read.at("/parameters/CWL2/transform").asText());
        assertEquals("sm", read.at("/reference/0").asText());
        assertMatches(ours, read);
    }

    @Test
    void h5pyReadsTheEftToyAsMadMinerWouldLoadIt() throws Exception {
        MadMinerEventFile written;
        try (Progress progress = new Progress("test", 500, "events")) {
            written = EftToy.events(500, 500, 11, progress);
        }
        Path file = dir.resolve("eft.h5");
        written.write(file);
        JsonNode read = readAsMadMiner(file);
        assertMatches(written, read);
        assertEquals(0, read.get("background_events").asInt());
        assertEquals(500, read.at("/signal_events/0").asInt(), "all events were sampled at the SM benchmark");
        assertEquals(2, read.at("/parameters/theta1/max_power/0").asInt());
        // with the matrix h5py reads, the SM is the SM benchmark alone
        assertArrayEquals(
                new double[] {1, 0, 0, 0, 0, 0},
                new Morphing(written.morphingComponents(), matrix(read)).benchmarkWeights(new double[] {0, 0}),
                1e-12);
    }

    @Test
    void h5pyReadsAReWrittenFixture() throws Exception {
        MadMinerEventFile fixture = MadMinerEventFile.read(MadMinerEventFileTest.fixture());
        Path file = dir.resolve("fixture-again.h5");
        fixture.write(file);
        assertMatches(fixture, readAsMadMiner(file));
    }

    private static void assertMatches(MadMinerEventFile expected, JsonNode read) {
        assertEquals(expected.events(), read.get("events").asInt());
        for (int p = 0; p < expected.parameters().length; p++)
            assertEquals(
                    expected.parameters()[p], read.at("/parameter_order/" + p).asText());
        for (int b = 0; b < expected.benchmarks().length; b++) {
            String name = expected.benchmarks()[b];
            assertEquals(name, read.at("/benchmark_order/" + b).asText());
            for (int p = 0; p < expected.parameters().length; p++) {
                assertEquals(
                        expected.benchmarkValues()[b][p],
                        read.at("/benchmarks/" + name + "/" + p).asDouble(),
                        0,
                        name);
            }
            double sum = 0;
            for (double[] w : expected.weights()) sum += w[b];
            assertEquals(sum, read.at("/weight_sums/" + b).asDouble(), 1e-12 * Math.abs(sum), "weights of " + name);
        }
        for (int o = 0; o < expected.observables().length; o++) {
            assertEquals(
                    expected.observables()[o], read.at("/observable_order/" + o).asText());
            assertEquals(
                    expected.observations()[0][o],
                    read.at("/first_observation/" + o).asDouble(),
                    0);
        }
        double[][] matrix = matrix(read);
        for (int c = 0; c < matrix.length; c++) {
            assertArrayEquals(expected.morphingMatrix()[c], matrix[c], 0);
            for (int p = 0; p < expected.parameters().length; p++) {
                assertEquals(
                        expected.morphingComponents()[c][p],
                        read.at("/morphing_components/" + c + "/" + p).asLong());
            }
        }
    }

    private static double[][] matrix(JsonNode read) {
        JsonNode m = read.get("morphing_matrix");
        double[][] out = new double[m.size()][];
        for (int i = 0; i < m.size(); i++) {
            out[i] = new double[m.get(i).size()];
            for (int j = 0; j < out[i].length; j++) out[i][j] = m.get(i).get(j).asDouble();
        }
        return out;
    }

    private static JsonNode readAsMadMiner(Path file) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(python(), SCRIPT.toString(), file.toString()).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), "h5py could not read " + file + " as MadMiner does:\n" + err);
        return JSON.readTree(out);
    }

    /** Debian's python3 (which python3-h5py installs into) before whatever python3 is first on PATH. */
    private static String python() {
        return Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";
    }

    private static boolean h5pyPresent() {
        try {
            Process p = new ProcessBuilder(python(), "-c", "import h5py, numpy")
                    .redirectErrorStream(true)
                    .start();
            p.getInputStream().readAllBytes();
            return p.waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}
