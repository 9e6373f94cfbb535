package org.infera.core.physics;

import org.infera.core.random.Rng;

/**
 * The benchmark problem of de Castro & Dorigo (2018), "INFERNO": three features.
 * Background: (x0, x1) ~ N((2 + r, 0), diag(5, 9)), x2 ~ Exp(rate λ); nominal r = 0, λ = 3.
 * Signal: (x0, x1) ~ N((0, 0), I), x2 ~ Exp(rate 2). The signal mean is (0, 0), as in the code that
 * produced the paper's table (its text says (1, 1), which does not reproduce the table).
 * Expected yields: 50 signal, 1000 background events.
 */
public final class InfernoPaperProblem {
    public static final String NAME = "inferno-paper";
    public static final String[] FEATURES = {"x0", "x1", "x2"};
    public static final String[] PROCESSES = {"signal", "background"};
    public static final double SIGNAL_YIELD = 50;
    public static final double BACKGROUND_YIELD = 1000;
    public static final double NOMINAL_R = 0;
    public static final double NOMINAL_LAMBDA = 3;

    private InfernoPaperProblem() {}

    public static double[] signal(Rng rng) {
        return new double[] {rng.gaussian(), rng.gaussian(), rng.exponential(2)};
    }

    public static double[] background(Rng rng, double r, double lambda) {
        return new double[] {2 + r + Math.sqrt(5) * rng.gaussian(), 3 * rng.gaussian(), rng.exponential(lambda)};
    }

    /** Log-density of a signal event (for the analytic likelihood and tests). */
    public static double logSignalDensity(double[] x) {
        if (x[2] < 0) return Double.NEGATIVE_INFINITY;
        return -Math.log(2 * Math.PI) - (x[0] * x[0] + x[1] * x[1]) / 2 + Math.log(2) - 2 * x[2];
    }

    /** Log-density of a background event at nuisance values r and λ. */
    public static double logBackgroundDensity(double[] x, double r, double lambda) {
        if (x[2] < 0) return Double.NEGATIVE_INFINITY;
        double u = x[0] - 2 - r;
        return -Math.log(2 * Math.PI * Math.sqrt(45))
                - u * u / 10
                - x[1] * x[1] / 18
                + Math.log(lambda)
                - lambda * x[2];
    }
}
