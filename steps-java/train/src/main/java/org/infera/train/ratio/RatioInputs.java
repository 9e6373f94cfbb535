package org.infera.train.ratio;

/** The input rows of a ratio estimator: the observables followed by θ0. */
final class RatioInputs {
    private RatioInputs() {}

    static double[][] join(double[][] x, double[][] theta0) {
        double[][] out = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            out[i] = new double[x[i].length + theta0[i].length];
            System.arraycopy(x[i], 0, out[i], 0, x[i].length);
            System.arraycopy(theta0[i], 0, out[i], x[i].length, theta0[i].length);
        }
        return out;
    }
}
