package org.infera.core.data;

import java.nio.file.Path;
import org.infera.core.hdf5.H5Input;
import org.infera.core.hdf5.H5Output;

/**
 * Event-level pseudo-experiments binned like a statistic's templates (format "pseudo_experiments",
 * version 1; see docs/data-contract.md): for every pseudo-experiment its global index (its seed derives
 * from the run's seed, its cell and this index), the benchmark and truth of its cell (the benchmark whose
 * fit it is for, the truth it was drawn at), and its observed counts per bin. The truths are named parameter
 * values (nuisances by name, process yields by process name).
 */
public record PseudoExperimentsFile(
        String statistic,
        long seed,
        double[] binEdges,
        String[] truthLabels,
        String[] parameters,
        double[][] truthValues,
        long[] index,
        long[] benchmark,
        long[] truth,
        long[][] counts) {

    public static final String FORMAT = "pseudo_experiments";
    public static final long VERSION = 1;

    public int bins() {
        return binEdges.length - 1;
    }

    public void write(Path target) {
        H5Output.write(target, FORMAT, VERSION, out -> out.attribute("", "statistic", statistic)
                .attribute("", "seed", seed)
                .dataset("bins/edges", binEdges)
                .dataset("truths/labels", truthLabels)
                .dataset("truths/parameters", parameters)
                .dataset("truths/values", truthValues)
                .dataset("experiments/index", index)
                .dataset("experiments/benchmark", benchmark)
                .dataset("experiments/truth", truth)
                .dataset("experiments/counts", counts));
    }

    public static PseudoExperimentsFile read(Path path) {
        try (H5Input in = H5Input.open(path, FORMAT, VERSION)) {
            double[] edges = in.doubles1d("bins/edges", -1);
            if (edges.length < 2) throw in.bad("bins/edges", "needs at least 2 edges, found " + edges.length);
            String[] labels = in.strings1d("truths/labels", -1);
            String[] parameters = in.strings1d("truths/parameters", -1);
            double[][] values = in.doubles2d("truths/values", parameters.length);
            if (values.length != labels.length)
                throw in.bad(
                        "truths/values", "expected " + labels.length + " rows (one per truth), found " + values.length);
            requireUnique(in, "truths/labels", labels);
            requireUnique(in, "truths/parameters", parameters);
            for (double[] row : values)
                for (double v : row)
                    if (!Double.isFinite(v)) throw in.badValue("truths/values", "value " + v + " is not finite");
            long[] index = in.longs1d("experiments/index", -1);
            if (index.length == 0) throw in.bad("experiments/index", "no pseudo-experiments");
            long[] benchmark = in.longs1d("experiments/benchmark", index.length);
            long[] truth = in.longs1d("experiments/truth", index.length);
            for (long t : truth)
                if (t < 0 || t >= labels.length)
                    throw in.bad("experiments/truth", "value " + t + " is not a truth index");
            long[][] counts = in.longs2d("experiments/counts", edges.length - 1);
            if (counts.length != index.length)
                throw in.bad("experiments/counts", "expected " + index.length + " rows, found " + counts.length);
            for (long[] row : counts)
                for (long c : row) if (c < 0) throw in.badValue("experiments/counts", "negative count " + c);
            return new PseudoExperimentsFile(
                    in.stringAttribute("", "statistic"),
                    in.longAttribute("", "seed"),
                    edges,
                    labels,
                    parameters,
                    values,
                    index,
                    benchmark,
                    truth,
                    counts);
        }
    }

    private static void requireUnique(H5Input in, String dataset, String[] names) {
        if (new java.util.HashSet<>(java.util.Arrays.asList(names)).size() != names.length)
            throw in.badValue(dataset, "names repeat: " + java.util.Arrays.toString(names));
    }
}
