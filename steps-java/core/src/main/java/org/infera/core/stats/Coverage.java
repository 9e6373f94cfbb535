package org.infera.core.stats;

import java.util.Arrays;
import java.util.List;
import org.hipparchus.distribution.continuous.ChiSquaredDistribution;

/**
 * The coverage of a set of 68.27% intervals from pseudo-experiments at a known truth: the fraction that
 * contain the truth with its binomial uncertainty, the widths, the pulls, and the HiggsML uncertainty
 * challenge's combined score of width and coverage.
 */
public final class Coverage {
    /** The nominal coverage of a 1σ interval, as the HiggsML uncertainty challenge writes it. */
    public static final double NOMINAL = 0.6827;
    /** The challenge's ε: the score's width floor, in units of the signal strength μ. */
    public static final double EPSILON = 1e-3;
    /** A cell is flagged when its coverage lies this many binomial σ from {@link #NOMINAL}. */
    public static final double FLAG_SIGMAS = 3;

    private Coverage() {}

    /**
     * One cell: n intervals, how many contain the truth, the coverage and its binomial σ at the observed
     * fraction, the mean and median width, the pulls' mean and standard deviation, the combined score, and
     * z = (coverage − nominal)/σ_nominal with σ_nominal the binomial σ of the nominal coverage.
     */
    public record Summary(
            int n,
            int covered,
            double coverage,
            double coverageError,
            double meanWidth,
            double medianWidth,
            double pullMean,
            double pullSpread,
            double score,
            double z) {
        public boolean flagged() {
            return Math.abs(z) > FLAG_SIGMAS;
        }
    }

    /** The binomial σ of the nominal coverage for n pseudo-experiments: √(p(1 − p)/n). */
    public static double nominalSigma(int n) {
        return Math.sqrt(NOMINAL * (1 - NOMINAL) / n);
    }

    /**
     * The challenge's coverage penalty f (FAIR-Universe/HEP-Challenge, scoring_program/score.py,
     * {@code Quantiles_Score}; the white paper arXiv:2410.02867): with σ68 = √(p(1 − p)/n), p = 0.6827,
     * f = 1 inside [p − 2σ68, p + 2σ68]; below, 1 + |(c − (p − 2σ68))/σ68|⁴; above, 1 + |(c − (p + 2σ68))/σ68|³
     * (under-coverage costs more than over-coverage).
     */
    public static double penalty(double coverage, int n) {
        double s = nominalSigma(n);
        double lo = NOMINAL - 2 * s, hi = NOMINAL + 2 * s;
        if (coverage < lo) return 1 + Math.pow(Math.abs((coverage - lo) / s), 4);
        if (coverage > hi) return 1 + Math.pow(Math.abs((coverage - hi) / s), 3);
        return 1;
    }

    /** The challenge's score −ln((mean width + ε) · f(coverage)); higher is better. */
    public static double score(double meanWidth, double coverage, int n) {
        return -Math.log((meanWidth + EPSILON) * penalty(coverage, n));
    }

    /**
     * The summary of intervals [lower, upper] with best fits {@code best} around {@code truth}, all in the same
     * unit (the challenge's score expects the signal strength μ). A pull is (best − truth) over the interval's
     * half on the truth's side (upper − best when the truth lies above the best fit, best − lower otherwise),
     * the asymmetric pull of MINOS errors.
     */
    public static Summary of(double[] lower, double[] upper, double[] best, double truth) {
        int n = lower.length;
        if (n == 0) throw new IllegalArgumentException("no intervals");
        int covered = 0;
        double[] widths = new double[n];
        double pullSum = 0, pullSquares = 0;
        for (int i = 0; i < n; i++) {
            if (lower[i] <= truth && truth <= upper[i]) covered++;
            widths[i] = upper[i] - lower[i];
            double side = truth > best[i] ? upper[i] - best[i] : best[i] - lower[i];
            double pull = (best[i] - truth) / side;
            pullSum += pull;
            pullSquares += pull * pull;
        }
        double c = (double) covered / n;
        double meanWidth = Arrays.stream(widths).sum() / n;
        double[] sorted = widths.clone();
        Arrays.sort(sorted);
        double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        double pullMean = pullSum / n;
        double pullSpread = n > 1 ? Math.sqrt(Math.max(0, (pullSquares - n * pullMean * pullMean) / (n - 1))) : 0;
        return new Summary(
                n,
                covered,
                c,
                Math.sqrt(c * (1 - c) / n),
                meanWidth,
                median,
                pullMean,
                pullSpread,
                score(meanWidth, c, n),
                (c - NOMINAL) / nominalSigma(n));
    }

    /** χ² = Σ z² over cells (each z approximately standard normal if every cell covers) and its p-value. */
    public record ChiSquare(double chi2, int cells, double pValue) {}

    public static ChiSquare chiSquare(List<Summary> cells) {
        double chi2 = 0;
        for (Summary s : cells) chi2 += s.z() * s.z();
        double p = cells.isEmpty() ? 1 : 1 - new ChiSquaredDistribution(cells.size()).cumulativeProbability(chi2);
        return new ChiSquare(chi2, cells.size(), p);
    }
}
