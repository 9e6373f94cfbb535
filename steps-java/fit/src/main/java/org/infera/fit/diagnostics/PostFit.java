package org.infera.fit.diagnostics;

import java.util.List;
import org.infera.core.histfactory.TemplatesWorkspace;
import org.infera.core.histfactory.infer.FitResult;
import org.infera.core.histfactory.infer.Likelihood;
import org.infera.core.histfactory.infer.Mle;
import org.infera.core.histfactory.model.Dataset;
import org.infera.core.histfactory.model.Model;
import org.infera.core.histfactory.model.ParameterSet;

/**
 * The best fit of a model to one data set and what every diagnostic reads from it: the covariance of the free
 * parameters (the inverse of the exact Hessian of −ln L at the best fit, {@link FitResult#covariance}), and for
 * each constrained parameter the centre θ₀ and width σ_prefit of its constraint as the data's auxiliary
 * measurement gives them: Gaussian Normal(aux | θ, σ): θ₀ = aux, σ_prefit = σ; Poisson(aux | θτ) (shapesys,
 * Barlow–Beeston γ): θ₀ = aux/τ, σ_prefit = 1/√τ.
 */
public final class PostFit {
    private final Model model;
    private final Dataset data;
    private final Likelihood likelihood;
    private final FitResult best;
    private final double[][] covariance;

    private PostFit(Model model, Dataset data) {
        this.model = model;
        this.data = data;
        this.likelihood = new Likelihood(model, data);
        this.best = Mle.fit(likelihood);
        this.covariance = best.covariance();
    }

    public static PostFit of(Model model, Dataset data) {
        return new PostFit(model, data);
    }

    public Model model() {
        return model;
    }

    public Dataset data() {
        return data;
    }

    public Likelihood likelihood() {
        return likelihood;
    }

    public FitResult best() {
        return best;
    }

    public double[][] covariance() {
        return covariance;
    }

    public List<String> names() {
        return model.parameterNames();
    }

    public boolean fixed(int i) {
        return best.fixed()[i];
    }

    /** σ_postfit of parameter i: sqrt(C_ii); 0 for a fixed parameter. */
    public double error(int i) {
        return Math.sqrt(covariance[i][i]);
    }

    /** The correlation of two parameters; 1 on the diagonal, 0 with a fixed parameter. */
    public double correlation(int i, int j) {
        if (i == j) return 1;
        if (fixed(i) || fixed(j)) return 0;
        return covariance[i][j] / Math.sqrt(covariance[i][i] * covariance[j][j]);
    }

    /**
     * The constraint of parameter i: NONE where it has no constraint term, and where its Gaussian is the stand-in
     * for a floating unconstrained nuisance (width {@link TemplatesWorkspace#UNCONSTRAINED_SIGMA} or more: pyhf has
     * no unconstrained histosys), whose pre-fit width says nothing and would be fixed at ±10⁴ by pre-fit impacts.
     */
    public ParameterSet.Constraint constraint(int i) {
        if (model.constraintIndex(i) < 0) return ParameterSet.Constraint.NONE;
        ParameterSet s = set(i);
        if (s.constraint() == ParameterSet.Constraint.GAUSSIAN
                && s.scale(i - s.offset()) >= TemplatesWorkspace.UNCONSTRAINED_SIGMA)
            return ParameterSet.Constraint.NONE;
        return s.constraint();
    }

    /** θ₀ of parameter i's constraint (NaN where it has none). */
    public double prefitCentre(int i) {
        int k = model.constraintIndex(i);
        if (constraint(i) == ParameterSet.Constraint.NONE) return Double.NaN;
        double aux = data.aux()[k];
        return constraint(i) == ParameterSet.Constraint.POISSON ? aux / constraintScale(i) : aux;
    }

    /** σ of parameter i's Gaussian constraint or τ of its Poisson one (NaN where it has none). */
    public double constraintScale(int i) {
        if (constraint(i) == ParameterSet.Constraint.NONE) return Double.NaN;
        ParameterSet s = set(i);
        return s.scale(i - s.offset());
    }

    /** σ_prefit of parameter i's constraint (NaN where it has none). */
    public double prefitSigma(int i) {
        double scale = constraintScale(i);
        return constraint(i) == ParameterSet.Constraint.POISSON ? 1 / Math.sqrt(scale) : scale;
    }

    /** The model's own constraint term of parameter i (a stand-in width included): what the likelihood holds. */
    ParameterSet.Constraint modelConstraint(int i) {
        return model.constraintIndex(i) < 0 ? ParameterSet.Constraint.NONE : set(i).constraint();
    }

    /** σ or τ of the model's own constraint term of parameter i. */
    double modelScale(int i) {
        ParameterSet s = set(i);
        return s.scale(i - s.offset());
    }

    /** The free parameters other than the POI: the nuisances of pulls and impacts, in parameter order. */
    public int[] nuisances() {
        return java.util.stream.IntStream.range(0, model.parameters())
                .filter(i -> i != model.poi() && !fixed(i))
                .toArray();
    }

    private ParameterSet set(int i) {
        for (ParameterSet s : model.parameterSets()) if (i >= s.offset() && i < s.offset() + s.size()) return s;
        throw new IllegalArgumentException("no parameter " + i);
    }
}
