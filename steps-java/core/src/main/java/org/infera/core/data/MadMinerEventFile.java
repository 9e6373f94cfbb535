package org.infera.core.data;

import java.nio.file.Path;
import org.infera.core.hdf5.H5Input;

/**
 * Events with weights at benchmark points, in MadMiner's event-file layout, read as MadMiner (h5py)
 * writes them: {@code parameters/names}, {@code benchmarks/names}, {@code benchmarks/values}
 * [benchmark, parameter], {@code morphing/components} [component, parameter] (powers),
 * {@code morphing/morphing_matrix} [component, benchmark], {@code observables/names},
 * {@code samples/observations} [event, observable], {@code samples/weights} [event, benchmark] in pb,
 * {@code samples/sampling_benchmarks} [event]. The morphing group is optional.
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

    public static MadMinerEventFile read(Path path) {
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
            double[][] observations = in.doubles2d("samples/observations", observables.length);
            double[][] weights = in.doubles2d("samples/weights", benchmarks.length);
            if (weights.length != observations.length) {
                throw in.bad("samples/weights", "has " + weights.length + " events but samples/observations has " + observations.length);
            }
            long[] sampling = in.has("samples/sampling_benchmarks") ? in.longs1d("samples/sampling_benchmarks", observations.length) : null;
            return new MadMinerEventFile(parameters, benchmarks, values, components, matrix, observables, observations, weights, sampling);
        }
    }
}
