package org.infera.nn;

/** Mean and standard deviation of each feature over the training events, for input standardisation. */
public final class Standardisation {
    private Standardisation() {}

    public static double[] mean(double[][] x) {
        double[] m = new double[x[0].length];
        for (double[] row : x) for (int j = 0; j < m.length; j++) m[j] += row[j];
        for (int j = 0; j < m.length; j++) m[j] /= x.length;
        return m;
    }

    public static double[] std(double[][] x, double[] mean) {
        double[] s = new double[mean.length];
        for (double[] row : x) for (int j = 0; j < s.length; j++) s[j] += (row[j] - mean[j]) * (row[j] - mean[j]);
        return finish(s, x.length);
    }

    /** The standard deviations from the sums of squared deviations over n events. */
    public static double[] finish(double[] squares, long n) {
        double[] s = new double[squares.length];
        for (int j = 0; j < s.length; j++) {
            s[j] = Math.sqrt(squares[j] / n);
            if (!(s[j] > 0)) s[j] = 1; // a constant feature: leave it centred, unscaled
        }
        return s;
    }
}
