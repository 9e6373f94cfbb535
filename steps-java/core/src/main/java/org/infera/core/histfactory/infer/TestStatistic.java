package org.infera.core.histfactory.infer;

import org.infera.core.cli.InputException;

/**
 * The profile-likelihood-ratio test statistics of Cowan, Cranmer, Gross and Vitells
 * (arXiv:1007.1727), with t_μ = −2 ln [L(μ, θ̂̂) / L(μ̂, θ̂)] and the fits bounded as the model says:
 * q̃_μ and q_μ (upper limits; zero where μ̂ > μ; q̃ needs the POI bounded below by 0) and q₀
 * (discovery, μ = 0; zero where μ̂ < 0).
 */
public enum TestStatistic {
    QTILDE("qtilde"),
    Q("q"),
    Q0("q0");

    private final String label;

    TestStatistic(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static TestStatistic parse(String s) {
        for (TestStatistic t : values()) if (t.label.equals(s)) return t;
        throw new InputException("unknown test statistic '" + s + "' (expected qtilde, q or q0)");
    }

    /** The statistic from t_μ and the unconditional best-fit μ̂. */
    double apply(double tmu, double muHat, double mu) {
        double t = Math.max(tmu, 0); // −2 ln λ ≥ 0; a tiny negative is rounding of two converged fits
        return switch (this) {
            case QTILDE, Q -> muHat > mu ? 0 : t;
            case Q0 -> muHat < 0 ? 0 : t;
        };
    }

    /** The μ of the Asimov data set that gives the test statistic's distribution: 1 for discovery, 0 for limits. */
    double asimovMu() {
        return this == Q0 ? 1 : 0;
    }
}
