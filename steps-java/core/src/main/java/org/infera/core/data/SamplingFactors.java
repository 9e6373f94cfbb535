package org.infera.core.data;

import java.util.Arrays;

/**
 * How the samples of a run are combined, as MadMiner's loader combines them. Each sample was simulated
 * at one benchmark (an event's {@code samples/sampling_benchmarks}, −1 for a background event), and the
 * weights of each signal sample alone estimate every cross section once. Together they are one estimate
 * when the weights of an event from the sample at benchmark b are multiplied by n_b / Σ_b' n_b', the
 * share of the run's signal events generated there ({@code sample_summary/signal_events}, summed over
 * the run's files); background events keep a factor 1.
 *
 * <p>MadMiner's augmentation can instead use only the sample generated at the benchmark closest to the
 * sampling point ({@code sample_only_from_closest_benchmark}): {@link #closestTo} gives that sample a
 * factor 1, background 1, and every other sample 0.
 */
public final class SamplingFactors {
    private final double[] signal; // by sampling benchmark
    private final String description;

    private SamplingFactors(double[] signal, String description) {
        this.signal = signal;
        this.description = description;
    }

    /** Every sample, each weighted by its share of the run's signal events (MadMiner's default for sums over a run). */
    public static SamplingFactors combined(long[] signalEvents, String[] benchmarks) {
        long total = Arrays.stream(signalEvents).sum();
        double[] factors = new double[signalEvents.length];
        StringBuilder text = new StringBuilder();
        for (int b = 0; b < factors.length; b++) {
            factors[b] = total > 0 ? (double) signalEvents[b] / total : 0;
            if (signalEvents[b] > 0)
                text.append(text.length() == 0 ? "" : ", ")
                        .append(String.format("%s %d/%d", benchmarks[b], signalEvents[b], total));
        }
        long samples = Arrays.stream(signalEvents).filter(n -> n > 0).count();
        return new SamplingFactors(factors, samples <= 1 ? "one sample" : samples + " samples combined (" + text + ")");
    }

    /**
     * Only the sample generated at the benchmark closest to θ (Euclidean distance; benchmarks without
     * events are passed over, and of equal distances the first counts), plus the background events.
     */
    public static SamplingFactors closestTo(
            double[] theta, double[][] benchmarkValues, long[] signalEvents, String[] benchmarks) {
        int closest = closestSample(theta, benchmarkValues, signalEvents);
        double[] factors = new double[signalEvents.length];
        if (closest >= 0) factors[closest] = 1;
        return new SamplingFactors(
                factors, closest < 0 ? "no sample" : "only the sample at " + benchmarks[closest] + " (closest to θ)");
    }

    /**
     * The benchmark whose sample is closest to θ (benchmarks without events passed over, the first of equal distances);
     * −1: none.
     */
    public static int closestSample(double[] theta, double[][] benchmarkValues, long[] signalEvents) {
        int closest = -1;
        double best = Double.POSITIVE_INFINITY;
        for (int b = 0; b < benchmarkValues.length; b++) {
            if (signalEvents[b] == 0) continue;
            double d = 0;
            for (int p = 0; p < theta.length; p++)
                d += (benchmarkValues[b][p] - theta[p]) * (benchmarkValues[b][p] - theta[p]);
            if (d < best) {
                best = d;
                closest = b;
            }
        }
        return closest;
    }

    /** The factor of an event generated at {@code samplingBenchmark} (−1: background). */
    public double factor(long samplingBenchmark) {
        return samplingBenchmark < 0 ? 1 : signal[(int) samplingBenchmark];
    }

    /**
     * The events' weights [event][benchmark] with their samples' factors applied (a new array; {@code sampling} null:
     * one sample).
     */
    public double[][] apply(double[][] weights, long[] sampling) {
        double[][] out = new double[weights.length][];
        for (int e = 0; e < weights.length; e++) {
            double f = sampling == null ? 1 : factor(sampling[e]);
            out[e] = new double[weights[e].length];
            for (int b = 0; b < out[e].length; b++) out[e][b] = f * weights[e][b];
        }
        return out;
    }

    /** Whether every event keeps its weight (one sample, no exclusion). */
    public boolean isIdentity(long[] sampling) {
        if (sampling == null) return true;
        for (long s : sampling) if (factor(s) != 1) return false;
        return true;
    }

    @Override
    public String toString() {
        return description;
    }
}
