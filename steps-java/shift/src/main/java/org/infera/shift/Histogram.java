package org.infera.shift;

/** A weighted histogram with equal-width bins on [lo, hi]; values outside go to the edge bins. */
final class Histogram {
    private final double lo;
    private final double hi;
    final double[] sums;
    final long[] counts;

    Histogram(int bins, double lo, double hi) {
        this.lo = lo;
        this.hi = hi;
        this.sums = new double[bins];
        this.counts = new long[bins];
    }

    static double[] edges(int bins, double lo, double hi) {
        double[] e = new double[bins + 1];
        for (int i = 0; i <= bins; i++) e[i] = lo + (hi - lo) * i / bins;
        return e;
    }

    void fill(double value, double weight) {
        int bins = sums.length;
        int b = (int) Math.floor((value - lo) / (hi - lo) * bins);
        b = Math.max(0, Math.min(bins - 1, b));
        sums[b] += weight;
        counts[b]++;
    }
}
