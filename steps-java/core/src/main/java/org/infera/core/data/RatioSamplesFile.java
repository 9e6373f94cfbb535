package org.infera.core.data;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import org.infera.core.hdf5.H5Input;
import org.infera.core.hdf5.H5Output;

/**
 * Unweighted train / validation / test samples for likelihood-ratio methods (CARL, ROLR, RASCAL,
 * ALICES; MadMiner's {@code sample_train_ratio}; format "ratio_samples", version 1, see
 * docs/data-contract.md): events drawn at θ0 (label y = 0) or θ1 (y = 1) of one of several pairs,
 * each with its joint likelihood ratio r(x, z | θ0, θ1) and its joint score at θ0 and at θ1.
 */
public record RatioSamplesFile(
        String[] parameters,
        String[] observables,
        double[][] theta0,
        double[][] theta1,
        long seed,
        double[] effectiveSampleSize0,
        double[] effectiveSampleSize1,
        Map<Split, Ratios> splits) {
    public static final String FORMAT = "ratio_samples";
    public static final long VERSION = 1;

    /** One split, a row per event: x [n, F], θ0 and θ1 [n, P], y [n], r_xz [n], t_xz0 and t_xz1 [n, P]. */
    public record Ratios(
            double[][] x,
            double[][] theta0,
            double[][] theta1,
            long[] y,
            double[] rXz,
            double[][] tXz0,
            double[][] tXz1) {
        public int size() {
            return x.length;
        }
    }

    public void write(Path target) {
        H5Output.write(target, FORMAT, VERSION, out -> {
            out.attribute("", "seed", seed)
                    .dataset("parameters/names", parameters)
                    .dataset("parameters/theta0", theta0)
                    .dataset("parameters/theta1", theta1)
                    .dataset("observables/names", observables)
                    .dataset("summary/effective_sample_size_theta0", effectiveSampleSize0)
                    .dataset("summary/effective_sample_size_theta1", effectiveSampleSize1);
            for (Split s : Split.values()) {
                Ratios r = splits.get(s);
                String g = s.group() + "/";
                out.dataset(g + "x", r.x())
                        .dataset(g + "theta0", r.theta0())
                        .dataset(g + "theta1", r.theta1())
                        .dataset(g + "y", r.y())
                        .dataset(g + "r_xz", r.rXz())
                        .dataset(g + "t_xz0", r.tXz0())
                        .dataset(g + "t_xz1", r.tXz1());
            }
        });
    }

    public static RatioSamplesFile read(Path path) {
        try (H5Input in = H5Input.open(path, FORMAT, VERSION)) {
            String[] parameters = in.strings1d("parameters/names", -1);
            String[] observables = in.strings1d("observables/names", -1);
            double[][] theta0 = in.doubles2d("parameters/theta0", parameters.length);
            double[][] theta1 = in.doubles2d("parameters/theta1", parameters.length);
            if (theta1.length != theta0.length)
                throw in.bad("parameters/theta1", theta1.length + " rows, but parameters/theta0 has " + theta0.length);
            double[] ess0 = in.doubles1d("summary/effective_sample_size_theta0", theta0.length);
            double[] ess1 = in.doubles1d("summary/effective_sample_size_theta1", theta0.length);
            Map<Split, Ratios> splits = new EnumMap<>(Split.class);
            for (Split s : Split.values()) {
                String g = s.group() + "/";
                double[][] x = in.doubles2d(g + "x", observables.length);
                if (x.length == 0) throw in.bad(g + "x", "the " + s.group() + " split is empty");
                int n = x.length;
                double[][] t0 = in.doubles2d(g + "theta0", parameters.length),
                        t1 = in.doubles2d(g + "theta1", parameters.length);
                long[] y = in.longs1d(g + "y", n);
                for (long label : y)
                    if (label != 0 && label != 1)
                        throw in.bad(g + "y", "labels must be 0 (drawn at θ0) or 1 (drawn at θ1), found " + label);
                double[] r = in.doubles1d(g + "r_xz", n);
                double[][] s0 = in.doubles2d(g + "t_xz0", parameters.length),
                        s1 = in.doubles2d(g + "t_xz1", parameters.length);
                sameRows(in, g + "theta0", t0.length, n);
                sameRows(in, g + "theta1", t1.length, n);
                sameRows(in, g + "t_xz0", s0.length, n);
                sameRows(in, g + "t_xz1", s1.length, n);
                splits.put(s, new Ratios(x, t0, t1, y, r, s0, s1));
            }
            return new RatioSamplesFile(
                    parameters, observables, theta0, theta1, in.longAttribute("", "seed"), ess0, ess1, splits);
        }
    }

    private static void sameRows(H5Input in, String dataset, int rows, int events) {
        if (rows != events) throw in.bad(dataset, rows + " rows, but the split's x has " + events);
    }
}
