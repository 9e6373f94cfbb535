package org.infera.core.histfactory.infer;

import java.util.function.DoubleUnaryOperator;
import org.hipparchus.analysis.solvers.BracketingNthOrderBrentSolver;
import org.hipparchus.distribution.continuous.NormalDistribution;
import org.infera.core.histfactory.model.Model;

/**
 * Upper limits on the POI at a CLs level (0.05 for 95% CL): the μ where CLs(μ) = level, observed
 * and for each line of the expected band, by bracketing and Brent's method to 1e-10 relative. The
 * expected lines need only the Asimov fits: CLs_exp,n(μ) = level ⇔ √q_μ,A = −Φ⁻¹(level·Φ(−n)) − n.
 */
public final class UpperLimit {
    private static final NormalDistribution NORMAL = new NormalDistribution();

    /**
     * The limits: observed and expected in {@link AsymptoticCalculator#BAND} order, with the CLs
     * evaluations they took; a limit that could not be found is NaN, and {@code problem} says why.
     */
    public record Limits(double observed, double[] expected, int evaluations, boolean converged, String problem) {}

    private UpperLimit() {}

    public static Limits compute(AsymptoticCalculator calc, double level) {
        Model m = calc.model();
        double upper = m.upperBounds()[m.poi()];
        int[] count = {0};
        double observed = root(
                mu -> {
                    count[0]++;
                    return calc.hypotest(mu).cls() - level;
                },
                upper);
        double[] expected = new double[AsymptoticCalculator.BAND.length];
        for (int i = 0; i < expected.length; i++) {
            double n = AsymptoticCalculator.BAND[i];
            double target = -NORMAL.inverseCumulativeProbability(level * AsymptoticCalculator.upperTail(n)) - n;
            expected[i] = root(
                    mu -> {
                        count[0]++;
                        return target - Math.sqrt(calc.asimovStatistic(mu));
                    },
                    upper);
        }
        boolean finite =
                Double.isFinite(observed) && java.util.Arrays.stream(expected).allMatch(Double::isFinite);
        String problem = !calc.converged()
                ? "a fit did not converge"
                : finite
                        ? null
                        : "CLs does not fall to " + level + " below the POI's upper bound " + upper
                                + " for every line (those are null): "
                                + "raise the bound in the measurement's parameters, or the signal is too weak to "
                                + "exclude";
        return new Limits(observed, expected, count[0], calc.converged() && finite, problem);
    }

    /** The root of a function positive at small μ and negative at large μ, within (0, upper]. */
    private static double root(DoubleUnaryOperator f, double upper) {
        double hi = Math.min(1, upper);
        double fHi = f.applyAsDouble(hi);
        while (fHi > 0 && hi < upper) {
            hi = Math.min(upper, hi * 2);
            fHi = f.applyAsDouble(hi);
        }
        if (fHi > 0) return Double.NaN; // not excluded within the POI bounds
        double lo = hi / 2;
        double fLo = f.applyAsDouble(lo);
        while (fLo < 0 && lo > 1e-9) {
            hi = lo;
            lo /= 2;
            fLo = f.applyAsDouble(lo);
        }
        if (fLo < 0) return 0;
        BracketingNthOrderBrentSolver solver = new BracketingNthOrderBrentSolver(1e-10 * hi, 1e-10, 1e-15, 5);
        try {
            return solver.solve(200, f::applyAsDouble, lo, hi);
        } catch (org.hipparchus.exception.MathRuntimeException e) {
            return Double.NaN; // CLs not monotonic where it crosses the level (a failed fit): reported, not guessed
        }
    }
}
