package org.infera.fit.score;

import java.util.Arrays;

/**
 * SALLY's histogram bins: equal-weight quantile bins of each score component under the events weighted at the true
 * point, an event's bin the product of its components' bins. The lower edge of each bin (the smallest score of the
 * events in it or above) bins fresh events, such as those of event-level pseudo-experiments, the same way.
 */
final class ScoreBins {
    private final int bins;
    private final int[] eventBins;
    private final float[][]
            lowerEdges; // [component][k − 1]: smallest score of the events in bins ≥ k, k = 1 … bins − 1

    /** The bins of a run's events: their scores [component][event] as float32 and their weights at θ_true. */
    ScoreBins(float[][] score, double[] weight, int bins) {
        this.bins = bins;
        this.eventBins = new int[weight.length];
        this.lowerEdges = new float[score.length][bins - 1];
        int stride = 1;
        for (int a = 0; a < score.length; a++) {
            int[] k = quantileBins(score[a], weight, bins);
            Arrays.fill(lowerEdges[a], Float.POSITIVE_INFINITY);
            for (int i = 0; i < eventBins.length; i++) {
                eventBins[i] += k[i] * stride;
                for (int j = 1; j <= k[i]; j++) lowerEdges[a][j - 1] = Math.min(lowerEdges[a][j - 1], score[a][i]);
            }
            stride *= bins;
        }
    }

    /** The bin of each of the run's events. */
    int[] eventBins() {
        return eventBins;
    }

    int count() {
        return (int) Math.pow(bins, lowerEdges.length);
    }

    /** The bin of a fresh event with score t̂ (as the network's float32 values): edges at or below it per component. */
    int binOf(double[] score) {
        int bin = 0, stride = 1;
        for (int a = 0; a < lowerEdges.length; a++) {
            float v = (float) score[a];
            int k = 0;
            while (k < bins - 1 && lowerEdges[a][k] <= v) k++;
            bin += k * stride;
            stride *= bins;
        }
        return bin;
    }

    /**
     * Equal-weight quantile bins of {@code values} under {@code weights} (negative weights count as zero): events in
     * ascending order fill bin k while the weight before them is below (k+1)/bins of the total.
     */
    static int[] quantileBins(float[] values, double[] weights, int bins) {
        double total = 0;
        for (double w : weights) total += Math.max(w, 0);
        int[] bin = new int[values.length];
        double cumulative = 0;
        for (int i : ascending(values)) {
            bin[i] = Math.min(bins - 1, (int) (cumulative / total * bins));
            cumulative += Math.max(weights[i], 0);
        }
        return bin;
    }

    /**
     * Event indices by ascending value (Float.compare's order), ties in index order: a primitive sort of (value, index)
     * keys.
     */
    static int[] ascending(float[] values) {
        long[] keys = new long[values.length];
        for (int i = 0; i < values.length; i++) {
            int bits = Float.floatToIntBits(values[i]);
            int sortable = bits ^ ((bits >> 31) & 0x7fffffff); // signed int order = Float.compare order
            keys[i] = ((long) sortable << 32) | i;
        }
        Arrays.sort(keys);
        int[] order = new int[values.length];
        for (int r = 0; r < order.length; r++) order[r] = (int) keys[r];
        return order;
    }
}
