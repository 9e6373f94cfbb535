package org.infera.core.histfactory.infer;

import java.util.List;

/**
 * The outcome of a maximum-likelihood fit: the best-fit parameters, −2 ln L there, whether the fit
 * converged, the parameters that ended on a bound, and the Hessian of −ln L (free parameters; fixed
 * ones have zero rows) for uncertainties.
 */
public record FitResult(double[] values, double twiceNll, boolean converged, String message, int iterations,
                        List<Integer> atBound, double[][] hessian, boolean[] fixed) {

    /** Covariance from the inverse Hessian of −ln L over the free parameters (zero for fixed ones). */
    public double[][] covariance() {
        return Linear.inverseOnFree(hessian, fixed);
    }
}
