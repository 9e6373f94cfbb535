package org.infera.fit.score;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.infera.core.cli.InputException;
import org.infera.core.data.EstimatedLogRatiosFile;
import org.infera.core.data.MadMinerEventFile;
import org.infera.core.data.SamplingFactors;
import org.infera.core.histfactory.model.PoissonTerm;
import org.infera.core.morphing.BenchmarkCoefficients;

/**
 * The expected (Asimov) likelihood-ratio statistic of a learned log r̂(x | θ, θ1) over a θ grid, as MadMiner's
 * AsymptoticLimits in mode "ml" with the rate term: the extended unbinned likelihood on the events weighted by
 * L w_i(θ_t), so with ν(θ) = L Σ_i w_i(θ) and n_i = L w_i(θ_t),
 * q(θ) = 2[ν(θ) − ν_t + ν_t ln(ν_t/ν(θ))] − 2 Σ_i n_i [log r̂_i(θ) − log r̂_i(θ_t)],
 * the first term Poisson's over its saturated value ({@link PoissonTerm#overSaturated}), the second the kinematic
 * log-likelihood ratio (θ1 cancels). The truth must be a grid point: its log r̂ is one of the columns. One events
 * file at a time: only the per-file log-ratios and weights are in memory. An ensemble's log-ratios give q of their
 * mean and of each member, whose spread is the training uncertainty of the limits.
 */
final class RatioLimits {
    private RatioLimits() {}

    /**
     * q at each grid point (+∞ where the morphed rate ν(θ) ≤ 0), the truth's index among them, and ν(θ_t);
     * memberQ: [member][point], each ensemble member's q (null: one network).
     */
    record Result(double[] q, int truth, double expectedEvents, String estimator, double[][] memberQ) {}

    /** @param points the grid, [point][parameter], numbered as infera-shift log-ratios numbers it */
    static Result compute(
            List<Path> sorted,
            MadMinerEventFile first,
            SamplingFactors factors,
            BenchmarkCoefficients weightsAt,
            Path logRatios,
            double[][] points,
            double[] truth,
            double luminosity) {
        int t = -1;
        for (int g = 0; g < points.length && t < 0; g++) if (EstimatedLogRatiosFile.samePoint(points[g], truth)) t = g;
        if (t < 0)
            throw new InputException.BadOption(
                    "--theta-true",
                    "--theta-true " + Arrays.toString(truth) + " is no point of --grid: --method ratio takes "
                            + "log r̂ at the truth from the grid's log-ratios");
        double[] benchmarkSums = new double[weightsAt.benchmarks()];
        // Σ_i n_i log r̂_i(θ_g): [0] of the (mean) log r̂, [1 + k] of member k's
        double[][] kinematic = null;
        String estimator = null;
        for (Path path : sorted) {
            MadMinerEventFile f = path.equals(sorted.get(0)) ? first : MadMinerEventFile.read(path);
            f.requireSameRunAs(first, path, sorted.get(0));
            EstimatedLogRatiosFile file = EstimatedLogRatiosFile.forEvents(logRatios, path, f, points);
            if (estimator == null) estimator = file.loss();
            else if (!estimator.equals(file.loss()))
                throw new InputException.Mismatch(
                        logRatios.resolve(path.getFileName().toString()),
                        "attribute 'loss'",
                        "log r̂ of a " + file.loss() + " estimator, but the first file's is of " + estimator
                                + ": one run's files come from one model");
            List<float[][]> logR = new java.util.ArrayList<>();
            logR.add(file.logR());
            if (file.memberLogR() != null) logR.addAll(List.of(file.memberLogR()));
            if (kinematic == null) kinematic = new double[logR.size()][points.length];
            else if (kinematic.length != logR.size())
                throw new InputException.Mismatch(
                        logRatios.resolve(path.getFileName().toString()),
                        "attribute 'members'",
                        "holds " + stored(logR.size()) + ", but the first file holds " + stored(kinematic.length)
                                + ": one run's files come from one model");
            double[][] weights = f.combinedWeights(factors);
            double[] n = weightsAt.eventWeights(weights, truth);
            for (int e = 0; e < weights.length; e++) {
                for (int b = 0; b < benchmarkSums.length; b++) benchmarkSums[b] += weights[e][b];
                double ne = luminosity * n[e];
                for (int k = 0; k < kinematic.length; k++) {
                    float[] row = logR.get(k)[e];
                    double[] sums = kinematic[k];
                    for (int g = 0; g < points.length; g++) sums[g] += ne * row[g];
                }
            }
        }
        double nuTrue = rate(weightsAt, benchmarkSums, truth, luminosity);
        if (!(nuTrue > 0))
            throw new InputException.Value(
                    sorted.get(0),
                    "dataset 'samples/weights'",
                    "the expected events at --theta-true " + Arrays.toString(truth) + " are " + nuTrue
                            + ": the Asimov data need a positive rate");
        double[][] q = new double[kinematic.length][points.length];
        for (int g = 0; g < points.length; g++) {
            double rateTerm = PoissonTerm.overSaturated(rate(weightsAt, benchmarkSums, points[g], luminosity), nuTrue);
            for (int k = 0; k < q.length; k++)
                q[k][g] = rateTerm == Double.POSITIVE_INFINITY
                        ? rateTerm
                        : 2 * rateTerm - 2 * (kinematic[k][g] - kinematic[k][t]);
        }
        return new Result(q[0], t, nuTrue, estimator, q.length > 1 ? Arrays.copyOfRange(q, 1, q.length) : null);
    }

    /** What a file's log r̂ arrays (the mean, then each member's) are, for a message. */
    private static String stored(int arrays) {
        return arrays == 1
                ? "one log r̂ (one network, or an ensemble's mean alone in format version 1)"
                : "the log r̂ of " + (arrays - 1) + " ensemble members";
    }

    /** ν(θ) = L Σ_b c_b(θ) Σ_i W_ib. */
    private static double rate(BenchmarkCoefficients weightsAt, double[] benchmarkSums, double[] theta, double l) {
        double[] c = weightsAt.benchmarkWeights(theta);
        double s = 0;
        for (int b = 0; b < c.length; b++) s += c[b] * benchmarkSums[b];
        return l * s;
    }
}
