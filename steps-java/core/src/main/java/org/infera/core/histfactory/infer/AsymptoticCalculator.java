package org.infera.core.histfactory.infer;

import org.hipparchus.special.Erf;
import org.infera.core.histfactory.model.Dataset;
import org.infera.core.histfactory.model.Model;

/**
 * Asymptotic hypothesis tests as pyhf computes them: the Asimov data set is the expected data of
 * the conditional fit to the observed data at μ = 0 (μ = 1 for q₀), auxiliary data included;
 * √q_μ,A sets the distributions (arXiv:1007.1727, eqs. 65–66).
 *
 * <p>The unconditional fits to the observed and Asimov data do not depend on the tested μ, so they
 * are done once; conditional fits start from the previous one, which makes scans and limits cheap.
 */
public final class AsymptoticCalculator {
    /** n of the expected band, in pyhf's order (the most excluding CLs first). */
    static final double[] BAND = {2, 1, 0, -1, -2};

    private final Model model;
    private final TestStatistic statistic;
    private final Likelihood observed;
    private final FitResult freeObserved;
    private final Likelihood asimov;
    private final FitResult freeAsimov;
    private double[] lastObserved;
    private double[] lastAsimov;
    private boolean allConverged;

    public AsymptoticCalculator(Model model, Dataset data, TestStatistic statistic) {
        this.model = model;
        this.statistic = statistic;
        this.observed = new Likelihood(model, data);
        this.freeObserved = Mle.fit(observed);
        // warm starts: the conditional fit from the free one, and the Asimov data's own fit from the
        // parameters that generated them (its solution, unless a bound intervenes)
        FitResult asimovFit = Mle.fixedPoiFit(observed, statistic.asimovMu(), freeObserved.values());
        this.asimov = new Likelihood(model, model.expected(asimovFit.values()));
        this.freeAsimov = Mle.fit(asimov, asimovFit.values());
        this.allConverged = freeObserved.converged() && asimovFit.converged() && freeAsimov.converged();
    }

    public Model model() {
        return model;
    }

    public FitResult freeFit() {
        return freeObserved;
    }

    public Dataset asimovData() {
        return asimov.data();
    }

    /** Whether every fit so far converged. */
    public boolean converged() {
        return allConverged;
    }

    /** Likelihood evaluations so far: values and value + derivatives. */
    public long[] evaluations() {
        return new long[] {
            observed.valueEvaluations() + asimov.valueEvaluations(),
            observed.derivativeEvaluations() + asimov.derivativeEvaluations()
        };
    }

    public Hypotest hypotest(double mu) {
        double q = observedStatistic(mu);
        double qA = asimovStatistic(mu);
        double sqrtQ = Math.sqrt(q), sqrtQA = Math.sqrt(qA);
        double t;
        if (statistic == TestStatistic.QTILDE && sqrtQ >= sqrtQA && sqrtQA > 0) t = (q - qA) / (2 * sqrtQA);
        else t = sqrtQ - sqrtQA;
        double clsb = upperTail(t + sqrtQA);
        double clb = upperTail(t);
        double[] expected = new double[BAND.length];
        for (int i = 0; i < BAND.length; i++) {
            double sb = upperTail(BAND[i] + sqrtQA);
            expected[i] = statistic == TestStatistic.Q0 ? sb : sb / upperTail(BAND[i]);
        }
        return new Hypotest(statistic, mu, q, qA, clsb, clb, clsb / clb, expected, allConverged);
    }

    /** q at μ for the observed data. */
    public double observedStatistic(double mu) {
        FitResult cond = Mle.fixedPoiFit(observed, mu, lastObserved == null ? freeObserved.values() : lastObserved);
        lastObserved = cond.values();
        allConverged &= cond.converged();
        return statistic.apply(
                cond.twiceNll() - freeObserved.twiceNll(), freeObserved.values()[model.poi()], mu);
    }

    /** q at μ for the Asimov data. */
    public double asimovStatistic(double mu) {
        FitResult cond = Mle.fixedPoiFit(asimov, mu, lastAsimov == null ? freeAsimov.values() : lastAsimov);
        lastAsimov = cond.values();
        allConverged &= cond.converged();
        return statistic.apply(
                cond.twiceNll() - freeAsimov.twiceNll(), freeAsimov.values()[model.poi()], mu);
    }

    /** 1 − Φ(x), accurate in the tail. */
    static double upperTail(double x) {
        return 0.5 * Erf.erfc(x / Math.sqrt(2));
    }
}
