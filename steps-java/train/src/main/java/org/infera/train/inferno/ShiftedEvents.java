package org.infera.train.inferno;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.infera.core.analysis.Analysis;
import org.infera.core.cli.InputException;
import org.infera.core.data.EventsFile;

/** Loads the up and down events of nuisances in approximate mode (infera-train inferno --shifted). */
final class ShiftedEvents {
    static final double TRAIN_FRACTION = 0.8;

    private ShiftedEvents() {}

    /**
     * Fills {@code train} and {@code validation} with [up rows, down rows] per nuisance (analysis
     * index): the events of the nuisance's process in each file, the first 80% for training.
     */
    static void load(
            Map<String, String> shifted,
            Analysis analysis,
            FisherLayout layout,
            String[] features,
            Map<Integer, double[][][]> train,
            Map<Integer, double[][][]> validation) {
        List<Analysis.Nuisance> nuisances = analysis.nuisancesOrEmpty();
        for (Map.Entry<String, String> e : shifted.entrySet()) {
            int k = -1;
            for (int i = 0; i < nuisances.size(); i++)
                if (nuisances.get(i).name().equals(e.getKey())) k = i;
            if (k < 0) throw new InputException("--shifted: unknown nuisance '" + e.getKey() + "'");
            if (!layout.shifted().contains(k)) {
                throw new InputException("--shifted: nuisance '" + e.getKey() + "' does not float in this benchmark");
            }
            String[] files = e.getValue().split(",");
            if (files.length != 2)
                throw new InputException(
                        "--shifted " + e.getKey() + ": expected UP.h5,DOWN.h5, got '" + e.getValue() + "'");
            double[][][] t = new double[2][][], v = new double[2][][];
            for (int side = 0; side < 2; side++) {
                double[][] rows =
                        processRows(Path.of(files[side]), nuisances.get(k).process(), features);
                int cut = (int) Math.round(TRAIN_FRACTION * rows.length);
                if (cut == 0 || cut == rows.length) {
                    throw new InputException(files[side] + ": too few events of process '"
                            + nuisances.get(k).process() + "' (" + rows.length + ")");
                }
                t[side] = Arrays.copyOfRange(rows, 0, cut);
                v[side] = Arrays.copyOfRange(rows, cut, rows.length);
            }
            train.put(k, t);
            validation.put(k, v);
        }
    }

    private static double[][] processRows(Path file, String process, String[] features) {
        EventsFile events = EventsFile.read(file);
        if (!Arrays.equals(events.observables(), features)) {
            throw new InputException(file + ": dataset 'observables/names' is " + Arrays.toString(events.observables())
                    + " but the samples have features " + Arrays.toString(features));
        }
        int p = Arrays.asList(events.processes()).indexOf(process);
        if (p < 0) throw new InputException(file + ": dataset 'processes/names' has no process '" + process + "'");
        return java.util.stream.IntStream.range(0, events.size())
                .filter(i -> events.process()[i] == p)
                .mapToObj(i -> events.observations()[i])
                .toArray(double[][]::new);
    }
}
