package org.infera.core.histfactory.infer;

import java.util.ArrayList;
import java.util.List;
import org.infera.core.histfactory.model.Model;

/**
 * Maximum-likelihood fits with bounds and fixed parameters: projected Newton's method with the
 * exact Hessian of the model, Levenberg damping where the Hessian is not positive definite, and a
 * backtracking line search. Parameters on a bound whose gradient pushes outward leave the Newton
 * system (the active set). Converges when the predicted decrease (the Newton decrement) is below
 * rounding of −ln L, so fitted −2 ln L are exact to ~1e-12, as test statistics need.
 */
public final class Mle {
    private static final int MAX_ITERATIONS = 200;

    private Mle() {}

    /** A fit of all free parameters from the model's suggested inits. */
    public static FitResult fit(Likelihood l) {
        return fit(l, null);
    }

    /** A fit of all free parameters from {@code start} (null: the model's inits; fixed parameters keep their inits). */
    public static FitResult fit(Likelihood l, double[] start) {
        Model m = l.model();
        double[] init = m.inits();
        boolean[] fixed = m.fixed();
        if (start != null) for (int i = 0; i < init.length; i++) if (!fixed[i]) init[i] = start[i];
        return minimize(l, init, m.lowerBounds(), m.upperBounds(), fixed);
    }

    /** A fit with the POI fixed at {@code poiValue}, starting from {@code start} (null: the model's inits). */
    public static FitResult fixedPoiFit(Likelihood l, double poiValue, double[] start) {
        return fixedParameterFit(l, l.model().poi(), poiValue, start);
    }

    /**
     * A fit with parameter {@code index} fixed at {@code value} (its bounds widened to hold it), from {@code start}
     * (null: the inits).
     */
    public static FitResult fixedParameterFit(Likelihood l, int index, double value, double[] start) {
        Model m = l.model();
        double[] init = start == null ? m.inits() : start.clone();
        init[index] = value;
        boolean[] fixed = m.fixed();
        fixed[index] = true;
        double[] lower = m.lowerBounds(), upper = m.upperBounds();
        lower[index] = Math.min(lower[index], value);
        upper[index] = Math.max(upper[index], value);
        return minimize(l, init, lower, upper, fixed);
    }

    public static FitResult minimize(Likelihood l, double[] init, double[] lower, double[] upper, boolean[] fixed) {
        int p = init.length;
        double[] x = new double[p];
        for (int i = 0; i < p; i++) x[i] = Math.min(upper[i], Math.max(lower[i], init[i]));
        double[] g = new double[p];
        double[][] h = new double[p][p];
        double f = l.nll(x, g, h);
        if (!Double.isFinite(f)) {
            // a warm start can sit where some ν ≤ 0 (say, after a large extrapolated shape shift): start
            // the free parameters from the model's suggested values instead
            double[] inits = l.model().inits();
            for (int i = 0; i < p; i++) if (!fixed[i]) x[i] = Math.min(upper[i], Math.max(lower[i], inits[i]));
            f = l.nll(x, g, h);
        }
        if (!Double.isFinite(f))
            return result(
                    l,
                    x,
                    false,
                    "the likelihood is not finite at the initial parameters",
                    0,
                    lower,
                    upper,
                    fixed,
                    g,
                    h);
        String message = "maximum iterations reached";
        boolean converged = false;
        int iteration = 0;
        for (; iteration < MAX_ITERATIONS; iteration++) {
            int[] free = inactive(x, g, lower, upper, fixed);
            if (free.length == 0) {
                converged = true;
                message = "every parameter fixed or on a bound";
                break;
            }
            double[] minusG = new double[free.length];
            for (int i = 0; i < free.length; i++) minusG[i] = -g[free[i]];
            double[] d = null;
            for (double lambda = 0; d == null && lambda < 1e12; lambda = lambda == 0 ? 1e-8 : lambda * 10) {
                d = Linear.solve(h, minusG, free, lambda);
            }
            if (d == null) {
                message = "the Hessian could not be regularised";
                break;
            }
            double decrement = 0;
            for (int i = 0; i < free.length; i++) decrement -= minusG[i] * d[i]; // gᵀd < 0
            double tolerance = 1e-12 + 1e-15 * Math.abs(f);
            if (-decrement < tolerance) {
                // one last full Newton step: quadratic convergence takes the parameters to rounding
                double[] xLast = x.clone();
                for (int i = 0; i < free.length; i++) {
                    int k = free[i];
                    xLast[k] = Math.min(upper[k], Math.max(lower[k], x[k] + d[i]));
                }
                if (l.nll(xLast) <= f + tolerance) x = xLast;
                converged = true;
                message = "converged";
                break;
            }
            double[] xNew = new double[p];
            double fNew = Double.NaN;
            boolean accepted = false;
            for (double t = 1; t > 1e-10; t *= 0.5) {
                System.arraycopy(x, 0, xNew, 0, p);
                double slope = 0;
                for (int i = 0; i < free.length; i++) {
                    int k = free[i];
                    xNew[k] = Math.min(upper[k], Math.max(lower[k], x[k] + t * d[i]));
                    slope += g[k] * (xNew[k] - x[k]);
                }
                fNew = l.nll(xNew);
                if (fNew <= f + 1e-4 * slope
                        || (Double.isFinite(fNew) && Math.abs(fNew - f) <= tolerance && slope <= 0)) {
                    accepted = true;
                    break;
                }
            }
            if (!accepted) {
                // no decrease along the Newton direction: at the minimum to rounding, or stuck
                double gradNorm = 0;
                for (int k : free) gradNorm = Math.max(gradNorm, Math.abs(g[k]));
                converged = gradNorm < 1e-6 * Math.max(1, Math.abs(f));
                message = converged ? "converged (no further decrease within rounding)" : "line search failed";
                break;
            }
            System.arraycopy(xNew, 0, x, 0, p);
            f = l.nll(x, g, h);
        }
        return result(l, x, converged, message, iteration, lower, upper, fixed, g, h);
    }

    private static FitResult result(
            Likelihood l,
            double[] x,
            boolean converged,
            String message,
            int iterations,
            double[] lower,
            double[] upper,
            boolean[] fixed,
            double[] g,
            double[][] h) {
        List<Integer> atBound = new ArrayList<>();
        for (int i = 0; i < x.length; i++) {
            if (!fixed[i] && (x[i] <= lower[i] || x[i] >= upper[i])) atBound.add(i);
        }
        return new FitResult(x, l.twiceNll(x), converged, message, iterations, atBound, fixed.clone(), l);
    }

    /** Free parameters not held on a bound by a gradient pointing outward. */
    private static int[] inactive(double[] x, double[] g, double[] lower, double[] upper, boolean[] fixed) {
        int[] idx = new int[x.length];
        int n = 0;
        for (int i = 0; i < x.length; i++) {
            if (fixed[i]) continue;
            if (x[i] <= lower[i] && g[i] > 0) continue;
            if (x[i] >= upper[i] && g[i] < 0) continue;
            idx[n++] = i;
        }
        return java.util.Arrays.copyOf(idx, n);
    }
}
