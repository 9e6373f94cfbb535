package org.infera.core.data;

import org.infera.core.analysis.Analysis;
import org.infera.core.hdf5.H5Input;

/**
 * The checks every file with a process table makes: one signal, positive bounded yields (names are distinct: {@link
 * H5Input#strings1d}).
 */
final class Processes {
    private Processes() {}

    /** Flags of 0 or 1, exactly one of them 1 (the signal process). */
    static void requireOneSignal(H5Input in, String dataset, String[] processes, long[] isSignal) {
        int signals = 0;
        for (int p = 0; p < isSignal.length; p++) {
            if (isSignal[p] != 0 && isSignal[p] != 1)
                throw in.badValue(dataset, "value " + isSignal[p] + " of process '" + processes[p] + "' is not 0 or 1");
            signals += (int) isSignal[p];
        }
        if (signals != 1) throw in.badValue(dataset, "exactly one process must be the signal, found " + signals);
        if (processes.length < 2)
            throw in.badValue(
                    dataset, "a signal and at least one background are needed, found " + processes.length + " process");
    }

    /** Expected yields positive and at most {@link Analysis#MAX_YIELD}. */
    static void requireYields(H5Input in, String dataset, String[] processes, double[] yields) {
        for (int p = 0; p < yields.length; p++) {
            if (!(yields[p] > 0) || yields[p] > Analysis.MAX_YIELD) {
                throw in.badValue(
                        dataset,
                        "yield of process '" + processes[p] + "' must be positive and at most " + Analysis.MAX_YIELD
                                + ", got " + yields[p]);
            }
        }
    }
}
