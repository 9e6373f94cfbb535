package org.infera.fit.score;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.infera.core.cli.InputException;
import org.infera.core.data.EstimatedScoresFile;
import org.infera.core.data.MadMinerEventFile;
import org.infera.core.data.RunFiles;
import org.infera.core.random.PseudoExperimentSeeds;
import org.infera.core.random.Rng;

/**
 * Event-level pseudo-experiments of the score-histogram limits: a stream of fresh events simulated at the true
 * point, with the scores the same network gives them, cut in order into experiments of Poisson(ν) events (ν the
 * expected events at the truth, each experiment's size from its own seed), each binned with SALLY's bins. Disjoint
 * runs of independent events are independent experiments, so nothing of the templates is reused.
 */
final class PseudoEventExperiments implements LimitsCoverage.Counts {
    private final int[] eventBins;
    private final long[] offsets; // experiment t holds events [offsets[t], offsets[t + 1])
    private final int bins;

    private PseudoEventExperiments(int[] eventBins, long[] offsets, int bins) {
        this.eventBins = eventBins;
        this.offsets = offsets;
        this.bins = bins;
    }

    /**
     * The experiments of {@code files} (events drawn at {@code truth}: their first benchmark, every event sampled
     * there), paired with the templates' run {@code run} by parameters and observables.
     */
    static PseudoEventExperiments read(
            List<Path> files,
            Path scores,
            MadMinerEventFile run,
            double[] truth,
            ScoreBins sallyBins,
            double[] expectedAtTruth,
            int toys,
            long seed) {
        List<Path> sorted = RunFiles.inNameOrder(files);
        int[][] perFile = new int[sorted.size()][];
        int events = 0;
        for (int i = 0; i < sorted.size(); i++) {
            Path path = sorted.get(i);
            MadMinerEventFile f = MadMinerEventFile.read(path);
            requireDrawnAtTruth(f, path, run, truth);
            double[][] t = EstimatedScoresFile.forEvents(scores, path, f).score();
            perFile[i] = new int[t.length];
            for (int e = 0; e < t.length; e++) perFile[i][e] = sallyBins.binOf(t[e]);
            events += t.length;
        }
        int[] eventBins = new int[events];
        for (int i = 0, offset = 0; i < perFile.length; offset += perFile[i].length, i++)
            System.arraycopy(perFile[i], 0, eventBins, offset, perFile[i].length);
        double nu = Arrays.stream(expectedAtTruth).sum();
        long[] offsets = new long[toys + 1];
        for (int t = 0; t < toys; t++) {
            Rng rng = new Rng(PseudoExperimentSeeds.seed(seed, PseudoExperimentSeeds.EVENTS, "limits", 0, 0, t));
            offsets[t + 1] = offsets[t] + rng.poisson(nu);
        }
        if (offsets[toys] > events) {
            throw new InputException.Value(
                    sorted.get(0),
                    "dataset 'samples/observations'",
                    "the --pseudo-events hold " + events + " events, but " + toys + " pseudo-experiments of Poisson("
                            + nu + ") events need " + offsets[toys] + ": simulate more events at the truth");
        }
        return new PseudoEventExperiments(eventBins, offsets, sallyBins.count());
    }

    private static void requireDrawnAtTruth(MadMinerEventFile f, Path path, MadMinerEventFile run, double[] truth) {
        if (!Arrays.equals(f.parameters(), run.parameters()) || !Arrays.equals(f.observables(), run.observables())) {
            throw new InputException.Mismatch(
                    path,
                    "dataset 'parameters/names'",
                    "parameters " + Arrays.toString(f.parameters()) + " and observables "
                            + Arrays.toString(f.observables()) + " differ from the --events' "
                            + Arrays.toString(run.parameters()) + ", " + Arrays.toString(run.observables()));
        }
        double[] drawnAt = f.benchmarkValues()[0];
        for (int p = 0; p < truth.length; p++) {
            if (Math.abs(drawnAt[p] - truth[p]) > 1e-9) {
                throw new InputException.Mismatch(
                        path,
                        "dataset 'benchmarks/values'",
                        "the pseudo-events were drawn at their first benchmark θ = " + Arrays.toString(drawnAt)
                                + ", not at --theta-true " + Arrays.toString(truth));
            }
        }
        long[] sampling = f.samplingBenchmarks();
        if (sampling != null && Arrays.stream(sampling).anyMatch(b -> b != 0)) {
            throw new InputException.Value(
                    path,
                    "dataset 'samples/sampling_benchmarks'",
                    "the pseudo-events must all be drawn at the first benchmark (the truth), but some are not");
        }
    }

    @Override
    public double[] of(int toy) {
        double[] counts = new double[bins];
        for (long e = offsets[toy]; e < offsets[toy + 1]; e++) counts[eventBins[(int) e]]++;
        return counts;
    }

    @Override
    public String level() {
        return "events";
    }
}
