package org.infera.core.data;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import org.infera.core.hdf5.H5Input;
import org.infera.core.hdf5.H5Output;

/**
 * Unweighted train / validation / test samples for score regression (SALLY): the observables x of
 * events drawn at θ and their joint score t(x, z | θ) (format "score_samples", version 1; see
 * docs/data-contract.md), with the effective sample size of the weighted events they were drawn
 * from. MadMiner's {@code sample_train_local} writes the same content as .npy files.
 */
public record ScoreSamplesFile(String[] parameters, String[] observables, double[] theta, long seed, double effectiveSampleSize,
                               Map<Split, Scores> splits) {
    public static final String FORMAT = "score_samples";
    public static final long VERSION = 1;

    /** One split: observables [event, observable] and joint score [event, parameter]. */
    public record Scores(double[][] x, double[][] tXz) {}

    public void write(Path target) {
        H5Output.write(target, FORMAT, VERSION, out -> {
            out.attribute("", "seed", seed)
                    .dataset("parameters/names", parameters)
                    .dataset("parameters/theta", theta)
                    .dataset("observables/names", observables)
                    .dataset("summary/effective_sample_size", new double[] {effectiveSampleSize});
            for (Split s : Split.values()) {
                Scores sample = splits.get(s);
                out.dataset(s.group() + "/x", sample.x()).dataset(s.group() + "/t_xz", sample.tXz());
            }
        });
    }

    public static ScoreSamplesFile read(Path path) {
        try (H5Input in = H5Input.open(path, FORMAT, VERSION)) {
            String[] parameters = in.strings1d("parameters/names", -1);
            double[] theta = in.doubles1d("parameters/theta", parameters.length);
            String[] observables = in.strings1d("observables/names", -1);
            double ess = in.doubles1d("summary/effective_sample_size", 1)[0];
            Map<Split, Scores> splits = new EnumMap<>(Split.class);
            for (Split s : Split.values()) {
                double[][] x = in.doubles2d(s.group() + "/x", observables.length);
                if (x.length == 0) throw in.bad(s.group() + "/x", "the " + s.group() + " split is empty");
                double[][] t = in.doubles2d(s.group() + "/t_xz", parameters.length);
                if (t.length != x.length) throw in.bad(s.group() + "/t_xz", t.length + " rows, but " + s.group() + "/x has " + x.length);
                splits.put(s, new Scores(x, t));
            }
            return new ScoreSamplesFile(parameters, observables, theta, in.longAttribute("", "seed"), ess, splits);
        }
    }
}
