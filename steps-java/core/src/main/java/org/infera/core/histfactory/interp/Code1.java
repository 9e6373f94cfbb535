package org.infera.core.histfactory.interp;

/** Code 1: piecewise exponential, nom·(hi/nom)^α above α = 0 and nom·(lo/nom)^(−α) below. */
public final class Code1 implements Interpolation {
    @Override
    public String name() {
        return "code1";
    }

    @Override
    public boolean needsPositive() {
        return true;
    }

    @Override
    public double value(double alpha, double lo, double nom, double hi) {
        return nom * Math.exp(alpha * logSlope(alpha, lo, nom, hi));
    }

    @Override
    public void derivatives(double alpha, double lo, double nom, double hi, double[] out) {
        double k = logSlope(alpha, lo, nom, hi);
        double v = nom * Math.exp(alpha * k);
        out[0] = v;
        out[1] = v * k;
        out[2] = v * k * k;
    }

    /** d log(value) / dα on the side of α. */
    static double logSlope(double alpha, double lo, double nom, double hi) {
        return alpha >= 0 ? Math.log(hi / nom) : -Math.log(lo / nom);
    }
}
