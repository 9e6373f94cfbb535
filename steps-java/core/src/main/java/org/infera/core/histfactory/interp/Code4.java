package org.infera.core.histfactory.interp;

import org.hipparchus.linear.LUDecomposition;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.RealMatrix;

/**
 * Code 4: exponential (code 1) for |α| ≥ 1 and, inside, the sixth-order polynomial
 * nom·(1 + Σ_{i=1..6} a_i α^i) whose value, first and second derivative match the exponential at
 * α = ±1. The coefficients solve a fixed 6×6 linear system, inverted once.
 */
public final class Code4 implements Interpolation {
    /** Rows: conditions f(1), f'(1), f''(1), f(−1), f'(−1), f''(−1) on the coefficients a_1..a_6. */
    private static final double[][] INVERSE = inverse();

    @Override
    public String name() {
        return "code4";
    }

    @Override
    public boolean needsPositive() {
        return true;
    }

    @Override
    public double value(double alpha, double lo, double nom, double hi) {
        if (Math.abs(alpha) >= 1) return nom * Math.exp(alpha * Code1.logSlope(alpha, lo, nom, hi));
        double[] a = coefficients(lo / nom, hi / nom);
        double p = 0;
        for (int i = 5; i >= 0; i--) p = (p + a[i]) * alpha;
        return nom * (1 + p);
    }

    @Override
    public void derivatives(double alpha, double lo, double nom, double hi, double[] out) {
        if (Math.abs(alpha) >= 1) {
            double k = Code1.logSlope(alpha, lo, nom, hi);
            double v = nom * Math.exp(alpha * k);
            out[0] = v;
            out[1] = v * k;
            out[2] = v * k * k;
            return;
        }
        double[] a = coefficients(lo / nom, hi / nom);
        double v = 0, d1 = 0, d2 = 0;
        for (int i = 6; i >= 1; i--) {
            double ai = a[i - 1];
            v = v * alpha + ai;
        }
        v *= alpha;
        for (int i = 6; i >= 1; i--) d1 = d1 * alpha + i * a[i - 1];
        for (int i = 6; i >= 2; i--) d2 = d2 * alpha + i * (i - 1) * a[i - 1];
        out[0] = nom * (1 + v);
        out[1] = nom * d1;
        out[2] = nom * d2;
    }

    /** a_1..a_6 for the ratios lo/nom and hi/nom. */
    static double[] coefficients(double lo, double hi) {
        double lnHi = Math.log(hi), lnLo = Math.log(lo);
        double[] rhs = {hi - 1, hi * lnHi, hi * lnHi * lnHi, lo - 1, -lo * lnLo, lo * lnLo * lnLo};
        double[] a = new double[6];
        for (int i = 0; i < 6; i++) {
            double s = 0;
            for (int j = 0; j < 6; j++) s += INVERSE[i][j] * rhs[j];
            a[i] = s;
        }
        return a;
    }

    private static double[][] inverse() {
        double[][] m = new double[6][6];
        for (int i = 1; i <= 6; i++) {
            double sign = (i % 2 == 0) ? 1 : -1; // (−1)^i
            m[0][i - 1] = 1;
            m[1][i - 1] = i;
            m[2][i - 1] = i * (i - 1);
            m[3][i - 1] = sign;
            m[4][i - 1] = -sign * i; // i (−1)^(i−1)
            m[5][i - 1] = sign * i * (i - 1); // i (i−1) (−1)^(i−2)
        }
        RealMatrix inv =
                new LUDecomposition(MatrixUtils.createRealMatrix(m)).getSolver().getInverse();
        return inv.getData();
    }
}
