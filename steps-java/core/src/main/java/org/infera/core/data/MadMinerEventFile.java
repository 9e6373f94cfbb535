package org.infera.core.data;

import java.nio.file.Path;
import org.infera.core.hdf5.H5Input;

/**
 * Events with weights at benchmark points, in MadMiner's event-file layout, read as MadMiner (h5py)
 * writes them: {@code parameters/names}, {@code benchmarks/names}, {@code benchmarks/values}
 * [benchmark, parameter], {@code morphing/components} [component, parameter] (powers),
 * {@code morphing/morphing_matrix} [component, benchmark], {@code observables/names},
 * {@code samples/observations} [event, observable], {@code samples/weights} [event, benchmark] in pb,
 * {@code samples/sampling_benchmarks} [event]. The morphing group is optional. {@link #write} adds the
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
        long[] samplingBenchmarks) {

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

    /** The file's parameters, benchmarks, morphing and observables, without its events (none in the record). */
    public static MadMinerEventFile readHeader(Path path) {
        return read(path, false);
    }

    /** Only the events' weights [N, benchmarks] (what a run's sums need of another shard). */
    public static double[][] readWeights(Path path) {
        try (H5Input in = H5Input.openAny(path)) {
            return in.doubles2d("samples/weights", in.strings1d("benchmarks/names", -1).length);
        }
    }

    private static MadMinerEventFile read(Path path, boolean withEvents) {
        try (H5Input in = H5Input.openAny(path)) {
            String[] parameters = in.strings1d("parameters/names", -1);
            String[] benchmarks = in.strings1d("benchmarks/names", -1);
            double[][] values = in.doubles2d("benchmarks/values", parameters.length);
            if (values.length != benchmarks.length) {
                throw in.bad("benchmarks/values", "expected " + benchmarks.length + " rows (one per benchmark), found " + values.length);
            }
            long[][] components = null;
            double[][] matrix = null;
            if (in.has("morphing/components")) {
                components = in.longs2d("morphing/components", parameters.length);
                matrix = in.doubles2d("morphing/morphing_matrix", benchmarks.length);
                if (matrix.length != components.length) {
                    throw in.bad("morphing/morphing_matrix", "expected " + components.length + " rows (one per component), found " + matrix.length);
                }
            }
            String[] observables = in.strings1d("observables/names", -1);
            if (!withEvents) return new MadMinerEventFile(parameters, benchmarks, values, components, matrix, observables, new double[0][], new double[0][], null);
            double[][] observations = in.doubles2d("samples/observations", observables.length);
            double[][] weights = in.doubles2d("samples/weights", benchmarks.length);
            if (weights.length != observations.length) {
                throw in.bad("samples/weights", "has " + weights.length + " events but samples/observations has " + observations.length);
            }
            long[] sampling = in.has("samples/sampling_benchmarks") ? in.longs1d("samples/sampling_benchmarks", observations.length) : null;
            return new MadMinerEventFile(parameters, benchmarks, values, components, matrix, observables, observations, weights, sampling);
        }
    }

    /**
     * Several files of one run (shards, read in name order) as one: their events concatenated, after
     * checking that parameters, benchmarks, observables and morphing agree.
     */
    public static MadMinerEventFile readAll(java.util.List<Path> files) {
        java.util.List<Path> sorted = RunFiles.inNameOrder(files);
        MadMinerEventFile first = read(sorted.get(0));
        java.util.List<double[]> x = new java.util.ArrayList<>(java.util.Arrays.asList(first.observations()));
        java.util.List<double[]> w = new java.util.ArrayList<>(java.util.Arrays.asList(first.weights()));
        java.util.List<Long> sampling = new java.util.ArrayList<>();
        for (int s = 1; s < sorted.size(); s++) {
            MadMinerEventFile f = read(sorted.get(s));
            f.requireSameRunAs(first, sorted.get(s), sorted.get(0));
            x.addAll(java.util.Arrays.asList(f.observations()));
            w.addAll(java.util.Arrays.asList(f.weights()));
        }
        return new MadMinerEventFile(first.parameters(), first.benchmarks(), first.benchmarkValues(), first.morphingComponents(),
                first.morphingMatrix(), first.observables(), x.toArray(new double[0][]), w.toArray(new double[0][]), null);
    }

    /** Fails (exit 2) unless this file (at {@code path}) has the parameters, benchmarks, observables and morphing of {@code first}. */
    public void requireSameRunAs(MadMinerEventFile first, Path path, Path firstPath) {
        if (!java.util.Arrays.equals(parameters, first.parameters) || !java.util.Arrays.equals(benchmarks, first.benchmarks)
                || !java.util.Arrays.equals(observables, first.observables) || !java.util.Arrays.deepEquals(morphingMatrix, first.morphingMatrix)) {
            throw new org.infera.core.cli.InputException(path + ": parameters, benchmarks, observables or morphing differ from "
                    + firstPath + "; shards of one run must agree");
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
                for (long[] c : morphingComponents == null ? new long[0][] : morphingComponents) maxPower[p] = Math.max(maxPower[p], c[p]);
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
            long[] signalEvents = new long[benchmarksCount];
            if (samplingBenchmarks != null) for (long b : samplingBenchmarks) if (b >= 0 && b < benchmarksCount) signalEvents[(int) b]++;
            out.dataset("sample_summary/signal_events", signalEvents);
            out.dataset("sample_summary/background_events", 0L); // a scalar, as MadMiner writes it
        });
    }

    private static String[] filled(int n, String value) {
        String[] out = new String[n];
        java.util.Arrays.fill(out, value);
        return out;
    }
}
