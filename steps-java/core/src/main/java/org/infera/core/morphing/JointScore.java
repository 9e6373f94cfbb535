package org.infera.core.morphing;

/**
 * The joint score and joint likelihood ratio of weighted events (MadMiner's augmentation): with
 * w(x, z | θ) an event's weight and σ(θ) = Σ_events w the total,
 * t(x, z | θ) = ∇_θ w / w − ∇_θ σ / σ and r(x, z | θ0, θ1) = (w(θ0)/σ(θ0)) / (w(θ1)/σ(θ1)).
 */
public final class JointScore {
    private JointScore() {}

    /** t per event [event][parameter] at θ. */
    public static double[][] at(Morphing morphing, double[][] weights, double[] theta) {
        return at(morphing, weights, theta, morphing.eventWeights(weights, theta));
    }

    /** As above, with the event weights at θ already computed (w = morphing.eventWeights(weights, θ)). */
    public static double[][] at(Morphing morphing, double[][] weights, double[] theta, double[] w) {
        double[][] dw = morphing.eventWeightGradients(weights, theta);
        int params = morphing.parameters();
        double sigma = 0;
        double[] dSigma = new double[params];
        for (int e = 0; e < w.length; e++) {
            sigma += w[e];
            for (int p = 0; p < params; p++) dSigma[p] += dw[e][p];
        }
        return at(w, dw, sigma, dSigma);
    }

    /**
     * t per event of some of a run's events (one shard), with σ(θ) and ∇σ(θ) summed over every event
     * of the run: the score is the run's, not the shard's.
     */
    public static double[][] at(
            Morphing morphing, double[][] weights, double[] theta, double[] w, double sigma, double[] dSigma) {
        return at(w, morphing.eventWeightGradients(weights, theta), sigma, dSigma);
    }

    private static double[][] at(double[] w, double[][] dw, double sigma, double[] dSigma) {
        int params = dSigma.length;
        double[][] t = new double[w.length][params];
        for (int e = 0; e < w.length; e++) {
            for (int p = 0; p < params; p++) t[e][p] = dw[e][p] / w[e] - dSigma[p] / sigma;
        }
        return t;
    }

    /** r per event between θ0 and θ1. */
    public static double[] ratio(Morphing morphing, double[][] weights, double[] theta0, double[] theta1) {
        return ratio(morphing.eventWeights(weights, theta0), morphing.eventWeights(weights, theta1));
    }

    /** r per event from the event weights at θ0 and at θ1. */
    public static double[] ratio(double[] w0, double[] w1) {
        double s0 = 0, s1 = 0;
        for (int e = 0; e < w0.length; e++) {
            s0 += w0[e];
            s1 += w1[e];
        }
        return ratio(w0, w1, s0, s1);
    }

    /** r per event from the event weights at θ0 and θ1 and the run's cross sections σ(θ0), σ(θ1). */
    public static double[] ratio(double[] w0, double[] w1, double s0, double s1) {
        double[] r = new double[w0.length];
        for (int e = 0; e < r.length; e++) r[e] = (w0[e] / s0) / (w1[e] / s1);
        return r;
    }
}
