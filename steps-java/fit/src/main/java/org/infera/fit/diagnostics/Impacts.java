package org.infera.fit.diagnostics;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.infera.core.histfactory.infer.FitResult;
import org.infera.core.histfactory.infer.Likelihood;
import org.infera.core.histfactory.infer.Mle;

/**
 * Impacts on the POI, as cabinetry and Combine define them: for each nuisance θ_i, the shift of the fitted POI
 * when θ_i is fixed at θ̂_i ± σ_postfit (post-fit impact) and at θ̂_i ± σ_prefit (pre-fit impact; constrained
 * nuisances only), every other free parameter refitted from the best fit. A fixed value beyond the parameter's
 * bounds is moved onto the bound (a γ cannot go below 0). Each nuisance's impacts depend on nothing but the best
 * fit, so any subset computed anywhere gives the same numbers as the whole: shards merge exactly.
 */
public final class Impacts {
    /** One nuisance: its pull, and the POI shifts (NaN where not defined); converged: all four refits did. */
    public record Row(
            String name,
            String constraint,
            double value,
            double error,
            double pull,
            double constraintRatio,
            double postfitUp,
            double postfitDown,
            double prefitUp,
            double prefitDown,
            boolean converged) {
        /** What the ranking sorts by: the larger |post-fit impact|. */
        public double rank() {
            return Math.max(Math.abs(postfitUp), Math.abs(postfitDown));
        }
    }

    private Impacts() {}

    /** The impacts of the nuisances {@code indices} (parameter indices), on {@code threads} threads, in order. */
    public static List<Row> of(PostFit fit, int[] indices, int threads) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(threads, indices.length)));
        try {
            List<Future<Row>> futures = new ArrayList<>();
            for (int i : indices) futures.add(pool.submit(() -> row(fit, i)));
            List<Row> rows = new ArrayList<>();
            for (Future<Row> f : futures) rows.add(f.get());
            return rows;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    static Row row(PostFit fit, int i) {
        Likelihood l = new Likelihood(fit.model(), fit.data()); // one per task: its counters are not shared
        Pulls.Row pull = Pulls.row(fit, i);
        boolean[] converged = {true};
        double post = fit.error(i), pre = fit.prefitSigma(i);
        double value = pull.value();
        double postUp = shift(fit, l, i, value + post, converged);
        double postDown = shift(fit, l, i, value - post, converged);
        double preUp = Double.isNaN(pre) ? Double.NaN : shift(fit, l, i, value + pre, converged);
        double preDown = Double.isNaN(pre) ? Double.NaN : shift(fit, l, i, value - pre, converged);
        return new Row(
                pull.name(),
                pull.constraint(),
                value,
                post,
                pull.pull(),
                pull.constraintRatio(),
                postUp,
                postDown,
                preUp,
                preDown,
                converged[0]);
    }

    /** μ̂(θ_i = v) − μ̂, warm-started from the best fit. */
    private static double shift(PostFit fit, Likelihood l, int i, double v, boolean[] converged) {
        if (!Double.isFinite(v)) return Double.NaN;
        double lo = fit.model().lowerBounds()[i], hi = fit.model().upperBounds()[i];
        double fixedAt = Math.min(hi, Math.max(lo, v));
        FitResult r = Mle.fixedParameterFit(l, i, fixedAt, fit.best().values());
        converged[0] &= r.converged();
        int poi = fit.model().poi();
        return r.values()[poi] - fit.best().values()[poi];
    }
}
