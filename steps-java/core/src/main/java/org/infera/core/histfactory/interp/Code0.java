package org.infera.core.histfactory.interp;

/** Code 0: piecewise linear, slope hi − nom above α = 0 and nom − lo below. */
public final class Code0 implements Interpolation {
    @Override
    public String name() {
        return "code0";
    }

    @Override
    public double value(double alpha, double lo, double nom, double hi) {
        return nom + alpha * (alpha >= 0 ? hi - nom : nom - lo);
    }

    @Override
    public void derivatives(double alpha, double lo, double nom, double hi, double[] out) {
        double slope = alpha >= 0 ? hi - nom : nom - lo;
        out[0] = nom + alpha * slope;
        out[1] = slope;
        out[2] = 0;
    }
}
