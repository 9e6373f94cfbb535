package org.infera.fit.diagnostics;

import org.hipparchus.special.Gamma;
import org.infera.core.histfactory.model.Dataset;
import org.infera.core.histfactory.model.Model;
import org.infera.core.histfactory.model.ParameterSet;
import org.infera.core.histfactory.model.PoissonTerm;

/**
 * Goodness of fit against the saturated model (Baker &amp; Cousins): q = 2[NLL(θ̂) − NLL_saturated], where the
 * saturated model has ν_b = n_b in every main bin and every constraint term at its maximum (Gaussian θ = aux,
 * Poisson θτ = aux). So q = 2Σ_b [ν̂_b − n_b + n_b ln(n_b/ν̂_b)] + Σ_Gaussian ((aux − θ̂)/σ)² + 2Σ_Poisson
 * [θ̂τ − aux + aux ln(aux/θ̂τ)]. Degrees of freedom: the measurements (main bins and auxiliary measurements)
 * less the free parameters, that is bins − (free unconstrained parameters) when every constrained parameter
 * floats, as a constrained nuisance brings one measurement and one parameter. p is the asymptotic χ²(ndof)
 * survival probability Q(ndof/2, q/2) (Wilks; for small counts only approximate).
 */
public record GoodnessOfFit(double q, int bins, int auxiliary, int freeParameters, int ndof, double pValue) {
    public static GoodnessOfFit of(PostFit fit) {
        Model m = fit.model();
        Dataset data = fit.data();
        double[] theta = fit.best().values();
        double[] nu = m.expectedMain(theta);
        double half = 0;
        for (int b = 0; b < nu.length; b++) half += PoissonTerm.overSaturated(nu[b], data.main()[b]);
        int auxiliary = 0;
        for (int i = 0; i < theta.length; i++) {
            int k = m.constraintIndex(i);
            if (k < 0) continue;
            auxiliary++;
            double aux = data.aux()[k];
            if (fit.modelConstraint(i) == ParameterSet.Constraint.GAUSSIAN) {
                double z = (aux - theta[i]) / fit.modelScale(i);
                half += 0.5 * z * z;
            } else {
                half += PoissonTerm.overSaturated(theta[i] * fit.modelScale(i), aux);
            }
        }
        int free = 0;
        for (int i = 0; i < theta.length; i++) if (!fit.fixed(i)) free++;
        int ndof = nu.length + auxiliary - free;
        double q = 2 * half;
        double p = ndof > 0 ? Gamma.regularizedGammaQ(ndof / 2.0, q / 2) : Double.NaN;
        return new GoodnessOfFit(q, nu.length, auxiliary, free, ndof, p);
    }
}
