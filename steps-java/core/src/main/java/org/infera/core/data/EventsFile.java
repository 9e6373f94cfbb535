package org.infera.core.data;

import java.nio.file.Path;
import org.infera.core.hdf5.H5Input;
import org.infera.core.hdf5.H5Output;

/**
 * Unweighted events of several processes (format "events", version 1; see docs/data-contract.md).
 * Laid out like MadMiner's event files: {@code observables/names}, {@code samples/observations};
 * plus the process of each event and the expected yield of each process.
 */
public record EventsFile(
        String generator,
        long seed,
        String[] observables,
        String[] processes,
        double[] expectedYields,
        double[][] observations,
        long[] process) {

    public static final String FORMAT = "events";
    public static final long VERSION = 1;

    public int size() {
        return observations.length;
    }

    public void write(Path target) {
        H5Output.write(target, FORMAT, VERSION, out -> out.attribute("", "generator", generator)
                .attribute("", "seed", seed)
                .dataset("observables/names", observables)
                .dataset("processes/names", processes)
                .dataset("processes/expected_yield", expectedYields)
                .dataset("samples/observations", observations)
                .dataset("samples/process", process));
    }

    public static EventsFile read(Path path) {
        try (H5Input in = H5Input.open(path, FORMAT, VERSION)) {
            String[] observables = in.strings1d("observables/names", -1);
            String[] processes = in.strings1d("processes/names", -1);
            double[] yields = in.doubles1d("processes/expected_yield", processes.length);
            Processes.requireYields(in, "processes/expected_yield", processes, yields);
            double[][] observations = in.doubles2d("samples/observations", observables.length);
            long[] process = in.longs1d("samples/process", observations.length);
            for (int i = 0; i < process.length; i++) {
                if (process[i] < 0 || process[i] >= processes.length) {
                    throw in.badValue(
                            "samples/process",
                            "value " + process[i] + " at [" + i + "] is not a process index (0.."
                                    + (processes.length - 1) + ")");
                }
            }
            return new EventsFile(
                    in.stringAttribute("", "generator"),
                    in.longAttribute("", "seed"),
                    observables,
                    processes,
                    yields,
                    observations,
                    process);
        }
    }
}
