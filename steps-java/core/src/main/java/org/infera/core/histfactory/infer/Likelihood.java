package org.infera.core.histfactory.infer;

import org.infera.core.histfactory.model.Dataset;
import org.infera.core.histfactory.model.Model;

/** A model's likelihood for one data set, counting its evaluations (values, and value + derivatives). */
public final class Likelihood {
    private final Model model;
    private final Dataset data;
    private final double constant;
    private long values;
    private long derivatives;

    public Likelihood(Model model, Dataset data) {
        this.model = model;
        this.data = data;
        this.constant = model.constantTerm(data);
    }

    public Model model() {
        return model;
    }

    public Dataset data() {
        return data;
    }

    /** −2 ln L(θ), normalised like pyhf's −2·logpdf. */
    public double twiceNll(double[] theta) {
        return 2 * (nll(theta) + constant);
    }

    /** −ln L(θ) less a constant (what the minimiser needs). */
    public double nll(double[] theta) {
        values++;
        return model.nll(theta, data, null, null);
    }

    public double nll(double[] theta, double[] grad, double[][] hess) {
        derivatives++;
        return model.nll(theta, data, grad, hess);
    }

    public double constant() {
        return constant;
    }

    public long valueEvaluations() {
        return values;
    }

    public long derivativeEvaluations() {
        return derivatives;
    }
}
