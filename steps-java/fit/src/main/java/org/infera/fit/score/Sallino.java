package org.infera.fit.score;

/**
 * MadMiner's SALLINO histograms: at each θ the events are binned by the scalar h = t̂(x)·Δθ/|Δθ|, Δθ = θ − θ_true
 * (t̂'s first component where Δθ = 0), the estimated score projected on the direction in which the likelihood ratio
 * is wanted (madminer.limits.AsymptoticLimits, mode "sallino"). The bins are equal-weight quantiles of h under the
 * events weighted at θ_true, as SALLY's bins are of each component.
 */
final class Sallino {
    private final ScoreLimitsCommand.TruthScores events;
    private final double[][] weights;
    private final double[] truth;
    private final int bins;
    private final int benchmarks;

    Sallino(ScoreLimitsCommand.TruthScores events, double[][] weights, double[] truth, int bins, int benchmarks) {
        this.events = events;
        this.weights = weights;
        this.truth = truth;
        this.bins = bins;
        this.benchmarks = benchmarks;
    }

    /** H[b][k] at θ: Σ over the events of h-bin b of their weights at benchmark k. */
    double[][] histograms(double[] theta) {
        float[][] score = events.score();
        int n = events.weight().length;
        double[] direction = new double[theta.length];
        double norm = 0;
        for (int a = 0; a < theta.length; a++) {
            direction[a] = theta[a] - truth[a];
            norm += direction[a] * direction[a];
        }
        norm = Math.sqrt(norm);
        if (norm > 0) for (int a = 0; a < theta.length; a++) direction[a] /= norm;
        else direction[0] = 1; // at θ_true: the first component, as MadMiner
        float[] h = new float[n];
        for (int e = 0; e < n; e++) {
            double s = 0;
            for (int a = 0; a < theta.length; a++) s += score[a][e] * direction[a];
            h[e] = (float) s;
        }
        int[] bin = ScoreBins.quantileBins(h, events.weight(), bins);
        double[][] out = new double[bins][benchmarks];
        for (int e = 0; e < n; e++) for (int k = 0; k < benchmarks; k++) out[bin[e]][k] += weights[e][k];
        return out;
    }
}
