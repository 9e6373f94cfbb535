package org.infera.core.morphing;

/**
 * The Fisher information on the theory parameters of weighted events at θ for an integrated
 * luminosity L (MadMiner's "truth" and "rate" information): with w_e(θ) the events' weights (cross
 * sections) and σ = Σ_e w_e, the full information L Σ_e ∂w_e ∂w_eᵀ / w_e, and the rate-only part
 * L ∂σ ∂σᵀ / σ that a counting experiment sees. Both are built from sums over events, so a run's
 * shards can be added one file at a time ({@link #addTruth}, {@link #addCrossSection}).
 */
public final class WeightedFisher {
    private WeightedFisher() {}

    public static double[][] truth(Morphing morphing, double[][] weights, double[] theta, double luminosity) {
        double[][] info = new double[morphing.parameters()][morphing.parameters()];
        addTruth(info, morphing, weights, theta, luminosity);
        return info;
    }

    /** Adds these events' L Σ_e ∂w_e ∂w_eᵀ / w_e to info. */
    public static void addTruth(
            double[][] info, Morphing morphing, double[][] weights, double[] theta, double luminosity) {
        double[] w = morphing.eventWeights(weights, theta);
        double[][] dw = morphing.eventWeightGradients(weights, theta);
        int n = morphing.parameters();
        for (int e = 0; e < w.length; e++) {
            if (!(w[e] > 0)) continue; // an event with no (or negative) weight at θ carries no information here
            for (int a = 0; a < n; a++)
                for (int b = 0; b < n; b++) info[a][b] += luminosity * dw[e][a] * dw[e][b] / w[e];
        }
    }

    public static double[][] rate(Morphing morphing, double[][] weights, double[] theta, double luminosity) {
        double[] crossSection = new double[1 + morphing.parameters()];
        addCrossSection(crossSection, morphing, weights, theta);
        return rate(crossSection, luminosity);
    }

    /** Adds these events' σ(θ) and ∇σ(θ) to {σ, ∂_1σ, …, ∂_nσ}. */
    public static void addCrossSection(double[] crossSection, Morphing morphing, double[][] weights, double[] theta) {
        double[] w = morphing.eventWeights(weights, theta);
        double[][] dw = morphing.eventWeightGradients(weights, theta);
        for (int e = 0; e < w.length; e++) {
            crossSection[0] += w[e];
            for (int a = 0; a < morphing.parameters(); a++) crossSection[1 + a] += dw[e][a];
        }
    }

    /** L ∂σ ∂σᵀ / σ from {σ, ∂_1σ, …, ∂_nσ}. */
    public static double[][] rate(double[] crossSection, double luminosity) {
        int n = crossSection.length - 1;
        double[][] info = new double[n][n];
        for (int a = 0; a < n; a++) {
            for (int b = 0; b < n; b++)
                info[a][b] = luminosity * crossSection[1 + a] * crossSection[1 + b] / crossSection[0];
        }
        return info;
    }
}
