package org.infera.core.histfactory.infer;

import java.util.Arrays;

/**
 * CLs from toy distributions of the test statistic, as pyhf's EmpiricalDistribution and ToyCalculator define
 * them, with the Monte Carlo uncertainty of each number.
 *
 * <p>p(t) is the fraction of toys with a statistic ≥ t: CL_s+b from the signal + background toys, CL_b from
 * the background-only ones, CLs = CL_s+b / CL_b. Each p is binomial, σ_p = √(p(1 − p)/N), and the two toy
 * sets are independent, so σ_CLs² = (σ_s+b / CL_b)² + (CL_s+b σ_b / CL_b²)². The expected band: CLs (CL_s+b
 * for q₀) evaluated at every background-only toy, and its percentiles at Φ(−n) for n = 2, 1, 0, −1, −2 with
 * linear interpolation (numpy's default); their uncertainty combines the spread of the order statistics
 * within ±√(N q(1 − q)) ranks of the percentile with the binomial uncertainty of the CLs value there.
 *
 * @param expected in {@link AsymptoticCalculator#BAND} order (most excluding first)
 */
public record ToyHypotest(
        double poiValue,
        double testStat,
        double clsb,
        double clsbError,
        double clb,
        double clbError,
        double cls,
        double clsError,
        double[] expected,
        double[] expectedError,
        int toys) {

    /** The test at one μ of the toys: index {@code j} of their grid. */
    public static ToyHypotest of(ToyStatistics t, int j) {
        boolean discovery = t.statistic() == TestStatistic.Q0;
        double[] sb = t.signalPlusBackground()[j].clone(), b = t.backgroundOnly()[j].clone();
        Arrays.sort(sb);
        Arrays.sort(b);
        double q = t.observed()[j];
        double[] obs = pvalues(sb, b, q);
        int n = b.length;
        // the reported p-value of each background-only toy (CLs, or CL_s+b for discovery), and its error
        double[] p = new double[n], pError = new double[n];
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            double[] v = pvalues(sb, b, b[i]);
            p[i] = discovery ? v[0] : v[4];
            pError[i] = discovery ? v[1] : v[5];
            order[i] = i;
        }
        Arrays.sort(order, (x, y) -> Double.compare(p[x], p[y]));
        double[] sorted = new double[n], sortedError = new double[n];
        for (int i = 0; i < n; i++) {
            sorted[i] = p[order[i]];
            sortedError[i] = pError[order[i]];
        }
        double[] expected = new double[AsymptoticCalculator.BAND.length];
        double[] expectedError = new double[expected.length];
        for (int k = 0; k < expected.length; k++) {
            double quantile = AsymptoticCalculator.upperTail(AsymptoticCalculator.BAND[k]);
            double rank = (n - 1) * quantile;
            expected[k] = interpolate(sorted, rank);
            double ranks = Math.sqrt(n * quantile * (1 - quantile));
            double spread = (interpolate(sorted, rank + ranks) - interpolate(sorted, rank - ranks)) / 2;
            double binomial = interpolate(sortedError, rank);
            expectedError[k] = Math.sqrt(spread * spread + binomial * binomial);
        }
        return new ToyHypotest(
                t.poiValues()[j], q, obs[0], obs[1], obs[2], obs[3], obs[4], obs[5], expected, expectedError, n);
    }

    /** {CL_s+b, σ, CL_b, σ, CLs, σ} at the statistic value q, from the sorted toy statistics. */
    static double[] pvalues(double[] sortedSb, double[] sortedB, double q) {
        double sb = atLeast(sortedSb, q), b = atLeast(sortedB, q);
        double sbError = binomialError(sb, sortedSb.length), bError = binomialError(b, sortedB.length);
        double cls = sb / b;
        double clsError = Math.sqrt(Math.pow(sbError / b, 2) + Math.pow(sb * bError / (b * b), 2));
        return new double[] {sb, sbError, b, bError, cls, clsError};
    }

    /** The fraction of the sorted values ≥ q (pyhf's EmpiricalDistribution.pvalue). */
    static double atLeast(double[] sorted, double q) {
        int lo = 0, hi = sorted.length; // first index with sorted[i] >= q
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < q) lo = mid + 1;
            else hi = mid;
        }
        return (double) (sorted.length - lo) / sorted.length;
    }

    static double binomialError(double p, int n) {
        return Math.sqrt(p * (1 - p) / n);
    }

    /** The value at a fractional rank of sorted values, linear between neighbours, clamped to the ends. */
    static double interpolate(double[] sorted, double rank) {
        double r = Math.max(0, Math.min(sorted.length - 1, rank));
        int i = (int) Math.floor(r);
        if (i == sorted.length - 1) return sorted[i];
        double f = r - i;
        return f == 0 ? sorted[i] : sorted[i] + f * (sorted[i + 1] - sorted[i]);
    }
}
