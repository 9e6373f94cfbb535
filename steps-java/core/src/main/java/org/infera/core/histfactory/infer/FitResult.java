package org.infera.core.histfactory.infer;

import java.util.List;

/**
 * The outcome of a maximum-likelihood fit: the best-fit parameters, −2 ln L there, whether the fit
 * converged (and why it stopped), and the parameters that ended on a bound.
 */
public record FitResult(
        double[] values,
        double twiceNll,
        boolean converged,
        String message,
        int iterations,
        List<Integer> atBound,
        boolean[] fixed,
        Likelihood likelihood) {

    /** The Hessian of −ln L at the best fit. */
    public double[][] hessian() {
        int p = values.length;
        double[][] h = new double[p][p];
        likelihood.nll(values, new double[p], h);
        return h;
    }

    /** Covariance from the inverse Hessian of −ln L over the free parameters (zero rows for fixed ones). */
    public double[][] covariance() {
        return Linear.inverseOnFree(hessian(), fixed);
    }
}
