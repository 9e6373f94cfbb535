package org.infera.train.inferno;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.infera.core.analysis.Analysis;
import org.infera.core.data.Sample;
import org.infera.core.random.Rng;
import org.infera.nn.NetworkSpec;

/**
 * The events the INFERNO and neos objectives see, standardised as float32: one group per process, then for each
 * floated nuisance its up and down groups. Exact mode: the affected process's own events with the
 * nuisance's effect applied (same events, so only the effect differs; they share the process's batch
 * order). Approximate mode: independent events simulated at the up and down values (each with its
 * own batch order), for nuisances whose effect on the events is not known in closed form.
 */
public final class InfernoData {
    private final int features;
    private final List<float[]> groups = new ArrayList<>();
    private final List<Integer> sizes = new ArrayList<>();
    /** Which batch order each group follows: exact shifted groups share their process's order. */
    private final List<Integer> groupOrder = new ArrayList<>();

    private final List<Integer> orderSizes = new ArrayList<>();
    private final int processes;

    /**
     * @param approximate for nuisances (by analysis index) in approximate mode, their up and down
     *                    events; every other floated nuisance is exact
     */
    public InfernoData(
            NetworkSpec spec,
            Sample sample,
            Analysis analysis,
            FisherLayout layout,
            Map<Integer, double[][][]> approximate) {
        this.features = spec.mean().length;
        this.processes = analysis.processes().size();
        List<double[][]> rows = new ArrayList<>();
        for (int p = 0; p < processes; p++) rows.add(sample.rowsOfProcess(p));
        for (int p = 0; p < processes; p++) add(spec, rows.get(p), newOrder(rows.get(p).length));
        for (int k : layout.shifted()) {
            Analysis.Nuisance n = analysis.nuisancesOrEmpty().get(k);
            double[][][] upDown = approximate.get(k);
            if (upDown != null) {
                add(spec, upDown[0], newOrder(upDown[0].length));
                add(spec, upDown[1], newOrder(upDown[1].length));
            } else {
                int p = analysis.processIndex(n.process());
                add(spec, analysis.shifted(n, n.up(), rows.get(p)), p);
                add(spec, analysis.shifted(n, n.down(), rows.get(p)), p);
            }
        }
    }

    public InfernoData(NetworkSpec spec, Sample sample, Analysis analysis, FisherLayout layout) {
        this(spec, sample, analysis, layout, Map.of());
    }

    private int newOrder(int size) {
        orderSizes.add(size);
        return orderSizes.size() - 1;
    }

    private void add(NetworkSpec spec, double[][] x, int order) {
        groups.add(spec.standardise(x, 0, x.length));
        sizes.add(x.length);
        groupOrder.add(order);
    }

    public int processes() {
        return processes;
    }

    public int size(int process) {
        return sizes.get(process);
    }

    /** The number of events of every group (processes, then up and down per floated nuisance). */
    public int[] groupSizes() {
        return sizes.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Batches per epoch: enough to visit every event of the largest process once. */
    public static int steps(int[] processSizes, int perProcess) {
        int largest = 0;
        for (int n : processSizes) largest = Math.max(largest, n);
        return (largest + perProcess - 1) / perProcess;
    }

    /** A random order of each process's (and each approximate group's) events for one epoch. */
    public int[][] shuffledOrders(Rng rng) {
        int[][] orders = new int[orderSizes.size()][];
        for (int o = 0; o < orders.length; o++) {
            orders[o] = new int[orderSizes.get(o)];
            for (int i = 0; i < orders[o].length; i++) orders[o][i] = i;
            rng.shuffle(orders[o]);
        }
        return orders;
    }

    /**
     * Batch b of every group as one array (a single forward pass), with the row count of each group:
     * perProcess events of each process, drawn cyclically from its order.
     */
    public NDList batch(NDManager m, int[][] orders, int b, int perProcess) {
        int total = perProcess * groups.size();
        float[] x = new float[total * features];
        int row = 0;
        for (int g = 0; g < groups.size(); g++) {
            int[] order = orders[groupOrder.get(g)];
            float[] source = groups.get(g);
            for (int k = 0; k < perProcess; k++) {
                int i = order[(b * perProcess + k) % order.length];
                System.arraycopy(source, i * features, x, row++ * features, features);
            }
        }
        return new NDList(m.create(x, new Shape(total, features)));
    }

    /** The number of groups: every process, then up and down of every floated nuisance. */
    public int groups() {
        return groups.size();
    }

    /** Events from (inclusive) to (exclusive) of one group, as one array [events, features]. */
    NDArray rows(NDManager m, int group, int from, int to) {
        float[] x = java.util.Arrays.copyOfRange(groups.get(group), from * features, to * features);
        return m.create(x, new Shape(to - from, features));
    }

    /** Every event of every group, in one array. */
    public NDList all(NDManager m) {
        int total = sizes.stream().mapToInt(Integer::intValue).sum();
        float[] x = new float[total * features];
        int offset = 0;
        for (float[] g : groups) {
            System.arraycopy(g, 0, x, offset, g.length);
            offset += g.length;
        }
        return new NDList(m.create(x, new Shape(total, features)));
    }

    /** Splits the network's output for {@link #all} into one array per group. */
    public NDList splitAll(NDArray output) {
        long[] cuts = new long[groups.size() - 1];
        long at = 0;
        for (int g = 0; g < cuts.length; g++) {
            at += sizes.get(g);
            cuts[g] = at;
        }
        return cuts.length == 0 ? new NDList(output) : output.split(cuts, 0);
    }

    /** Splits the network's output for {@link #batch} into one array per group. */
    public NDList splitBatch(NDArray output) {
        return groups.size() == 1 ? new NDList(output) : output.split(groups.size(), 0);
    }
}
