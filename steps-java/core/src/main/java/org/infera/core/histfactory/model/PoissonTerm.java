package org.infera.core.histfactory.model;

/**
 * The Poisson count's term of −ln L, the one home of it: {@link Model} uses it for every main bin
 * and every Poisson constraint, {@code infera-fit limits} for its score-histogram bins.
 */
public final class PoissonTerm {
    private PoissonTerm() {}

    /**
     * −ln Poisson(n | ν) less ln Γ(n+1), that is ν − n ln ν; +∞ where ν cannot give n (ν &lt; 0,
     * or ν = 0 with n &gt; 0), and 0 for ν = 0 with no count.
     */
    public static double nll(double nu, double n) {
        if (nu > 0) return nu - (n > 0 ? n * Math.log(nu) : 0);
        return nu < 0 || n > 0 ? Double.POSITIVE_INFINITY : 0;
    }

    /**
     * The term relative to the saturated model, nll(ν, n) − nll(n, n) = ν − n + n ln(n/ν): half a
     * bin's share of the likelihood-ratio statistic. Written with one logarithm of n/ν, so that
     * large counts lose no digits to cancellation. +∞ where ν ≤ 0 cannot give n &gt; 0; 0 for a
     * bin that expects and holds nothing.
     */
    public static double overSaturated(double nu, double n) {
        if (n <= 0 && nu <= 0) return 0;
        if (nu <= 0) return Double.POSITIVE_INFINITY;
        return nu - n + (n > 0 ? n * Math.log(n / nu) : 0);
    }
}
