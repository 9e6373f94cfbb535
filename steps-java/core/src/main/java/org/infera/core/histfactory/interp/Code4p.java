package org.infera.core.histfactory.interp;

/**
 * Code 4p: linear (code 0) for |α| > 1 and, inside, nom + α·S + α²·(15 + α²(3α² − 10))·A with
 * S = (Δ⁺ + Δ⁻)/2, A = (Δ⁺ − Δ⁻)/16, Δ⁺ = hi − nom, Δ⁻ = nom − lo: a polynomial that meets the
 * linear pieces with matching value, slope and curvature at α = ±1.
 */
public final class Code4p implements Interpolation {
    @Override
    public String name() {
        return "code4p";
    }

    @Override
    public double value(double alpha, double lo, double nom, double hi) {
        double up = hi - nom, down = nom - lo;
        if (alpha > 1) return nom + alpha * up;
        if (alpha < -1) return nom + alpha * down;
        double s = 0.5 * (up + down), a = 0.0625 * (up - down);
        double a2 = alpha * alpha;
        return nom + alpha * s + a2 * (15 + a2 * (3 * a2 - 10)) * a;
    }

    @Override
    public void derivatives(double alpha, double lo, double nom, double hi, double[] out) {
        double up = hi - nom, down = nom - lo;
        out[0] = value(alpha, lo, nom, hi);
        if (alpha > 1) {
            out[1] = up;
            out[2] = 0;
            return;
        }
        if (alpha < -1) {
            out[1] = down;
            out[2] = 0;
            return;
        }
        double s = 0.5 * (up + down), a = 0.0625 * (up - down);
        double a2 = alpha * alpha;
        // d/dα of 15α² − 10α⁴ + 3α⁶ and its second derivative
        out[1] = s + (30 * alpha - 40 * a2 * alpha + 18 * a2 * a2 * alpha) * a;
        out[2] = (30 - 120 * a2 + 90 * a2 * a2) * a;
    }
}
