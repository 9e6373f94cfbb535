package org.infera.core.data;

import java.nio.file.Path;
import org.infera.core.hdf5.H5Input;
import org.infera.core.hdf5.H5Output;

/**
 * Unweighted events for evaluation (MadMiner's {@code sample_test}; format "test_samples", version 1,
 * see docs/data-contract.md): drawn at one or several θ from the test partition only, so no event
 * a network was trained or validated on is among them. Each event carries the θ it was drawn at.
 */
public record TestSamplesFile(
        String[] parameters,
        String[] observables,
        double[][] thetas,
        long seed,
        double[] effectiveSampleSize,
        double[][] x,
        double[][] theta) {
    public static final String FORMAT = "test_samples";
    public static final long VERSION = 1;

    public void write(Path target) {
        H5Output.write(target, FORMAT, VERSION, out -> out.attribute("", "seed", seed)
                .dataset("parameters/names", parameters)
                .dataset("parameters/theta", thetas)
                .dataset("observables/names", observables)
                .dataset("summary/effective_sample_size", effectiveSampleSize)
                .dataset("test/x", x)
                .dataset("test/theta", theta));
    }

    public static TestSamplesFile read(Path path) {
        try (H5Input in = H5Input.open(path, FORMAT, VERSION)) {
            String[] parameters = in.strings1d("parameters/names", -1);
            String[] observables = in.strings1d("observables/names", -1);
            double[][] thetas = in.doubles2d("parameters/theta", parameters.length);
            double[] ess = in.doubles1d("summary/effective_sample_size", thetas.length);
            double[][] x = in.doubles2d("test/x", observables.length);
            if (x.length == 0) throw in.bad("test/x", "no events");
            double[][] theta = in.doubles2d("test/theta", parameters.length);
            if (theta.length != x.length)
                throw in.bad("test/theta", theta.length + " rows, but test/x has " + x.length);
            return new TestSamplesFile(parameters, observables, thetas, in.longAttribute("", "seed"), ess, x, theta);
        }
    }
}
