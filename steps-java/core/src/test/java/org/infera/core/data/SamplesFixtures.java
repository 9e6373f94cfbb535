package org.infera.core.data;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Function;
import org.infera.core.physics.InfernoPaperProblem;
import org.infera.core.physics.NeosBlobs;
import org.infera.core.random.Rng;

/** Samples of the built-in problems, made directly for the training tests. */
public final class SamplesFixtures {
    private SamplesFixtures() {}

    /** The INFERNO paper problem: 50 signal and 1000 background events expected. */
    public static Path write(Path file, int perProcessAndSplit, long seed) {
        return write(
                file,
                perProcessAndSplit,
                seed,
                InfernoPaperProblem.FEATURES,
                InfernoPaperProblem.PROCESSES,
                50,
                1000,
                rng -> InfernoPaperProblem.signal(rng),
                rng -> InfernoPaperProblem.background(rng, 0, 3));
    }

    /** The neos toy (2-D blobs): 20 signal and 100 background events expected. */
    public static Path writeBlobs(Path file, int perProcessAndSplit, long seed) {
        return write(
                file,
                perProcessAndSplit,
                seed,
                NeosBlobs.FEATURES,
                NeosBlobs.PROCESSES,
                20,
                100,
                NeosBlobs::signal,
                NeosBlobs::background);
    }

    /** Alternating signal and background events in every split, weighted to the expected yields. */
    public static Path write(
            Path file,
            int perProcessAndSplit,
            long seed,
            String[] features,
            String[] processes,
            double signalYield,
            double backgroundYield,
            Function<Rng, double[]> signal,
            Function<Rng, double[]> background) {
        Rng rng = new Rng(seed);
        Map<Split, Sample> splits = new EnumMap<>(Split.class);
        for (Split s : Split.values()) {
            int n = 2 * perProcessAndSplit;
            double[][] x = new double[n][];
            long[] label = new long[n], process = new long[n];
            double[] weight = new double[n];
            for (int i = 0; i < n; i++) {
                boolean isSignal = i % 2 == 0;
                x[i] = isSignal ? signal.apply(rng) : background.apply(rng);
                label[i] = isSignal ? 1 : 0;
                process[i] = isSignal ? 0 : 1;
                weight[i] = (isSignal ? signalYield : backgroundYield) / perProcessAndSplit;
            }
            splits.put(s, new Sample(x, label, process, weight));
        }
        new SamplesFile(
                        features,
                        processes,
                        new double[] {signalYield, backgroundYield},
                        new long[] {1, 0},
                        seed,
                        splits)
                .write(file);
        return file;
    }
}
