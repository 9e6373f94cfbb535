package org.infera.core.histfactory.infer;

import java.util.function.DoubleUnaryOperator;
import org.hipparchus.analysis.solvers.BracketingNthOrderBrentSolver;
import org.infera.core.histfactory.model.Model;

/**
 * The profile likelihood of one parameter: ΔNLL(x) = −ln L(x, θ̂̂) + ln L(x̂, θ̂), the other free
 * parameters refitted at every point (each fit starting from the previous one), and MINOS-like
 * intervals where ΔNLL crosses a level (0.5 for 68.3%) on each side of the best fit.
 */
public final class ProfileScan {
    private final Likelihood likelihood;
    private final int parameter;
    private final FitResult best;
    private double[] last;
    private boolean converged;

    /** An interval; a side that reaches the parameter's bound without crossing is that bound, flagged. */
    public record Interval(double best, double lower, double upper, boolean lowerAtBound, boolean upperAtBound) {
        public double halfWidth() {
            return (upper - lower) / 2;
        }
    }

    public ProfileScan(Likelihood likelihood, int parameter) {
        this(likelihood, parameter, likelihood.model().inits());
    }

    /** The best fit started from {@code start} (pseudo-experiments start at their truth, where fits land). */
    public ProfileScan(Likelihood likelihood, int parameter, double[] start) {
        this.likelihood = likelihood;
        this.parameter = parameter;
        this.best = Mle.fit(likelihood, start);
        this.converged = best.converged();
    }

    public FitResult best() {
        return best;
    }

    public boolean converged() {
        return converged;
    }

    public double deltaNll(double value) {
        FitResult fit = Mle.fixedParameterFit(likelihood, parameter, value, last == null ? best.values() : last);
        last = fit.values();
        converged &= fit.converged();
        return (fit.twiceNll() - best.twiceNll()) / 2;
    }

    public double[] scan(double[] values) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) out[i] = deltaNll(values[i]);
        return out;
    }

    /**
     * Where ΔNLL = level on each side of the best fit; {@code step} is a first guess of the distance (e.g. σ from the
     * Hessian).
     */
    public Interval interval(double level, double step) {
        Model m = likelihood.model();
        double x0 = best.values()[parameter];
        double lo = m.lowerBounds()[parameter], hi = m.upperBounds()[parameter];
        double[] upperSide = crossing(x0, hi, step, level);
        double[] lowerSide = crossing(x0, lo, -step, level);
        return new Interval(x0, lowerSide[0], upperSide[0], lowerSide[1] == 1, upperSide[1] == 1);
    }

    /** {crossing, 1 if the bound was reached first}. */
    private double[] crossing(double x0, double bound, double step, double level) {
        last = null;
        DoubleUnaryOperator f = x -> deltaNll(x) - level;
        double inner = x0;
        double outer = x0 + step;
        while ((step > 0 ? outer < bound : outer > bound) && f.applyAsDouble(outer) < 0) {
            inner = outer;
            step *= 2;
            outer = x0 + step;
        }
        if (step > 0 ? outer >= bound : outer <= bound) {
            outer = bound;
            if (f.applyAsDouble(bound) < 0) return new double[] {bound, 1};
        }
        BracketingNthOrderBrentSolver solver =
                new BracketingNthOrderBrentSolver(1e-9 * Math.abs(step), 1e-10, 1e-14, 5);
        return new double[] {solver.solve(200, f::applyAsDouble, Math.min(inner, outer), Math.max(inner, outer)), 0};
    }
}
