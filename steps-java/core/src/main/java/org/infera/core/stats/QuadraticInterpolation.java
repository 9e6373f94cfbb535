package org.infera.core.stats;

/**
 * Template interpolation in α (α = ±1 at the down/up templates): quadratic through the down,
 * nominal and up values for |α| ≤ 1, continued linearly with matching slope beyond, as in the
 * INFERNO paper. Returns the change of a bin from its nominal value.
 */
public final class QuadraticInterpolation {
    private QuadraticInterpolation() {}

    public static double delta(double nominal, double up, double down, double alpha) {
        double slope = (up - down) / 2;
        double curvature = (up + down - 2 * nominal) / 2;
        if (alpha > 1) return (up - nominal) + (alpha - 1) * (slope + 2 * curvature);
        if (alpha < -1) return (down - nominal) + (alpha + 1) * (slope - 2 * curvature);
        return alpha * slope + alpha * alpha * curvature;
    }

    /** d delta / d α. */
    public static double derivative(double nominal, double up, double down, double alpha) {
        double slope = (up - down) / 2;
        double curvature = (up + down - 2 * nominal) / 2;
        if (alpha > 1) return slope + 2 * curvature;
        if (alpha < -1) return slope - 2 * curvature;
        return slope + 2 * alpha * curvature;
    }

    /** d² delta / d α². */
    public static double secondDerivative(double nominal, double up, double down, double alpha) {
        return Math.abs(alpha) > 1 ? 0 : up + down - 2 * nominal;
    }
}
