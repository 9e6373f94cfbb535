package org.infera.core.data;

import java.nio.file.Path;
import org.infera.core.hdf5.H5Input;

/**
 * Events with weights at benchmark points, in MadMiner's event-file layout, read as MadMiner (h5py)
 * writes them: {@code parameters/names}, {@code benchmarks/names}, {@code benchmarks/values}
 * [benchmark, parameter], {@code morphing/components} [component, parameter] (powers),
 * {@code morphing/morphing_matrix} [component, benchmark], {@code observables/names},
 * {@code samples/observations} [event, observable], {@code samples/weights} [event, benchmark] in pb,
 * {@code samples/sampling_benchmarks} [event] (−1: background), {@code sample_summary/signal_events}
 * [benchmark] and {@code background_events} (how many events were generated at each benchmark). The
 * morphing group is optional. The weights are kept as the file has them: sums over a run's events
 * combine its samples with {@link SamplingFactors} ({@link #samplingFactors}, {@link #combinedWeights}).
 * MadMiner's nuisance benchmarks are refused (not yet supported). {@link #write} adds the
 * bookkeeping MadMiner's loader expects beside those (parameter ranges, LHA blocks and ids, maximal
 * powers, transforms; benchmark flags; observable definitions; a sample summary).
 */
public record MadMinerEventFile(
        String[] parameters,
        String[] benchmarks,
        double[][] benchmarkValues,
        long[][] morphingComponents,
        double[][] morphingMatrix,
        String[] observables,
        double[][] observations,
        double[][] weights,
        long[] samplingBenchmarks,
        long[] signalEvents,
        long backgroundEvents) {

    /** Events whose sample bookkeeping is counted from {@code samplingBenchmarks} (null: one sample). */
    public MadMinerEventFile(
            String[] parameters,
            String[] benchmarks,
            double[][] benchmarkValues,
            long[][] morphingComponents,
            double[][] morphingMatrix,
            String[] observables,
            double[][] observations,
            double[][] weights,
            long[] samplingBenchmarks) {
        this(
                parameters,
                benchmarks,
                benchmarkValues,
                morphingComponents,
                morphingMatrix,
                observables,
                observations,
                weights,
                samplingBenchmarks,
                countSignal(samplingBenchmarks, benchmarks.length),
                countBackground(samplingBenchmarks));
    }

    public int events() {
        return observations.length;
    }

    public boolean hasMorphing() {
        return morphingComponents != null;
    }

    /** The number of events in a file, without reading them. */
    public static int size(Path path) {
        try (H5Input in = H5Input.openAny(path)) {
            return in.shape("samples/weights")[0];
        }
    }

    public static MadMinerEventFile read(Path path) {
        return read(path, true);
    }

    /**
     * The file's parameters, benchmarks, morphing, observables and sample bookkeeping (sampling
     * benchmarks and summary), without its observations and weights (none in the record).
     */
    public static MadMinerEventFile readHeader(Path path) {
        return read(path, false);
    }

    /**
     * The events' weights [N, benchmarks] with the run's sampling factors applied (what a run's sums need of another
     * shard).
     */
    public static double[][] readWeights(Path path, SamplingFactors factors) {
        try (H5Input in = H5Input.openAny(path)) {
            int benchmarks = in.strings1d("benchmarks/names", -1).length;
            double[][] weights = in.doubles2d("samples/weights", benchmarks);
            long[] sampling = in.has("samples/sampling_benchmarks")
                    ? in.longs1d("samples/sampling_benchmarks", weights.length)
                    : null;
            return factors.apply(weights, sampling);
        }
    }

    /** The weights [event][benchmark] of this file's events with the run's sampling factors applied. */
    public double[][] combinedWeights(SamplingFactors factors) {
        return factors.apply(weights, samplingBenchmarks);
    }

    /** MadMiner's combination of this file's samples, alone. */
    public SamplingFactors samplingFactors() {
        return SamplingFactors.combined(signalEvents, benchmarks);
    }

    /**
     * MadMiner's combination of a run's samples (every file's header): each sample weighted by its share
     * of the run's signal events, summed over the files.
     */
    public static SamplingFactors samplingFactors(java.util.List<MadMinerEventFile> run) {
        long[] total = new long[run.get(0).benchmarks.length];
        for (MadMinerEventFile f : run) for (int b = 0; b < total.length; b++) total[b] += f.signalEvents[b];
        return SamplingFactors.combined(total, run.get(0).benchmarks);
    }

    /** The same for a run's files, read one header at a time. */
    public static SamplingFactors runSamplingFactors(java.util.List<Path> files) {
        java.util.List<MadMinerEventFile> headers = new java.util.ArrayList<>();
        MadMinerEventFile first = null;
        for (Path p : files) {
            MadMinerEventFile h = readHeader(p);
            if (first == null) first = h;
            else h.requireSameRunAs(first, p, files.get(0));
            headers.add(h);
        }
        return samplingFactors(headers);
    }

    private static MadMinerEventFile read(Path path, boolean withEvents) {
        try (H5Input in = H5Input.openAny(path)) {
            String[] parameters = in.strings1d("parameters/names", -1);
            String[] benchmarks = in.strings1d("benchmarks/names", -1);
            double[][] values = in.doubles2d("benchmarks/values", parameters.length);
            if (values.length != benchmarks.length) {
                throw in.bad(
                        "benchmarks/values",
                        "expected " + benchmarks.length + " rows (one per benchmark), found " + values.length);
            }
            refuseNuisances(in, benchmarks);
            long[][] components = null;
            double[][] matrix = null;
            if (in.has("morphing/components")) {
                components = in.longs2d("morphing/components", parameters.length);
                matrix = in.doubles2d("morphing/morphing_matrix", benchmarks.length);
                if (matrix.length != components.length) {
                    throw in.bad(
                            "morphing/morphing_matrix",
                            "expected " + components.length + " rows (one per component), found " + matrix.length);
                }
            }
            String[] observables = in.strings1d("observables/names", -1);
            int events = in.shape("samples/weights")[0];
            long[] sampling =
                    in.has("samples/sampling_benchmarks") ? in.longs1d("samples/sampling_benchmarks", events) : null;
            long[][] summary = sampleSummary(in, benchmarks, sampling);
            if (!withEvents) {
                return new MadMinerEventFile(
                        parameters,
                        benchmarks,
                        values,
                        components,
                        matrix,
                        observables,
                        new double[0][],
                        new double[0][],
                        sampling,
                        summary[0],
                        summary[1][0]);
            }
            double[][] observations = in.doubles2d("samples/observations", observables.length);
            double[][] weights = in.doubles2d("samples/weights", benchmarks.length);
            if (weights.length != observations.length) {
                throw in.bad(
                        "samples/weights",
                        "has " + weights.length + " events but samples/observations has " + observations.length);
            }
            return new MadMinerEventFile(
                    parameters,
                    benchmarks,
                    values,
                    components,
                    matrix,
                    observables,
                    observations,
                    weights,
                    sampling,
                    summary[0],
                    summary[1][0]);
        }
    }

    /**
     * MadMiner's nuisance benchmarks and parameters (systematics by reweighting) are not read yet: refused, not
     * ignored.
     */
    private static void refuseNuisances(H5Input in, String[] benchmarks) {
        if (in.has("benchmarks/is_nuisance")) {
            long[] nuisance = in.longs1d("benchmarks/is_nuisance", benchmarks.length);
            for (int b = 0; b < nuisance.length; b++) {
                if (nuisance[b] != 0) {
                    throw in.bad(
                            "benchmarks/is_nuisance",
                            "benchmark '" + benchmarks[b] + "' is a nuisance benchmark: MadMiner's nuisance "
                                    + "parameters (systematics as reweighting) are not supported by infera yet; remove "
                                    + "them from the file");
                }
            }
        }
        if (in.has("nuisance_parameters/names") && in.shape("nuisance_parameters/names")[0] > 0) {
            throw in.bad(
                    "nuisance_parameters/names",
                    "the file defines nuisance parameters: MadMiner's nuisance parameters are not supported by infera "
                            + "yet");
        }
    }

    /**
     * {signal events per sampling benchmark, {background events}}: from sample_summary where the file has
     * it (checked against the events' sampling benchmarks), else counted from the sampling benchmarks.
     */
    private static long[][] sampleSummary(H5Input in, String[] benchmarks, long[] sampling) {
        if (sampling != null) {
            for (int e = 0; e < sampling.length; e++) {
                if (sampling[e] < -1 || sampling[e] >= benchmarks.length) {
                    throw in.bad(
                            "samples/sampling_benchmarks",
                            "event " + e + " has sampling benchmark " + sampling[e]
                                    + ", expected −1 (background) or a benchmark index in 0.."
                                    + (benchmarks.length - 1));
                }
            }
        }
        long[] counted = countSignal(sampling, benchmarks.length);
        long background = countBackground(sampling);
        if (!in.has("sample_summary/signal_events")) return new long[][] {counted, {background}};
        long[] signal = in.longs1d("sample_summary/signal_events", benchmarks.length);
        long summaryBackground =
                in.has("sample_summary/background_events") ? in.longScalar("sample_summary/background_events") : 0;
        for (int b = 0; b < signal.length; b++) {
            if (signal[b] < 0)
                throw in.bad(
                        "sample_summary/signal_events",
                        "negative count " + signal[b] + " at benchmark '" + benchmarks[b] + "'");
        }
        if (summaryBackground < 0)
            throw in.bad("sample_summary/background_events", "negative count " + summaryBackground);
        if (sampling == null) {
            if (java.util.Arrays.stream(signal).filter(n -> n > 0).count() > 1) {
                throw in.bad(
                        "samples/sampling_benchmarks",
                        "is missing, but sample_summary/signal_events lists samples at several benchmarks "
                                + java.util.Arrays.toString(signal)
                                + ": which sample each event belongs to cannot be told");
            }
            return new long[][] {signal, {summaryBackground}};
        }
        for (int b = 0; b < signal.length; b++) {
            if (signal[b] != counted[b]) {
                throw in.bad(
                        "sample_summary/signal_events",
                        "says " + signal[b] + " events were generated at benchmark '" + benchmarks[b]
                                + "', but samples/sampling_benchmarks has " + counted[b] + " such events");
            }
        }
        if (summaryBackground != background) {
            throw in.bad(
                    "sample_summary/background_events",
                    "says " + summaryBackground + " background events, but samples/sampling_benchmarks has "
                            + background + " events at −1");
        }
        return new long[][] {signal, {background}};
    }

    private static long[] countSignal(long[] sampling, int benchmarks) {
        long[] counts = new long[benchmarks];
        if (sampling != null) for (long b : sampling) if (b >= 0 && b < benchmarks) counts[(int) b]++;
        return counts;
    }

    private static long countBackground(long[] sampling) {
        return sampling == null
                ? 0
                : java.util.Arrays.stream(sampling).filter(b -> b < 0).count();
    }

    /**
     * Several files of one run (shards, read in name order) as one: their events, sampling benchmarks and
     * sample counts concatenated (weights as in the files: apply {@link #samplingFactors()} to combine
     * the samples), after checking that parameters, benchmarks, observables and morphing agree.
     */
    public static MadMinerEventFile readAll(java.util.List<Path> files) {
        java.util.List<Path> sorted = RunFiles.inNameOrder(files);
        MadMinerEventFile first = read(sorted.get(0));
        java.util.List<double[]> x = new java.util.ArrayList<>(java.util.Arrays.asList(first.observations()));
        java.util.List<double[]> w = new java.util.ArrayList<>(java.util.Arrays.asList(first.weights()));
        java.util.List<long[]> sampling = new java.util.ArrayList<>();
        sampling.add(first.samplingBenchmarks());
        long[] signal = first.signalEvents().clone();
        long background = first.backgroundEvents();
        for (int s = 1; s < sorted.size(); s++) {
            MadMinerEventFile f = read(sorted.get(s));
            f.requireSameRunAs(first, sorted.get(s), sorted.get(0));
            if ((f.samplingBenchmarks() == null) != (first.samplingBenchmarks() == null)) {
                throw new org.infera.core.cli.InputException(
                        sorted.get(s) + ": dataset 'samples/sampling_benchmarks' is "
                                + (f.samplingBenchmarks() == null ? "missing but " : "present but not in ")
                                + sorted.get(0) + "; shards of one run must agree");
            }
            x.addAll(java.util.Arrays.asList(f.observations()));
            w.addAll(java.util.Arrays.asList(f.weights()));
            sampling.add(f.samplingBenchmarks());
            for (int b = 0; b < signal.length; b++) signal[b] += f.signalEvents()[b];
            background += f.backgroundEvents();
        }
        long[] ids = first.samplingBenchmarks() == null
                ? null
                : sampling.stream().flatMapToLong(java.util.Arrays::stream).toArray();
        return new MadMinerEventFile(
                first.parameters(),
                first.benchmarks(),
                first.benchmarkValues(),
                first.morphingComponents(),
                first.morphingMatrix(),
                first.observables(),
                x.toArray(new double[0][]),
                w.toArray(new double[0][]),
                ids,
                signal,
                background);
    }

    /**
     * Fails (exit 2) unless this file (at {@code path}) has the parameters, benchmarks, observables and morphing of
     * {@code first}.
     */
    public void requireSameRunAs(MadMinerEventFile first, Path path, Path firstPath) {
        if (!java.util.Arrays.equals(parameters, first.parameters)
                || !java.util.Arrays.equals(benchmarks, first.benchmarks)
                || !java.util.Arrays.equals(observables, first.observables)
                || !java.util.Arrays.deepEquals(morphingMatrix, first.morphingMatrix)) {
            throw new org.infera.core.cli.InputException(
                    path + ": parameters, benchmarks, observables or morphing differ from " + firstPath
                            + "; shards of one run must agree");
        }
    }

    /** Writes the file in MadMiner's layout (h5py and MadMiner read it; the reader above reads it back). */
    public void write(Path target) {
        int params = parameters.length, benchmarksCount = benchmarks.length;
        org.infera.core.hdf5.H5Output.write(target, "madminer", 1, out -> {
            out.dataset("parameters/names", parameters);
            out.dataset("parameters/lha_blocks", filled(params, "infera"));
            long[] ids = new long[params];
            long[] maxPower = new long[params];
            double[][] ranges = new double[params][2];
            for (int p = 0; p < params; p++) {
                ids[p] = p + 1;
                for (long[] c : morphingComponents == null ? new long[0][] : morphingComponents)
                    maxPower[p] = Math.max(maxPower[p], c[p]);
                ranges[p][0] = Double.POSITIVE_INFINITY;
                ranges[p][1] = Double.NEGATIVE_INFINITY;
                for (double[] b : benchmarkValues) {
                    ranges[p][0] = Math.min(ranges[p][0], b[p]);
                    ranges[p][1] = Math.max(ranges[p][1], b[p]);
                }
            }
            out.dataset("parameters/lha_ids", ids);
            out.dataset("parameters/max_power", maxPower);
            out.dataset("parameters/val_ranges", ranges);
            out.dataset("parameters/transforms", filled(params, ""));
            out.dataset("benchmarks/names", benchmarks);
            out.dataset("benchmarks/values", benchmarkValues);
            long[] reference = new long[benchmarksCount];
            reference[0] = 1;
            out.dataset("benchmarks/is_reference", reference);
            out.dataset("benchmarks/is_nuisance", new long[benchmarksCount]);
            if (morphingComponents != null) {
                out.dataset("morphing/components", morphingComponents);
                out.dataset("morphing/morphing_matrix", morphingMatrix);
            }
            out.dataset("observables/names", observables);
            out.dataset("observables/definitions", observables.clone());
            out.dataset("samples/observations", observations);
            out.dataset("samples/weights", weights);
            if (samplingBenchmarks != null) out.dataset("samples/sampling_benchmarks", samplingBenchmarks);
            out.dataset("sample_summary/signal_events", signalEvents);
            out.dataset("sample_summary/background_events", backgroundEvents); // a scalar, as MadMiner writes it
        });
    }

    private static String[] filled(int n, String value) {
        String[] out = new String[n];
        java.util.Arrays.fill(out, value);
        return out;
    }
}
