package org.infera.core.fuzz;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.infera.core.data.EventsFile;
import org.infera.core.data.MadMinerEventFile;
import org.infera.core.data.RatioSamplesFile;
import org.infera.core.data.Sample;
import org.infera.core.data.SamplesFile;
import org.infera.core.data.ScoreSamplesFile;
import org.infera.core.data.Split;
import org.infera.core.data.TemplatesFile;
import org.infera.core.data.TestSamplesFile;

/**
 * Writes the HDF5 seeds of the readers' fuzz tests: the smallest valid file of each format, written
 * by our own writers (a few KB each, so that the corpora stay small in git). Run it again when a
 * format changes: {@code java -cp <test class path> org.infera.core.fuzz.SeedFiles <dir>} writes
 * {@code <dir>/<reader>/seed-*.h5}, to be copied into the fuzz tests' Inputs folders.
 */
public final class SeedFiles {
    private SeedFiles() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        String[] features = {"x0", "x1"};
        String[] processes = {"signal", "background"};
        new EventsFile("seed", 7, features, processes, new double[] {50, 1000}, new double[][] {{1, 2}, {3, 4}, {5, 6}},
                new long[] {0, 1, 1}).write(file(dir, "events", "seed-events.h5"));

        Sample s = new Sample(new double[][] {{1, 2}, {0.5, -1}}, new long[] {1, 0}, new long[] {0, 1}, new double[] {50, 1000});
        new SamplesFile(features, processes, new double[] {50, 1000}, new long[] {1, 0}, 3,
                Map.of(Split.TRAIN, s, Split.VALIDATION, s, Split.TEST, s)).write(file(dir, "samples", "seed-samples.h5"));

        new TemplatesFile("classifier", new double[] {0, 0.5, 1}, processes, new long[] {1, 0},
                new double[][] {{10, 40}, {900, 100}}, new long[][] {{10, 40}, {900, 100}},
                List.of(new TemplatesFile.NuisanceTemplate("r", 1, 0, 0.2, -0.2, new double[] {880, 120}, new double[] {920, 80})))
                .write(file(dir, "templates", "seed-templates.h5"));

        String[] parameters = {"a", "b"};
        ScoreSamplesFile.Scores scores = new ScoreSamplesFile.Scores(new double[][] {{1, 2}, {3, 4}}, new double[][] {{0.1, 0.2}, {0.3, 0.4}});
        new ScoreSamplesFile(parameters, features, new double[2], 5, 2.0,
                Map.of(Split.TRAIN, scores, Split.VALIDATION, scores, Split.TEST, scores)).write(file(dir, "scoreSamples", "seed-score.h5"));

        double[][] theta = {{0, 0}, {1, 1}};
        RatioSamplesFile.Ratios ratios = new RatioSamplesFile.Ratios(new double[][] {{1, 2}, {3, 4}}, theta, theta, new long[] {0, 1},
                new double[] {1.5, 0.5}, new double[][] {{0.1, 0.2}, {0.3, 0.4}}, new double[][] {{0.1, 0.2}, {0.3, 0.4}});
        new RatioSamplesFile(parameters, features, theta, theta, 5, new double[] {2, 2}, new double[] {2, 2},
                Map.of(Split.TRAIN, ratios, Split.VALIDATION, ratios, Split.TEST, ratios)).write(file(dir, "ratioSamples", "seed-ratio.h5"));

        new TestSamplesFile(parameters, features, theta, 5, new double[] {2, 2}, new double[][] {{1, 2}, {3, 4}}, theta)
                .write(file(dir, "testSamples", "seed-test.h5"));

        // MadMiner's layout with the fixture's header and a few of its events (the fixture itself is 450 KB)
        Path fixture = Path.of(args[1]);
        MadMinerEventFile m = MadMinerEventFile.read(fixture);
        int n = 4;
        new MadMinerEventFile(m.parameters(), m.benchmarks(), m.benchmarkValues(), m.morphingComponents(), m.morphingMatrix(),
                m.observables(), java.util.Arrays.copyOf(m.observations(), n), java.util.Arrays.copyOf(m.weights(), n),
                java.util.Arrays.copyOf(m.samplingBenchmarks(), n)).write(file(dir, "madMiner", "seed-infera-written.h5"));
    }

    private static Path file(Path dir, String reader, String name) throws java.io.IOException {
        return Files.createDirectories(dir.resolve(reader)).resolve(name);
    }
}
