package org.infera.core.histfactory.infer;

import org.infera.core.histfactory.model.Model;

/**
 * The expected (Fisher) information of a model at θ: the Hessian of −ln L on the Asimov data of θ,
 * evaluated at θ, which there equals Σ_b ∇ν_b∇ν_bᵀ/ν_b plus 1/σ² for Gaussian and τ/θ for Poisson
 * constraints (the terms with second derivatives of ν vanish because n = ν).
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
        double[][] cov = Linear.inverseOnFree(at(model, theta), model.fixed());
        return Math.sqrt(cov[model.poi()][model.poi()]);
    }
}
