package org.infera.core.morphing;

import java.nio.file.Path;
import java.util.Arrays;
import org.infera.core.cli.InputException;
import org.infera.core.data.MadMinerEventFile;

/**
 * How an event's weight at θ follows from its weights at the benchmarks, w(θ) = Σ_b c_b(θ) W_b: by morphing
 * where the file has it, else only at the benchmarks themselves (a simulator that is not morphable writes a
 * weight at every point it is needed at, e.g. the Gaussian toy at a grid).
 */
public interface BenchmarkCoefficients {
    /** c_b(θ): the coefficient of each benchmark's weight in the weight at θ. */
    double[] benchmarkWeights(double[] theta);

    int benchmarks();

    /** Per event, the weight at θ from its weights at the benchmarks [event][benchmark]. */
    default double[] eventWeights(double[][] weights, double[] theta) {
        double[] wb = benchmarkWeights(theta);
        double[] out = new double[weights.length];
        for (int e = 0; e < weights.length; e++) {
            double s = 0;
            for (int b = 0; b < wb.length; b++) s += wb[b] * weights[e][b];
            out[e] = s;
        }
        return out;
    }

    /** The file's morphing, or its benchmark points where it has none. */
    static BenchmarkCoefficients of(MadMinerEventFile file, Path path) {
        if (file.hasMorphing()) return new Morphing(file.morphingComponents(), file.morphingMatrix());
        return new AtBenchmarks(file.benchmarkValues(), path);
    }

    /** Weights known at the benchmarks only: θ must be one of them (to 1e-9), its coefficient 1, the others 0. */
    record AtBenchmarks(double[][] values, Path path) implements BenchmarkCoefficients {
        static final double TOLERANCE = 1e-9;

        @Override
        public double[] benchmarkWeights(double[] theta) {
            double[] c = new double[values.length];
            for (int b = 0; b < values.length; b++) {
                boolean same = true;
                for (int p = 0; p < theta.length; p++) same &= Math.abs(values[b][p] - theta[p]) <= TOLERANCE;
                if (same) {
                    c[b] = 1;
                    return c;
                }
            }
            throw new InputException.Shape(
                    path,
                    "dataset 'benchmarks/values'",
                    "has no morphing group, so weights are known at its benchmarks only, and θ = "
                            + Arrays.toString(theta) + " is not one of them "
                            + Arrays.deepToString(values));
        }

        @Override
        public int benchmarks() {
            return values.length;
        }
    }
}
