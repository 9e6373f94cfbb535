package org.infera.core.histfactory.model;

import org.infera.core.random.Rng;

/**
 * Pseudo-data (toys) from a model at fixed parameters, as pyhf's toy calculator samples its
 * {@code model.make_pdf(pars)}: every main bin Poisson(ν_b(θ)), and every auxiliary measurement from its
 * constraint around the truth — Normal(θ, σ) for Gaussian constraints, Poisson(θτ) for Poisson ones.
 * The draws come in a fixed order (main bins, then constraints in the model's order), so one seed
 * gives one pseudo-data set on every machine.
 */
public final class PseudoData {
    private final Model model;
    private final double[] expectedMain;
    private final double[] auxMean;

    /** A sampler of the model at θ (the expected counts are computed once). */
    public PseudoData(Model model, double[] theta) {
        this.model = model;
        Dataset expected = model.expected(theta);
        for (int b = 0; b < expected.main().length; b++) {
            double nu = expected.main()[b];
            if (!(nu >= 0) || Double.isInfinite(nu)) {
                throw new IllegalArgumentException("expected count " + nu + " in bin " + b + " cannot be sampled");
            }
        }
        this.expectedMain = expected.main();
        this.auxMean = expected.aux();
    }

    public Dataset sample(Rng rng) {
        double[] main = new double[expectedMain.length];
        for (int b = 0; b < main.length; b++) main[b] = rng.poisson(expectedMain[b]);
        return new Dataset(main, auxiliary(rng));
    }

    /**
     * The auxiliary measurements alone, drawn as {@link #sample} draws them: for main counts that come from
     * elsewhere (events simulated at the same truth).
     */
    public double[] auxiliary(Rng rng) {
        double[] aux = new double[auxMean.length];
        for (int k = 0; k < aux.length; k++) {
            aux[k] = model.constraintType[k] == ParameterSet.Constraint.POISSON
                    ? rng.poisson(auxMean[k])
                    : auxMean[k] + model.constraintScale[k] * rng.gaussian();
        }
        return aux;
    }
}
