package org.infera.train.neos;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import java.util.ArrayList;
import java.util.List;
import org.infera.core.analysis.Analysis;
import org.infera.core.data.TemplatesFile;
import org.infera.nn.Scalars;
import org.infera.train.inferno.FisherLayout;

/**
 * The soft histograms of one batch as expected yields per bin: each process's (yield × the mean of
 * its events' soft bin memberships), then each floated nuisance's process up and down. A floor of
 * {@link #FLOOR} events per bin keeps every bin of the HistFactory model populated (a soft bin that
 * softmax underflow empties would otherwise drop out of the model in mid-training).
 */
public final class SoftYields {
    static final double FLOOR = 1e-6;

    private final NDList yields;

    private SoftYields(NDList yields) {
        this.yields = yields;
    }

    /** From one soft histogram per group (processes, then up/down per floated nuisance), each summing to one. */
    public static SoftYields of(NDList histograms, FisherLayout layout, Analysis analysis) {
        NDList out = new NDList();
        int processes = layout.yields().length;
        for (int p = 0; p < processes; p++)
            out.add(Scalars.mul(histograms.get(p), layout.yields()[p]).add(FLOOR));
        for (int k = 0; k < layout.shifted().size(); k++) {
            int p = analysis.processIndex(
                    analysis.nuisancesOrEmpty().get(layout.shifted().get(k)).process());
            out.add(Scalars.mul(histograms.get(processes + 2 * k), layout.yields()[p])
                    .add(FLOOR));
            out.add(Scalars.mul(histograms.get(processes + 2 * k + 1), layout.yields()[p])
                    .add(FLOOR));
        }
        return new SoftYields(out);
    }

    NDArray process(int p) {
        return yields.get(p);
    }

    NDArray up(int k, int processes) {
        return yields.get(processes + 2 * k);
    }

    NDArray down(int k, int processes) {
        return yields.get(processes + 2 * k + 1);
    }

    /** The same yields as templates (doubles), for the HistFactory fit. */
    TemplatesFile templates(Analysis analysis, FisherLayout layout) {
        int processes = layout.yields().length;
        int bins = Math.toIntExact(yields.get(0).size());
        double[][] nominal = new double[processes][];
        String[] names = new String[processes];
        long[] isSignal = new long[processes];
        for (int p = 0; p < processes; p++) {
            nominal[p] = doubles(yields.get(p));
            names[p] = analysis.processes().get(p).name();
            isSignal[p] = analysis.processes().get(p).signal() ? 1 : 0;
        }
        List<TemplatesFile.NuisanceTemplate> nuisances = new ArrayList<>();
        for (int k = 0; k < layout.shifted().size(); k++) {
            Analysis.Nuisance n =
                    analysis.nuisancesOrEmpty().get(layout.shifted().get(k));
            nuisances.add(new TemplatesFile.NuisanceTemplate(
                    n.name(),
                    analysis.processIndex(n.process()),
                    n.nominal(),
                    n.up(),
                    n.down(),
                    doubles(up(k, processes)),
                    doubles(down(k, processes))));
        }
        double[] edges = new double[bins + 1];
        for (int i = 0; i <= bins; i++) edges[i] = i;
        return new TemplatesFile("neos", edges, names, isSignal, nominal, new long[processes][bins], nuisances);
    }

    /** Every group's yields as numbers, one row per group. */
    double[][] rows() {
        double[][] out = new double[yields.size()][];
        for (int g = 0; g < out.length; g++) out[g] = doubles(yields.get(g));
        return out;
    }

    static double[] doubles(NDArray a) {
        return a.toType(ai.djl.ndarray.types.DataType.FLOAT64, false).toDoubleArray();
    }
}
