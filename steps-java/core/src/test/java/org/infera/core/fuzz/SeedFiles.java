package org.infera.core.fuzz;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.infera.core.data.EstimatedLogRatiosFile;
import org.infera.core.data.EstimatedScoresFile;
import org.infera.core.data.EventsFile;
import org.infera.core.data.MadMinerEventFile;
import org.infera.core.data.PseudoExperimentsFile;
import org.infera.core.data.RatioSamplesFile;
import org.infera.core.data.Sample;
import org.infera.core.data.SamplesFile;
import org.infera.core.data.ScoreSamplesFile;
import org.infera.core.data.Split;
import org.infera.core.data.TemplatesFile;
import org.infera.core.data.TestSamplesFile;
import org.infera.core.data.ToyShardFile;
import org.infera.core.histfactory.infer.TestStatistic;
import org.infera.core.histfactory.infer.ToyStatistics;

/**
 * Writes the HDF5 seeds of the readers' fuzz tests: the smallest valid file of each format, written
 * by our own writers (a few KB each, so that the corpora stay small in git). Run it again when a
 * format changes: {@code java -cp <test class path> org.infera.core.fuzz.SeedFiles <dir> <MadMiner file>}
 * writes {@code <dir>/<reader>/seed-*.h5}, to be copied into the fuzz tests' Inputs folders. The seeds
 * h5py wrote (seed-h5py-*) come from the same files copied by h5py, some datasets chunked and gzipped.
 */
public final class SeedFiles {
    private SeedFiles() {}

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        String[] features = {"x0", "x1"};
        String[] processes = {"signal", "background"};
        double[] yields = {50, 1000};
        double[][] observations = {{1, 2}, {3, 4}, {5, 6}};
        new EventsFile("seed", 7, features, processes, yields, observations, new long[] {0, 1, 1})
                .write(file(dir, "events", "seed-events.h5"));

        Sample s = new Sample(new double[][] {{1, 2}, {0.5, -1}}, new long[] {1, 0}, new long[] {0, 1}, yields);
        new SamplesFile(features, processes, yields, new long[] {1, 0}, 3, splits(s))
                .write(file(dir, "samples", "seed-samples.h5"));

        var nuisance = new TemplatesFile.NuisanceTemplate(
                "r", 1, 0, 0.2, -0.2, new double[] {880, 120}, new double[] {920, 80});
        new TemplatesFile(
                        "classifier",
                        new double[] {0, 0.5, 1},
                        processes,
                        new long[] {1, 0},
                        new double[][] {{10, 40}, {900, 100}},
                        new long[][] {{10, 40}, {900, 100}},
                        List.of(nuisance))
                .write(file(dir, "templates", "seed-templates.h5"));

        String[] parameters = {"a", "b"};
        double[][] x = {{1, 2}, {3, 4}};
        double[][] t = {{0.1, 0.2}, {0.3, 0.4}};
        new ScoreSamplesFile(parameters, features, new double[2], 5, 2.0, splits(new ScoreSamplesFile.Scores(x, t)))
                .write(file(dir, "scoreSamples", "seed-score.h5"));

        double[][] theta = {{0, 0}, {1, 1}};
        var ratios = new RatioSamplesFile.Ratios(x, theta, theta, new long[] {0, 1}, new double[] {1.5, 0.5}, t, t);
        double[] effective = {2, 2};
        new RatioSamplesFile(parameters, features, theta, theta, 5, effective, effective, splits(ratios))
                .write(file(dir, "ratioSamples", "seed-ratio.h5"));

        new TestSamplesFile(parameters, features, theta, 5, new double[] {2, 2}, x, theta)
                .write(file(dir, "testSamples", "seed-test.h5"));

        var run = new ToyShardFile.Run("hypotest", "0".repeat(64), "meas", "code4", "mu", 4, 0.05, true);
        var toys = new ToyStatistics(
                TestStatistic.parse("qtilde"),
                7,
                2,
                new double[] {0.5, 1},
                new double[] {0.3, 1.2},
                new double[][] {{0.1, 2.5}, {0, 3.1}},
                new double[][] {{1.4, 0.2}, {2.2, 0.7}},
                new long[] {0, 1});
        new ToyShardFile(run, toys).write(file(dir, "toyShard", "seed-toy-shard.h5"));

        new PseudoExperimentsFile(
                        "classifier",
                        7,
                        new double[] {0, 0.5, 1},
                        new String[] {"nominal", "r+1sigma"},
                        new String[] {"s", "r"},
                        new double[][] {{50, 0}, {50, 0.2}},
                        new long[] {0, 1, 2},
                        new long[] {4, 4, 4},
                        new long[] {0, 1, 1},
                        new long[][] {{12, 40}, {9, 51}, {15, 38}})
                .write(file(dir, "pseudoExperiments", "seed-pseudo-experiments.h5"));

        double[][] score = {{0.1, -0.2}, {0.3, 0.0}, {-0.4, 0.5}};
        new EstimatedScoresFile(
                        "eft.h5",
                        3,
                        "sally",
                        new String[] {"theta0", "theta1"},
                        new String[] {"x0", "x1"},
                        score,
                        new double[][][] {score, {{0.2, -0.1}, {0.3, 0.1}, {-0.3, 0.4}}})
                .write(file(dir, "estimatedScores", "seed-ensemble-scores.h5"));
        new EstimatedLogRatiosFile(
                        "gauss.h5",
                        3,
                        "ratio",
                        "alices",
                        new String[] {"theta"},
                        new String[] {"x"},
                        new double[] {0},
                        new double[][] {{-0.5}, {0}, {0.5}},
                        new float[][] {{0.1f, 0f, -0.1f}, {0.2f, 0f, -0.2f}, {-0.05f, 0f, 0.05f}},
                        new float[][][] { // an ensemble of two, whose mean is log_r
                            {{0.2f, 0f, -0.1f}, {0.1f, 0f, -0.3f}, {-0.05f, 0f, 0.1f}},
                            {{0f, 0f, -0.1f}, {0.3f, 0f, -0.1f}, {-0.05f, 0f, 0f}}
                        })
                .write(file(dir, "estimatedLogRatios", "seed-log-ratios.h5"));

        // MadMiner's layout with the header of the MadMiner file given and its first events (the fixture is 450 KB)
        MadMinerEventFile m = MadMinerEventFile.read(Path.of(args[1]));
        int n = 4;
        new MadMinerEventFile(
                        m.parameters(),
                        m.benchmarks(),
                        m.benchmarkValues(),
                        m.morphingComponents(),
                        m.morphingMatrix(),
                        m.observables(),
                        Arrays.copyOf(m.observations(), n),
                        Arrays.copyOf(m.weights(), n),
                        Arrays.copyOf(m.samplingBenchmarks(), n))
                .write(file(dir, "madMiner", "seed-infera-written.h5"));
    }

    private static <T> Map<Split, T> splits(T each) {
        return Map.of(Split.TRAIN, each, Split.VALIDATION, each, Split.TEST, each);
    }

    private static Path file(Path dir, String reader, String name) throws java.io.IOException {
        return Files.createDirectories(dir.resolve(reader)).resolve(name);
    }
}
