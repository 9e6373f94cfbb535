package org.infera.augment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.infera.core.cli.StepMain;
import org.infera.core.data.ScoreSamplesFile;
import org.infera.core.data.Split;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Score samples drawn from MadMiner's own file (six samples, each simulated at another benchmark): every
 * drawn event's joint score equals the one MadMiner computes for it (src/test/resources/madminer, with
 * the MadMiner version and calls it came from), with the samples combined (infera's default) and with
 * only the sample closest to θ ({@code --samples closest}, MadMiner's SampleAugmenter default).
 */
class MadMinerSamplesAugmentTest {
    /**
     * A reference event: its observables, its sample, and MadMiner's scores (closest: null unless in the closest
     * sample).
     */
    record Reference(int event, double[] x, int sample, double[] combined, double[] closest) {}

    static Path fixture() {
        Path p = Path.of(System.getProperty("infera.repo", "../.."))
                .resolve("../shared/fixtures/madminer_dummy_data.h5")
                .normalize();
        assertTrue(Files.isRegularFile(p), "fixture missing: " + p);
        return p;
    }

    static List<Reference> references() throws IOException {
        List<Reference> out = new ArrayList<>();
        try (var in = MadMinerSamplesAugmentTest.class.getResourceAsStream("/madminer/joint-score-1_-1.csv")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.startsWith("#") || line.startsWith("event") || line.isBlank()) continue;
                String[] c = line.split(",", -1);
                out.add(new Reference(
                        Integer.parseInt(c[0]),
                        new double[] {Double.parseDouble(c[1]), Double.parseDouble(c[2])},
                        Integer.parseInt(c[3]),
                        new double[] {Double.parseDouble(c[4]), Double.parseDouble(c[5])},
                        c[6].isEmpty() ? null : new double[] {Double.parseDouble(c[6]), Double.parseDouble(c[7])}));
            }
        }
        return out;
    }

    /** Every drawn event's joint score, by its observables. */
    private static Map<String, double[]> drawn(Path dir, String... options) {
        Path out = dir.resolve("samples.h5");
        // the weights are uneven (effective sample size about 200 of 5821 events): 30000 draws still reach most
        // reference events
        List<String> args = new ArrayList<>(
                List.of("score", "--at", "1,-1", "--draws", "30000", "--seed", "3", "-o", out.toString()));
        args.addAll(List.of(options));
        args.add(fixture().toString());
        assertEquals(0, StepMain.execute(new AugmentCommand(), args.toArray(new String[0])));
        ScoreSamplesFile samples = ScoreSamplesFile.read(out);
        Map<String, double[]> byX = new HashMap<>();
        for (Split s : Split.values()) {
            ScoreSamplesFile.Scores split = samples.splits().get(s);
            for (int i = 0; i < split.x().length; i++) byX.put(key(split.x()[i]), split.tXz()[i]);
        }
        return byX;
    }

    @Test
    void jointScoresOfTheCombinedSamplesAreMadMiners(@TempDir Path dir) throws IOException {
        Map<String, double[]> byX = drawn(dir);
        int matched = 0;
        for (Reference r : references()) {
            double[] t = byX.get(key(r.x()));
            if (t == null) continue;
            matched++;
            for (int p = 0; p < 2; p++)
                assertEquals(
                        r.combined()[p], t[p], 1e-8 * Math.abs(r.combined()[p]), "t" + p + " of event " + r.event());
        }
        assertTrue(matched >= 120, "only " + matched + " of the reference events were drawn");
    }

    @Test
    void closestSampleOnlyDrawsFromItAndNormalisesByItsCrossSection(@TempDir Path dir) throws IOException {
        Map<String, double[]> byX = drawn(dir, "--samples", "closest");
        int matched = 0;
        for (Reference r : references()) {
            double[] t = byX.get(key(r.x()));
            if (r.closest() == null) {
                assertEquals(
                        null,
                        t,
                        "event " + r.event() + " of sample " + r.sample()
                                + " was drawn, but only the closest sample may be");
                continue;
            }
            if (t == null) continue;
            matched++;
            for (int p = 0; p < 2; p++)
                assertEquals(r.closest()[p], t[p], 1e-8 * Math.abs(r.closest()[p]), "t" + p + " of event " + r.event());
        }
        assertTrue(matched >= 20, "only " + matched + " of the closest sample's reference events were drawn");
    }

    private static String key(double[] x) {
        return x[0] + "," + x[1];
    }
}
