package org.infera.core.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.infera.core.cli.InputException;
import org.infera.core.hdf5.H5Input;
import org.infera.core.hdf5.H5Output;
import org.infera.core.histfactory.infer.TestStatistic;
import org.infera.core.histfactory.infer.ToyStatistics;

/**
 * The test statistics of a range of toys of one toy-based run (format "toy_shard", version 1; see
 * docs/data-contract.md): what {@code infera-fit hypotest|upper-limit --calculator toys --out} writes, one file
 * per shard or one for the whole run, and what {@code infera-fit toys-merge} reads. The file records the run it
 * belongs to (workspace digest, measurement, interpolation codes, POI, test statistic, seed, number of toys of
 * the run, tested μ values, CLs level, observed statistics), so shards of different runs cannot be merged.
 *
 * @param run what identifies the run; equal in every shard of it
 * @param statistics the toys [firstToy, firstToy + count) of the run
 */
public record ToyShardFile(Run run, ToyStatistics statistics) {
    public static final String FORMAT = "toy_shard";
    public static final long VERSION = 1;

    /**
     * The run a shard belongs to.
     *
     * @param command "hypotest" or "upper-limit"
     * @param workspaceSha256 SHA-256 of the workspace file's bytes
     * @param fitsConverged whether the fits to the observed data converged
     */
    public record Run(
            String command,
            String workspaceSha256,
            String measurement,
            String interpolation,
            String poi,
            long toys,
            double level,
            boolean fitsConverged) {}

    public int count() {
        return statistics.toys();
    }

    public void write(Path target) {
        ToyStatistics s = statistics;
        H5Output.write(target, FORMAT, VERSION, out -> out.attribute("", "command", run.command)
                .attribute("", "workspace_sha256", run.workspaceSha256)
                .attribute("", "measurement", run.measurement)
                .attribute("", "interpolation", run.interpolation)
                .attribute("", "poi", run.poi)
                .attribute("", "test_stat", s.statistic().label())
                .attribute("", "seed", s.seed())
                .attribute("", "toys_total", run.toys)
                .attribute("", "first_toy", s.firstToy())
                .attribute("", "count", (long) s.toys())
                .attribute("", "fits_converged", run.fitsConverged ? 1L : 0L)
                .dataset("level", new double[] {run.level})
                .dataset("poi_values", s.poiValues())
                .dataset("observed_test_stat", s.observed())
                .dataset("failed_fits", s.failedFits())
                .dataset("signal_plus_background", s.signalPlusBackground())
                .dataset("background_only", s.backgroundOnly()));
    }

    public static ToyShardFile read(Path path) {
        try (H5Input in = H5Input.open(path, FORMAT, VERSION)) {
            TestStatistic statistic;
            try {
                statistic = TestStatistic.parse(in.stringAttribute("", "test_stat"));
            } catch (InputException e) {
                throw new InputException.Value(path, "attribute 'test_stat'", e.getMessage());
            }
            long total = in.longAttribute("", "toys_total"), first = in.longAttribute("", "first_toy");
            long count = in.longAttribute("", "count");
            if (total < 1 || first < 0 || count < 1 || first + count > total) {
                throw new InputException.Value(
                        path,
                        "attribute 'first_toy'",
                        "toys [" + first + ", " + (first + count) + ") do not lie within the run's " + total + " toys");
            }
            double[] mu = in.doubles1d("poi_values", -1);
            if (mu.length == 0) throw in.bad("poi_values", "is empty");
            double[] observed = in.doubles1d("observed_test_stat", mu.length);
            long[] failed = in.longs1d("failed_fits", mu.length);
            double[][] sb = toys(in, "signal_plus_background", mu.length, count);
            double[][] b = toys(in, "background_only", mu.length, count);
            Run run = new Run(
                    in.stringAttribute("", "command"),
                    in.stringAttribute("", "workspace_sha256"),
                    in.stringAttribute("", "measurement"),
                    in.stringAttribute("", "interpolation"),
                    in.stringAttribute("", "poi"),
                    total,
                    in.doubles1d("level", 1)[0],
                    in.longAttribute("", "fits_converged") != 0);
            long seed = in.longAttribute("", "seed");
            return new ToyShardFile(run, new ToyStatistics(statistic, seed, first, mu, observed, sb, b, failed));
        }
    }

    /** [μ][toy] statistics, checked for shape and for values a test statistic can take (finite, ≥ 0). */
    private static double[][] toys(H5Input in, String name, int rows, long count) {
        double[][] v = in.doubles2d(name, (int) count);
        if (v.length != rows) throw in.bad(name, v.length + " rows, but there are " + rows + " POI values");
        for (double[] row : v) {
            for (double q : row) if (q < 0) throw in.badValue(name, "negative test statistic " + q);
        }
        return v;
    }

    /**
     * The shards of one run merged into the whole run: they must belong to the same run and cover its toys
     * exactly once, in any order. The result is the file one unsharded run writes.
     */
    public static ToyShardFile merge(List<Path> paths, List<ToyShardFile> shards) {
        Integer[] order = new Integer[shards.size()];
        for (int i = 0; i < order.length; i++) order[i] = i;
        Arrays.sort(
                order, Comparator.comparingLong(i -> shards.get(i).statistics.firstToy()));
        ToyShardFile first = shards.get(order[0]);
        long next = 0;
        for (Integer i : order) {
            ToyShardFile s = shards.get(i);
            Path p = paths.get(i);
            String why = differences(first, s);
            if (why != null) {
                throw new InputException.Mismatch(
                        p, why, "belongs to a different run from " + paths.get(order[0]) + ": " + describe(s, why));
            }
            long start = s.statistics.firstToy();
            if (start != next) {
                throw new InputException.Mismatch(
                        p,
                        "attribute 'first_toy'",
                        start < next
                                ? "toys [" + start + ", " + (start + s.count()) + ") overlap toys before " + next
                                        + " of another shard"
                                : "toys [" + next + ", " + start + ") are in no shard");
            }
            next = start + s.count();
        }
        if (next != first.run.toys) {
            throw new InputException.Mismatch(
                    paths.get(order[order.length - 1]),
                    "attribute 'toys_total'",
                    "toys [" + next + ", " + first.run.toys + ") of the run's " + first.run.toys + " are in no shard");
        }
        ToyStatistics f = first.statistics;
        int nMu = f.poiValues().length, total = (int) first.run.toys;
        double[][] sb = new double[nMu][total], b = new double[nMu][total];
        long[] failed = new long[nMu];
        for (ToyShardFile s : shards) {
            int at = (int) s.statistics.firstToy();
            for (int j = 0; j < nMu; j++) {
                System.arraycopy(s.statistics.signalPlusBackground()[j], 0, sb[j], at, s.count());
                System.arraycopy(s.statistics.backgroundOnly()[j], 0, b[j], at, s.count());
                failed[j] += s.statistics.failedFits()[j];
            }
        }
        return new ToyShardFile(
                first.run, new ToyStatistics(f.statistic(), f.seed(), 0, f.poiValues(), f.observed(), sb, b, failed));
    }

    /** The first field in which two shards' runs differ, or null. */
    private static String differences(ToyShardFile a, ToyShardFile b) {
        List<String> fields = new ArrayList<>();
        Run x = a.run, y = b.run;
        if (!x.command.equals(y.command)) fields.add("attribute 'command'");
        if (!x.workspaceSha256.equals(y.workspaceSha256)) fields.add("attribute 'workspace_sha256'");
        if (!x.measurement.equals(y.measurement)) fields.add("attribute 'measurement'");
        if (!x.interpolation.equals(y.interpolation)) fields.add("attribute 'interpolation'");
        if (!x.poi.equals(y.poi)) fields.add("attribute 'poi'");
        if (a.statistics.statistic() != b.statistics.statistic()) fields.add("attribute 'test_stat'");
        if (a.statistics.seed() != b.statistics.seed()) fields.add("attribute 'seed'");
        if (x.toys != y.toys) fields.add("attribute 'toys_total'");
        if (Double.compare(x.level, y.level) != 0) fields.add("dataset 'level'");
        if (!Arrays.equals(a.statistics.poiValues(), b.statistics.poiValues())) fields.add("dataset 'poi_values'");
        if (!Arrays.equals(a.statistics.observed(), b.statistics.observed()))
            fields.add("dataset 'observed_test_stat'");
        if (x.fitsConverged != y.fitsConverged) fields.add("attribute 'fits_converged'");
        return fields.isEmpty() ? null : fields.get(0);
    }

    private static String describe(ToyShardFile s, String field) {
        Run r = s.run;
        return Objects.toString(
                switch (field) {
                    case "attribute 'workspace_sha256'" -> "workspace digest " + r.workspaceSha256;
                    case "attribute 'seed'" -> "seed " + s.statistics.seed();
                    case "attribute 'toys_total'" -> r.toys + " toys in its run";
                    case "dataset 'poi_values'" -> "POI values " + Arrays.toString(s.statistics.poiValues());
                    default -> field + " differs";
                });
    }
}
