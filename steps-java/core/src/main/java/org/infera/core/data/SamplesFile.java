package org.infera.core.data;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import org.infera.core.hdf5.H5Input;
import org.infera.core.hdf5.H5Output;

/**
 * Labelled, weighted train / validation / test samples (format "samples", version 1; see
 * docs/data-contract.md).
 */
public record SamplesFile(
        String[] features,
        String[] processes,
        double[] expectedYields,
        long[] isSignal,
        long seed,
        Map<Split, Sample> splits) {

    public static final String FORMAT = "samples";
    public static final long VERSION = 1;

    public Sample split(Split s) {
        return splits.get(s);
    }

    public void write(Path target) {
        H5Output.write(target, FORMAT, VERSION, out -> {
            out.attribute("", "seed", seed)
                    .dataset("features/names", features)
                    .dataset("processes/names", processes)
                    .dataset("processes/expected_yield", expectedYields)
                    .dataset("processes/is_signal", isSignal);
            for (Split s : Split.values()) {
                Sample sample = splits.get(s);
                out.dataset(s.group() + "/x", sample.x())
                        .dataset(s.group() + "/label", sample.label())
                        .dataset(s.group() + "/process", sample.process())
                        .dataset(s.group() + "/weight", sample.weight());
            }
        });
    }

    public static SamplesFile read(Path path) {
        try (H5Input in = H5Input.open(path, FORMAT, VERSION)) {
            String[] features = in.strings1d("features/names", -1);
            String[] processes = in.strings1d("processes/names", -1);
            double[] yields = in.doubles1d("processes/expected_yield", processes.length);
            long[] isSignal = in.longs1d("processes/is_signal", processes.length);
            Map<Split, Sample> splits = new EnumMap<>(Split.class);
            for (Split s : Split.values()) {
                String g = s.group();
                double[][] x = in.doubles2d(g + "/x", features.length);
                if (x.length == 0) throw in.bad(g + "/x", "the " + g + " split is empty");
                long[] label = in.longs1d(g + "/label", x.length);
                long[] process = in.longs1d(g + "/process", x.length);
                double[] weight = in.doubles1d(g + "/weight", x.length);
                for (int i = 0; i < x.length; i++) {
                    if (label[i] != 0 && label[i] != 1) throw in.bad(g + "/label", "value " + label[i] + " at [" + i + "] is not 0 or 1");
                    if (process[i] < 0 || process[i] >= processes.length) throw in.bad(g + "/process", "value " + process[i] + " at [" + i + "] is not a process index");
                    if (!(weight[i] > 0)) throw in.bad(g + "/weight", "weight " + weight[i] + " at [" + i + "] must be positive");
                }
                splits.put(s, new Sample(x, label, process, weight));
            }
            return new SamplesFile(features, processes, yields, isSignal, in.longAttribute("", "seed"), splits);
        }
    }
}
