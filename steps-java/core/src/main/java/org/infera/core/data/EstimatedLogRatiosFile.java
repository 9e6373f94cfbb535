package org.infera.core.data;

import java.nio.file.Path;
import java.util.Arrays;
import org.infera.core.cli.InputException;
import org.infera.core.hdf5.H5Input;
import org.infera.core.hdf5.H5Output;

/**
 * The learned log r̂(x | θ_j, θ1) of a likelihood-ratio estimator for each event of one weighted events file at
 * each point θ_j of a parameter grid (format "estimated_log_ratios", version 2; see docs/data-contract.md): what
 * infera-shift log-ratios writes and infera-fit limits --method ratio reads, so the fit reads numbers and never a
 * network. One file per events file, named as it and recording its name and event count. The values are float32
 * (the network's own precision): 10^5 events at a 31 × 31 grid are 385 MB instead of 770 (an ensemble of K: K + 1
 * times that, its mean and each member's, so that the fit gives the spread of the limits over members).
 *
 * @param grid [point, parameter], the last parameter varying fastest (the order infera-fit's --grid gives)
 * @param logR [event, point], the events in the order of the events file: one network's, or the mean over the
 *     members of an ensemble
 * @param memberLogR [member, event, point]: each member's log r̂ when {@code logR} is an ensemble's mean (the
 *     datasets members/log_r_k), else null
 */
public record EstimatedLogRatiosFile(
        String eventsFile,
        long events,
        String kind,
        String loss,
        String[] parameters,
        String[] observables,
        double[] theta1,
        double[][] grid,
        float[][] logR,
        float[][][] memberLogR) {
    public static final String FORMAT = "estimated_log_ratios";
    /** Version 2 stores each ensemble member's log r̂ (version 1 kept only their mean). */
    public static final long VERSION = 2;

    public EstimatedLogRatiosFile {
        if (memberLogR != null && memberLogR.length < 2)
            throw new IllegalArgumentException("an ensemble has 2 or more members; one network's memberLogR is null");
    }

    /**
     * 1, or the number of ensemble members whose own log r̂ this file holds beside their mean (a version 1 file of
     * an ensemble holds the mean alone: 1).
     */
    public long members() {
        return memberLogR == null ? 1 : memberLogR.length;
    }

    /** Grid points closer than this in every parameter are the same point (the tolerance of the benchmarks). */
    public static final double SAME_POINT = 1e-9;

    public void write(Path target) {
        H5Output.write(target, FORMAT, VERSION, out -> {
            out.attribute("", "events_file", eventsFile)
                    .attribute("", "events", events)
                    .attribute("", "kind", kind)
                    .attribute("", "loss", loss)
                    .attribute("", "members", members())
                    .dataset("parameters/names", parameters)
                    .dataset("observables/names", observables)
                    .dataset("theta1", theta1)
                    .dataset("grid/points", grid)
                    .dataset("log_r", logR);
            if (memberLogR != null)
                for (int k = 0; k < memberLogR.length; k++) out.dataset("members/log_r_" + k, memberLogR[k]);
        });
    }

    public static EstimatedLogRatiosFile read(Path path) {
        try (H5Input in = H5Input.open(path, FORMAT, VERSION)) {
            String[] parameters = in.strings1d("parameters/names", -1);
            String[] observables = in.strings1d("observables/names", -1);
            long events = in.longAttribute("", "events");
            if (events < 0 || events > Integer.MAX_VALUE) throw in.badValue("log_r", "attribute 'events' is " + events);
            long members = in.longAttribute("", "members");
            if (members < 1 || members > 10_000)
                throw in.badValue("log_r", "attribute 'members' is " + members + ": 1 network or an ensemble of more");
            double[] theta1 = in.doubles1d("theta1", parameters.length);
            double[][] grid = in.doubles2d("grid/points", parameters.length);
            if (grid.length == 0) throw in.bad("grid/points", "has no grid point");
            float[][] logR = rows(in, "log_r", grid.length, events);
            // version 1 stored an ensemble's mean alone: read as such, without the members' spread
            boolean stored = members > 1 && in.longAttribute("", H5Output.VERSION_ATTRIBUTE) >= 2;
            float[][][] memberLogR = stored ? new float[(int) members][][] : null;
            for (int k = 0; k < members && stored; k++)
                memberLogR[k] = rows(in, "members/log_r_" + k, grid.length, events);
            return new EstimatedLogRatiosFile(
                    in.stringAttribute("", "events_file"),
                    events,
                    in.stringAttribute("", "kind"),
                    in.stringAttribute("", "loss"),
                    parameters,
                    observables,
                    theta1,
                    grid,
                    logR,
                    memberLogR);
        }
    }

    private static float[][] rows(H5Input in, String dataset, int points, long events) {
        float[][] logR = in.floats2d(dataset, points);
        if (logR.length != events)
            throw in.bad(dataset, logR.length + " rows, but the attribute 'events' says " + events);
        return logR;
    }

    /**
     * The log-ratios of one weighted events file from the directory infera-shift log-ratios wrote (a file of the same
     * name there), checked to be those of that file (its name, event count, parameters and observables) at the given
     * grid.
     */
    public static EstimatedLogRatiosFile forEvents(
            Path directory, Path eventsPath, MadMinerEventFile events, double[][] grid) {
        Path path = directory.resolve(eventsPath.getFileName().toString());
        EstimatedLogRatiosFile r = read(path);
        if (!r.eventsFile.equals(eventsPath.getFileName().toString())
                || r.events != events.events()
                || !Arrays.equals(r.parameters, events.parameters())
                || !Arrays.equals(r.observables, events.observables())) {
            throw new InputException.Mismatch(
                    path,
                    "attribute 'events_file'",
                    "the log-ratios of " + r.eventsFile + " (" + r.events + " events, parameters "
                            + Arrays.toString(r.parameters) + ", observables " + Arrays.toString(r.observables)
                            + "), not of " + eventsPath + " (" + events.events() + " events, parameters "
                            + Arrays.toString(events.parameters()) + ", observables "
                            + Arrays.toString(events.observables()) + ")");
        }
        if (r.grid.length != grid.length)
            throw new InputException.Mismatch(
                    path,
                    "dataset 'grid/points'",
                    r.grid.length + " grid points, but --grid has " + grid.length
                            + " (infera-shift log-ratios and infera-fit limits take the same --grid)");
        for (int g = 0; g < grid.length; g++) {
            if (!samePoint(r.grid[g], grid[g]))
                throw new InputException.Mismatch(
                        path,
                        "dataset 'grid/points'",
                        "grid point " + g + " is " + Arrays.toString(r.grid[g]) + ", but --grid's is "
                                + Arrays.toString(grid[g]) + " (infera-shift log-ratios and infera-fit limits take the "
                                + "same --grid)");
        }
        return r;
    }

    public static boolean samePoint(double[] a, double[] b) {
        if (a.length != b.length) return false;
        for (int p = 0; p < a.length; p++) if (Math.abs(a[p] - b[p]) > SAME_POINT) return false;
        return true;
    }
}
