package org.infera.fit.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.infera.core.data.MadMinerEventFile;
import org.infera.fit.FitCli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * infera-fit fisher on MadMiner's own file (six samples, each simulated at another benchmark) gives
 * MadMiner's truth and rate information: {@code FisherInformation.truth_information} and
 * {@code rate_information} of MadMiner v0.9.6-24-g3e2615d (madminer-tool/madminer 3e2615d), run by hand
 * on the fixture with Debian's python3 — whole, split into shards, and whatever the number of samples.
 */
class MadMinerFisherTest {
    private static final double[][] TRUTH_AT_0 = {
        {218.33053809726522, 1.2480706599214186}, {1.2480706599214186, 195.03416150976406}
    };
    private static final double[][] RATE_AT_0 = {
        {42.65445954368618, -2.4574799981726754}, {-2.4574799981726754, 0.14158444406577206}
    };

    static Path fixture() {
        Path p = Path.of(System.getProperty("infera.repo", "../.."))
                .resolve("../shared/fixtures/madminer_dummy_data.h5")
                .normalize();
        assertTrue(Files.isRegularFile(p), "fixture missing: " + p);
        return p;
    }

    private static JsonNode fisher(String mode, String... files) {
        String[] args = {"fisher", "--theta", "0,0", "--luminosity", "300000", "--mode", mode, "--events"};
        FitCli.Result r = FitCli.run(concat(args, files));
        assertEquals(0, r.code(), "infera-fit fisher exit code");
        return r.json();
    }

    @Test
    void truthAndRateInformationOfTheFixtureAreMadMiners() {
        assertMatrix(TRUTH_AT_0, fisher("truth", fixture().toString()), "truth information");
        assertMatrix(RATE_AT_0, fisher("rate", fixture().toString()), "rate information");
    }

    @Test
    void shardsOfTheFixtureGiveTheSameInformation(@TempDir Path dir) {
        MadMinerEventFile f = MadMinerEventFile.read(fixture());
        String a = slice(f, 0, 3000, dir.resolve("run_00000.h5")),
                b = slice(f, 3000, f.events(), dir.resolve("run_00001.h5"));
        assertMatrix(TRUTH_AT_0, fisher("truth", b, a), "truth information from two shards");
        assertMatrix(RATE_AT_0, fisher("rate", a, b), "rate information from two shards");
    }

    /**
     * The information's scale does not depend on how many samples the events came in: the sample
     * simulated at the Standard Model alone (911 events) estimates the same cross sections as all six
     * together, so its information agrees within its statistical precision (summing the six samples as
     * if each were the run gave six times the information).
     */
    @Test
    void informationScaleDoesNotDependOnTheNumberOfSamples(@TempDir Path dir) {
        MadMinerEventFile f = MadMinerEventFile.read(fixture());
        int[] sm = java.util.stream.IntStream.range(0, f.events())
                .filter(e -> f.samplingBenchmarks()[e] == 0)
                .toArray();
        Path smOnly = dir.resolve("sm-only.h5");
        new MadMinerEventFile(
                        f.parameters(),
                        f.benchmarks(),
                        f.benchmarkValues(),
                        f.morphingComponents(),
                        f.morphingMatrix(),
                        f.observables(),
                        Arrays.stream(sm).mapToObj(e -> f.observations()[e]).toArray(double[][]::new),
                        Arrays.stream(sm).mapToObj(e -> f.weights()[e]).toArray(double[][]::new),
                        new long[sm.length])
                .write(smOnly);
        JsonNode one = fisher("truth", smOnly.toString());
        for (int i = 0; i < 2; i++) {
            double ratio = one.get("fisher").get(i).get(i).asDouble() / TRUTH_AT_0[i][i];
            assertTrue(
                    ratio > 0.6 && ratio < 1.6,
                    "I[" + i + "][" + i + "] of the SM sample alone / all six samples = " + ratio);
        }
    }

    private static String slice(MadMinerEventFile f, int from, int to, Path target) {
        new MadMinerEventFile(
                        f.parameters(),
                        f.benchmarks(),
                        f.benchmarkValues(),
                        f.morphingComponents(),
                        f.morphingMatrix(),
                        f.observables(),
                        Arrays.copyOfRange(f.observations(), from, to),
                        Arrays.copyOfRange(f.weights(), from, to),
                        Arrays.copyOfRange(f.samplingBenchmarks(), from, to))
                .write(target);
        return target.toString();
    }

    private static void assertMatrix(double[][] expected, JsonNode result, String what) {
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 2; j++) {
                double e = expected[i][j];
                assertEquals(
                        e,
                        result.get("fisher").get(i).get(j).asDouble(),
                        1e-8 * Math.abs(e),
                        what + " [" + i + "][" + j + "]");
            }
        }
    }

    private static String[] concat(String[] a, String[] b) {
        String[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
