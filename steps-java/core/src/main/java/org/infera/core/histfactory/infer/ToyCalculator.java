package org.infera.core.histfactory.infer;

import org.infera.core.histfactory.model.Dataset;
import org.infera.core.histfactory.model.Model;
import org.infera.core.histfactory.model.PseudoData;
import org.infera.core.random.Rng;

/**
 * Toy-based hypothesis tests as pyhf's ToyCalculator: pseudo-data (main and auxiliary measurements) from the
 * model at the conditional fit to the observed data at the tested μ (signal + background) and at μ = 0
 * (background only; μ = 1 for q₀), each toy fitted freely and at μ to give the same test statistic as the
 * observed data.
 *
 * <p>Toy i of a run draws from its own stream, seeded {@code Rng.derivedSeed(seed, i)} (and split into one
 * stream per hypothesis), so any range of toys can be computed alone and ranges merged give the run's toys
 * exactly. The same toy index gives the same background-only data at every μ of a grid (common random numbers:
 * the CLs curve of a limit scan is smooth in μ).
 */
public final class ToyCalculator {
    private final Model model;
    private final TestStatistic statistic;
    private final Likelihood observed;
    private final FitResult freeObserved;
    private boolean allConverged;
    /** Whether the last {@link #statistic} needed a conditional fit that did not converge. */
    private boolean conditionalFailed;

    public ToyCalculator(Model model, Dataset data, TestStatistic statistic) {
        this.model = model;
        this.statistic = statistic;
        this.observed = new Likelihood(model, data);
        this.freeObserved = Mle.fit(observed);
        this.allConverged = freeObserved.converged();
    }

    /** Whether the fits to the observed data converged (toy fits are counted in {@link ToyStatistics}). */
    public boolean converged() {
        return allConverged;
    }

    /** The test statistics of toys [firstToy, firstToy + count) of the run with this seed, at each μ. */
    public ToyStatistics toys(double[] poiValues, long seed, long firstToy, int count) {
        int nMu = poiValues.length;
        double[] observedStat = new double[nMu];
        double[][] sb = new double[nMu][count], b = new double[nMu][count];
        long[] failed = new long[nMu];
        double[] background = conditional(statistic.asimovMu(), freeObserved.values());
        PseudoData backgroundToys = new PseudoData(model, background);
        double[] previous = freeObserved.values();
        for (int j = 0; j < nMu; j++) {
            double mu = poiValues[j];
            double[] signal = conditional(mu, previous);
            previous = signal;
            observedStat[j] = statistic(observed, freeObserved, mu);
            allConverged &= !conditionalFailed;
            PseudoData signalToys = new PseudoData(model, signal);
            for (int i = 0; i < count; i++) {
                Rng rng = new Rng(Rng.derivedSeed(Rng.derivedSeed(seed, firstToy + i), 0));
                Likelihood l = new Likelihood(model, signalToys.sample(rng));
                FitResult free = Mle.fit(l, signal);
                sb[j][i] = statistic(l, free, mu);
                if (!free.converged() || conditionalFailed) failed[j]++;
            }
        }
        // the background-only toys do not depend on μ: one free fit each, then the conditional fits along the grid
        for (int i = 0; i < count; i++) {
            Rng rng = new Rng(Rng.derivedSeed(Rng.derivedSeed(seed, firstToy + i), 1));
            Likelihood l = new Likelihood(model, backgroundToys.sample(rng));
            FitResult free = Mle.fit(l, background);
            for (int j = 0; j < nMu; j++) {
                b[j][i] = statistic(l, free, poiValues[j]);
                if (!free.converged() || conditionalFailed) failed[j]++;
            }
        }
        return new ToyStatistics(statistic, seed, firstToy, poiValues.clone(), observedStat, sb, b, failed);
    }

    /** The parameters of the conditional fit to the observed data at μ: the truth of the toys at that hypothesis. */
    private double[] conditional(double mu, double[] start) {
        FitResult fit = Mle.fixedPoiFit(observed, mu, start);
        allConverged &= fit.converged();
        return fit.values();
    }

    /**
     * The test statistic at μ of the data of {@code l}, given its free fit; the conditional fit starts from the free
     * one and is skipped where the statistic vanishes anyway (μ̂ above μ for q̃ and q, below 0 for q₀).
     */
    private double statistic(Likelihood l, FitResult free, double mu) {
        conditionalFailed = false;
        double muHat = free.values()[model.poi()];
        if (statistic == TestStatistic.Q0 ? muHat < 0 : muHat > mu) return 0;
        FitResult cond = Mle.fixedPoiFit(l, mu, free.values());
        conditionalFailed = !cond.converged();
        return statistic.apply(cond.twiceNll() - free.twiceNll(), muHat, mu);
    }
}
