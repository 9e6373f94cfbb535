package org.infera.core.morphing;

/**
 * The Fisher information on the theory parameters of weighted events at θ for an integrated
 * luminosity L (MadMiner's "truth" and "rate" information): with w_e(θ) the events' weights (cross
 * sections) and σ = Σ_e w_e, the full information L Σ_e ∂w_e ∂w_eᵀ / w_e, and the rate-only part
 * L ∂σ ∂σᵀ / σ that a counting experiment sees.
 */
public final class WeightedFisher {
    private WeightedFisher() {}

    public static double[][] truth(Morphing morphing, double[][] weights, double[] theta, double luminosity) {
        double[] w = morphing.eventWeights(weights, theta);
        double[][] dw = morphing.eventWeightGradients(weights, theta);
        int n = morphing.parameters();
        double[][] info = new double[n][n];
        for (int e = 0; e < w.length; e++) {
            if (!(w[e] > 0)) continue;   // an event with no (or negative) weight at θ carries no information here
            for (int a = 0; a < n; a++) for (int b = 0; b < n; b++) info[a][b] += luminosity * dw[e][a] * dw[e][b] / w[e];
        }
        return info;
    }

    public static double[][] rate(Morphing morphing, double[][] weights, double[] theta, double luminosity) {
        double[] w = morphing.eventWeights(weights, theta);
        double[][] dw = morphing.eventWeightGradients(weights, theta);
        int n = morphing.parameters();
        double sigma = 0;
        double[] dSigma = new double[n];
        for (int e = 0; e < w.length; e++) {
            sigma += w[e];
            for (int a = 0; a < n; a++) dSigma[a] += dw[e][a];
        }
        double[][] info = new double[n][n];
        for (int a = 0; a < n; a++) for (int b = 0; b < n; b++) info[a][b] = luminosity * dSigma[a] * dSigma[b] / sigma;
        return info;
    }
}
