package org.infera.core.histfactory.interp;

/**
 * Code 2: the parabola through (−1, lo), (0, nom), (1, hi) for |α| ≤ 1, continued linearly with the
 * parabola's slope beyond. The extrapolation starts from hi (lo), so value and slope are continuous
 * at |α| = 1 (ROOT's convention; pyhf's code2 omits that offset and jumps there). Inside |α| ≤ 1,
 * where fits to sensible models stay, the two agree.
 */
public final class Code2 implements Interpolation {
    @Override
    public String name() {
        return "code2";
    }

    @Override
    public double value(double alpha, double lo, double nom, double hi) {
        double a = 0.5 * (hi + lo) - nom;
        double b = 0.5 * (hi - lo);
        if (alpha > 1) return hi + (b + 2 * a) * (alpha - 1);
        if (alpha < -1) return lo + (b - 2 * a) * (alpha + 1);
        return nom + alpha * (b + a * alpha);
    }

    @Override
    public void derivatives(double alpha, double lo, double nom, double hi, double[] out) {
        double a = 0.5 * (hi + lo) - nom;
        double b = 0.5 * (hi - lo);
        out[0] = value(alpha, lo, nom, hi);
        if (alpha > 1) {
            out[1] = b + 2 * a;
            out[2] = 0;
        } else if (alpha < -1) {
            out[1] = b - 2 * a;
            out[2] = 0;
        } else {
            out[1] = b + 2 * a * alpha;
            out[2] = 2 * a;
        }
    }
}
