package org.infera.core.histfactory.infer;

/**
 * Upper limits from toy-based CLs on a grid of μ, as pyhf's linear grid scan: the μ where CLs falls to the level,
 * by linear interpolation between the grid points around its first crossing (from small μ), observed and for each
 * line of the expected band. The Monte Carlo error of a limit is that of CLs there over the slope of CLs in μ.
 * A limit whose CLs does not cross the level inside the grid is NaN, and {@code problem} says why.
 *
 * @param expected in {@link AsymptoticCalculator#BAND} order
 */
public record ToyUpperLimit(
        double observed, double observedError, double[] expected, double[] expectedError, String problem) {

    public static ToyUpperLimit compute(ToyHypotest[] grid, double level) {
        int n = grid.length;
        double[] mu = new double[n], cls = new double[n], clsError = new double[n];
        for (int j = 0; j < n; j++) {
            mu[j] = grid[j].poiValue();
            cls[j] = grid[j].cls();
            clsError[j] = grid[j].clsError();
        }
        double[] obs = crossing(mu, cls, clsError, level);
        int lines = AsymptoticCalculator.BAND.length;
        double[] expected = new double[lines], expectedError = new double[lines];
        boolean allFound = Double.isFinite(obs[0]);
        for (int k = 0; k < lines; k++) {
            double[] v = new double[n], e = new double[n];
            for (int j = 0; j < n; j++) {
                v[j] = grid[j].expected()[k];
                e[j] = grid[j].expectedError()[k];
            }
            double[] c = crossing(mu, v, e, level);
            expected[k] = c[0];
            expectedError[k] = c[1];
            allFound &= Double.isFinite(c[0]);
        }
        String problem = allFound
                ? null
                : "CLs does not cross " + level + " inside the scanned POI values [" + mu[0] + ", " + mu[n - 1]
                        + "] for every line (those are null): widen --scan";
        return new ToyUpperLimit(obs[0], obs[1], expected, expectedError, problem);
    }

    /** {μ, σ_μ} where the values first fall from above the level to at most it; NaN where they do not. */
    static double[] crossing(double[] mu, double[] v, double[] error, double level) {
        if (!(v[0] > level)) return new double[] {Double.NaN, Double.NaN};
        for (int j = 1; j < mu.length; j++) {
            if (v[j] <= level) {
                double slope = (v[j] - v[j - 1]) / (mu[j] - mu[j - 1]);
                double f = (v[j - 1] - level) / (v[j - 1] - v[j]);
                double at = mu[j - 1] + f * (mu[j] - mu[j - 1]);
                double sigma = error[j - 1] + f * (error[j] - error[j - 1]);
                return new double[] {at, sigma / Math.abs(slope)};
            }
        }
        return new double[] {Double.NaN, Double.NaN};
    }
}
