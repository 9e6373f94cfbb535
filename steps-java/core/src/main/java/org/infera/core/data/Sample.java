package org.infera.core.data;

/**
 * One partition of labelled, weighted events: features x, label (1 for the signal process),
 * process index and weight (expected events that one simulated event stands for).
 */
public record Sample(double[][] x, long[] label, long[] process, double[] weight) {
    public int size() {
        return x.length;
    }

    /** The rows of x whose process index is p. */
    public double[][] rowsOfProcess(int p) {
        int n = 0;
        for (long q : process) if (q == p) n++;
        double[][] out = new double[n][];
        int k = 0;
        for (int i = 0; i < x.length; i++) if (process[i] == p) out[k++] = x[i];
        return out;
    }

    /** The weights of the events of process p, in the order of {@link #rowsOfProcess}. */
    public double[] weightsOfProcess(int p) {
        return java.util.stream.IntStream.range(0, x.length)
                .filter(i -> process[i] == p)
                .mapToDouble(i -> weight[i])
                .toArray();
    }
}
