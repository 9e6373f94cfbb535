package org.infera.core.histfactory.infer;

import org.infera.core.histfactory.model.Model;

/**
 * The expected (Fisher) information of a model at θ: the Hessian of −ln L on the Asimov data of θ,
 * evaluated at θ, which there equals Σ_b ∇ν_b∇ν_bᵀ/ν_b plus 1/σ² for Gaussian and τ/θ for Poisson
 * constraints (the terms with second derivatives of ν vanish because n = ν).
 *
 * <p>Also the project's one way from an information matrix to a σ ({@link #sigma}): the binned fits,
 * the analytic rows of the benchmark table and {@code infera-fit fisher} all call it, so the same
 * matrix always gives the same σ to the last bit.
 */
public final class FisherInformation {
    private FisherInformation() {}

    public static double[][] at(Model model, double[] theta) {
        int p = model.parameters();
        double[] g = new double[p];
        double[][] h = new double[p][p];
        model.nll(theta, model.expected(theta), g, h);
        return h;
    }

    /** σ of the POI at θ with the model's free parameters profiled: sqrt((I⁻¹)_poi,poi). */
    public static double sigmaPoi(Model model, double[] theta) {
        return sigma(at(model, theta), model.poi(), model.fixed());
    }

    /**
     * The Cramér–Rao σ of parameter {@code target}, sqrt((I⁻¹)_tt), with every parameter not
     * {@code fixed} profiled (the inverse taken on those alone, by Cholesky); NaN where that part
     * of the matrix is not positive definite (some direction is not measured).
     */
    public static double sigma(double[][] info, int target, boolean[] fixed) {
        return Math.sqrt(Linear.inverseOnFree(info, fixed)[target][target]);
    }
}
