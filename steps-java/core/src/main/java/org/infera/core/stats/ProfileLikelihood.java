package org.infera.core.stats;

import org.hipparchus.analysis.solvers.BrentSolver;
import org.hipparchus.exception.MathIllegalArgumentException;
import org.hipparchus.linear.CholeskyDecomposition;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.linear.RealVector;

/**
 * The binned Poisson negative log-likelihood of a {@link BinnedModel} for observed counts n, with
 * Gaussian constraints centred on the nominal values:
 * NLL(θ) = Σ_i (ν_i − n_i ln ν_i) + Σ_a (θ_a − θ0_a)² / (2 σ_a²), constant terms dropped.
 * Minimised by Newton's method with the analytic gradient and Hessian; profiles and intervals of one
 * parameter with the other floating parameters minimised at each point.
 */
public final class ProfileLikelihood {
    private static final int MAX_ITERATIONS = 200;

    private final BinnedModel model;
    private final double[] counts;
    private final Constraints constraints;
    private final double[] centre;

    public ProfileLikelihood(BinnedModel model, double[] counts, Constraints constraints) {
        this.model = model;
        this.counts = counts.clone();
        this.constraints = constraints;
        this.centre = model.nominal();
    }

    /** The Asimov data set: the expected counts at the nominal parameter values. */
    public static ProfileLikelihood asimov(BinnedModel model, Constraints constraints) {
        return new ProfileLikelihood(model, model.expected(model.nominal()), constraints);
    }

    public double nll(double[] theta) {
        double[] nu = model.expected(theta);
        double s = 0;
        for (int i = 0; i < nu.length; i++) {
            if (!(nu[i] > 0)) return Double.POSITIVE_INFINITY;
            s += nu[i] - counts[i] * Math.log(nu[i]);
        }
        for (int a = 0; a < theta.length; a++) {
            if (constraints.constrained(a)) {
                double z = (theta[a] - centre[a]) / constraints.width()[a];
                s += z * z / 2;
            }
        }
        return s;
    }

    public double[] gradient(double[] theta) {
        double[] nu = model.expected(theta);
        double[][] d = model.jacobian(theta);
        double[] g = new double[theta.length];
        for (int a = 0; a < theta.length; a++) {
            for (int i = 0; i < nu.length; i++) g[a] += (1 - counts[i] / nu[i]) * d[a][i];
            if (constraints.constrained(a)) g[a] += (theta[a] - centre[a]) / (constraints.width()[a] * constraints.width()[a]);
        }
        return g;
    }

    public double[][] hessian(double[] theta) {
        double[] nu = model.expected(theta);
        double[][] d = model.jacobian(theta);
        int n = theta.length;
        double[][] h = new double[n][n];
        for (int i = 0; i < nu.length; i++) {
            double[][] second = model.hessianOfBin(theta, i);
            double w1 = counts[i] / (nu[i] * nu[i]);
            double w2 = 1 - counts[i] / nu[i];
            for (int a = 0; a < n; a++) {
                for (int b = 0; b < n; b++) h[a][b] += w1 * d[a][i] * d[b][i] + w2 * second[a][b];
            }
        }
        for (int a = 0; a < n; a++) {
            if (constraints.constrained(a)) h[a][a] += 1 / (constraints.width()[a] * constraints.width()[a]);
        }
        return h;
    }

    /**
     * Minimises the NLL over the parameters marked free, from {@code start}; returns the minimum
     * point. Newton steps with Levenberg damping where the Hessian is not positive definite and a
     * backtracking line search that keeps every ν_i positive.
     */
    public double[] minimize(double[] start, boolean[] free) {
        int[] idx = java.util.stream.IntStream.range(0, start.length).filter(a -> free[a]).toArray();
        double[] theta = start.clone();
        if (idx.length == 0) return theta;
        double f = nll(theta);
        if (!Double.isFinite(f)) throw new IllegalArgumentException("the starting point has a non-positive expected count");
        for (int iter = 0; iter < MAX_ITERATIONS; iter++) {
            double[] gFull = gradient(theta);
            double[][] hFull = hessian(theta);
            RealVector g = MatrixUtils.createRealVector(pick(gFull, idx));
            RealMatrix h = MatrixUtils.createRealMatrix(hFull).getSubMatrix(idx, idx);
            RealVector step = newtonStep(h, g);
            double decrease = g.dotProduct(step);
            if (-decrease < 1e-13) break;  // the NLL is within ~1e-13 of its minimum
            double t = 1;
            double[] trial = theta.clone();
            double fTrial;
            while (true) {
                for (int k = 0; k < idx.length; k++) trial[idx[k]] = theta[idx[k]] + t * step.getEntry(k);
                fTrial = nll(trial);
                if (fTrial <= f + 1e-4 * t * decrease) break;
                t /= 2;
                if (t < 1e-12) return theta;
            }
            theta = trial.clone();
            double previous = f;
            f = fTrial;
            if (previous - f < 1e-15 * Math.max(1, Math.abs(f)) && t == 1) break;
        }
        return theta;
    }

    private static RealVector newtonStep(RealMatrix h, RealVector g) {
        double damping = 0;
        double scale = 0;
        for (int a = 0; a < h.getRowDimension(); a++) scale = Math.max(scale, Math.abs(h.getEntry(a, a)));
        for (int attempt = 0; attempt < 60; attempt++) {
            RealMatrix damped = h.copy();
            for (int a = 0; a < h.getRowDimension(); a++) damped.addToEntry(a, a, damping);
            try {
                return new CholeskyDecomposition(damped, 1e-12, 1e-14).getSolver().solve(g).mapMultiply(-1);
            } catch (MathIllegalArgumentException notPositiveDefinite) {
                damping = damping == 0 ? 1e-8 * Math.max(scale, 1e-12) : damping * 10;
            }
        }
        return g.mapMultiply(-1 / Math.max(scale, 1e-12));
    }

    private static double[] pick(double[] v, int[] idx) {
        double[] out = new double[idx.length];
        for (int k = 0; k < idx.length; k++) out[k] = v[idx[k]];
        return out;
    }

    /** The result of profiling: the best-fit point with the parameter fixed, and its NLL. */
    public record Profile(double[] theta, double nll) {}

    /** Minimum of the NLL with parameter {@code a} fixed at {@code value}, the floating ones profiled. */
    public Profile profile(int a, double value, double[] start) {
        boolean[] free = constraints.floating().clone();
        free[a] = false;
        double[] s = start.clone();
        s[a] = value;
        double[] best = minimize(s, free);
        return new Profile(best, nll(best));
    }

    /** The global minimum: the parameter of interest and all floating parameters free. */
    public Profile globalMinimum(int poi) {
        boolean[] free = constraints.floating().clone();
        free[poi] = true;
        double[] best = minimize(centre, free);
        return new Profile(best, nll(best));
    }

    /** A profile-likelihood interval: the ΔNLL = level crossings on either side of the minimum. */
    public record Interval(double best, double lower, double upper) {
        public double halfWidth() {
            return (upper - lower) / 2;
        }
    }

    /** The interval of parameter {@code a} where ΔNLL ≤ level (0.5 for 68.3% CL), from a step-size guess. */
    public Interval interval(int a, double level, double guess) {
        Profile min = globalMinimum(a);
        double best = min.theta()[a];
        double upper = crossing(a, best, guess, level, min);
        double lower = crossing(a, best, -guess, level, min);
        return new Interval(best, lower, upper);
    }

    private double crossing(int a, double best, double step, double level, Profile min) {
        double[] warm = min.theta();
        java.util.function.DoubleUnaryOperator excess = v -> profile(a, v, warm).nll() - min.nll() - level;
        double far = best + step;
        for (int expand = 0; excess.applyAsDouble(far) < 0; expand++) {
            if (expand > 20) throw new IllegalStateException("no ΔNLL = " + level + " crossing of " + model.name(a) + " found");
            far = best + (far - best) * 2;
        }
        BrentSolver solver = new BrentSolver(1e-10, 1e-9 * Math.abs(step));
        double lo = Math.min(best, far), hi = Math.max(best, far);
        return solver.solve(500, excess::applyAsDouble, lo, hi);
    }

    /** ΔNLL of the profile at each value of parameter a. */
    public double[] scan(int a, double[] values) {
        Profile min = globalMinimum(a);
        double[] out = new double[values.length];
        for (int k = 0; k < values.length; k++) out[k] = profile(a, values[k], min.theta()).nll() - min.nll();
        return out;
    }
}
