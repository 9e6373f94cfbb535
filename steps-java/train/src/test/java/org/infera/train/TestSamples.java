package org.infera.train;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import org.infera.core.data.Sample;
import org.infera.core.data.SamplesFile;
import org.infera.core.data.Split;
import org.infera.core.physics.InfernoPaperProblem;
import org.infera.core.random.Rng;

/** Samples of the INFERNO paper problem, made directly for the training tests. */
public final class TestSamples {
    private TestSamples() {}

    /** Samples of the neos toy (2-D blobs, 20 signal and 100 background events expected). */
    public static Path writeBlobs(Path file, int perProcessAndSplit, long seed) {
        Rng rng = new Rng(seed);
        Map<Split, Sample> splits = new EnumMap<>(Split.class);
        for (Split s : Split.values()) {
            int n = 2 * perProcessAndSplit;
            double[][] x = new double[n][];
            long[] label = new long[n], process = new long[n];
            double[] weight = new double[n];
            for (int i = 0; i < n; i++) {
                boolean signal = i % 2 == 0;
                x[i] = signal ? org.infera.core.physics.NeosBlobs.signal(rng) : org.infera.core.physics.NeosBlobs.background(rng);
                label[i] = signal ? 1 : 0;
                process[i] = signal ? 0 : 1;
                weight[i] = (signal ? 20.0 : 100.0) / perProcessAndSplit;
            }
            splits.put(s, new Sample(x, label, process, weight));
        }
        new SamplesFile(org.infera.core.physics.NeosBlobs.FEATURES, org.infera.core.physics.NeosBlobs.PROCESSES, new double[] {20, 100},
                new long[] {1, 0}, seed, splits).write(file);
        return file;
    }

    public static Path write(Path file, int perProcessAndSplit, long seed) {
        Rng rng = new Rng(seed);
        Map<Split, Sample> splits = new EnumMap<>(Split.class);
        for (Split s : Split.values()) {
            int n = 2 * perProcessAndSplit;
            double[][] x = new double[n][];
            long[] label = new long[n], process = new long[n];
            double[] weight = new double[n];
            for (int i = 0; i < n; i++) {
                boolean signal = i % 2 == 0;
                x[i] = signal ? InfernoPaperProblem.signal(rng) : InfernoPaperProblem.background(rng, 0, 3);
                label[i] = signal ? 1 : 0;
                process[i] = signal ? 0 : 1;
                weight[i] = (signal ? 50.0 : 1000.0) / perProcessAndSplit;
            }
            splits.put(s, new Sample(x, label, process, weight));
        }
        new SamplesFile(InfernoPaperProblem.FEATURES, InfernoPaperProblem.PROCESSES, new double[] {50, 1000}, new long[] {1, 0},
                seed, splits).write(file);
        return file;
    }
}
