package org.infera.train.inferno;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import java.util.List;

/**
 * Per-group means (soft or hard histograms, mean losses) over the validation events of every shard,
 * combined shard by shard with the groups' event counts as weights. Accumulated in double; with one
 * shard the result is the shard's own float32 means, bit for bit.
 */
public final class GroupMeans {
    private double[][] sums;
    private long[] counts;
    private ai.djl.ndarray.types.Shape[] shapes;

    /** Adds one shard's mean of each group over its {@code counts[g]} events (a group with none is skipped). */
    public void add(List<NDArray> means, int[] groupCounts) {
        if (sums == null) {
            sums = new double[means.size()][];
            counts = new long[means.size()];
            shapes = new ai.djl.ndarray.types.Shape[means.size()];
        }
        for (int g = 0; g < means.size(); g++) {
            if (groupCounts[g] == 0) continue;
            float[] m = means.get(g).toFloatArray();
            if (sums[g] == null) sums[g] = new double[m.length];
            shapes[g] = means.get(g).getShape();
            for (int j = 0; j < m.length; j++) sums[g][j] += (double) m[j] * groupCounts[g];
            counts[g] += groupCounts[g];
        }
    }

    /** The means over all shards, as float32 arrays of the shapes added. */
    public NDList means(NDManager m) {
        NDList out = new NDList();
        for (int g = 0; g < sums.length; g++) {
            float[] v = new float[sums[g].length];
            for (int j = 0; j < v.length; j++) v[j] = (float) (sums[g][j] / counts[g]);
            out.add(m.create(v, shapes[g]));
        }
        return out;
    }
}
