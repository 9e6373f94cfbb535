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
public record ScoreSamplesFile(
        String[] parameters,
        String[] observables,
        double[] theta,
        long seed,
        double effectiveSampleSize,
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

    /**
     * The score samples of a run's shard tasks (infera-augment --run-shards), in file-name order, as one:
     * each split concatenated, after checking that the files were drawn for one run at one θ. Their size
     * is the run's --draws, whatever the number of simulated events.
     */
    public static ScoreSamplesFile readAll(java.util.List<Path> paths) {
        java.util.List<Path> sorted = RunFiles.inNameOrder(paths);
        java.util.List<ScoreSamplesFile> files = new java.util.ArrayList<>();
        for (Path p : sorted) {
            ScoreSamplesFile f = read(p);
            ScoreSamplesFile first = files.isEmpty() ? f : files.get(0);
            if (!java.util.Arrays.equals(f.parameters, first.parameters)
                    || !java.util.Arrays.equals(f.observables, first.observables)
                    || !java.util.Arrays.equals(f.theta, first.theta)
                    || f.seed != first.seed) {
                throw new org.infera.core.cli.InputException(p + ": parameters, observables, θ or seed differ from "
                        + sorted.get(0) + " (the score samples of one run's shards must agree)");
            }
            files.add(f);
        }
        if (files.size() == 1) return files.get(0);
        Map<Split, Scores> splits = new EnumMap<>(Split.class);
        for (Split s : Split.values()) {
            java.util.List<double[]> x = new java.util.ArrayList<>(), t = new java.util.ArrayList<>();
            for (ScoreSamplesFile f : files) {
                x.addAll(java.util.Arrays.asList(f.splits.get(s).x()));
                t.addAll(java.util.Arrays.asList(f.splits.get(s).tXz()));
            }
            splits.put(s, new Scores(x.toArray(new double[0][]), t.toArray(new double[0][])));
        }
        ScoreSamplesFile first = files.get(0);
        return new ScoreSamplesFile(
                first.parameters, first.observables, first.theta, first.seed, first.effectiveSampleSize, splits);
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
                if (t.length != x.length)
                    throw in.bad(s.group() + "/t_xz", t.length + " rows, but " + s.group() + "/x has " + x.length);
                splits.put(s, new Scores(x, t));
            }
            return new ScoreSamplesFile(parameters, observables, theta, in.longAttribute("", "seed"), ess, splits);
        }
    }
}
