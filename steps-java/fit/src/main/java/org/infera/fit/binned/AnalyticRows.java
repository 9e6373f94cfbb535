package org.infera.fit.binned;

import java.util.ArrayList;
import java.util.List;
import org.infera.core.analysis.Analysis;
import org.infera.core.cli.Checks;
import org.infera.core.cli.InputException;
import org.infera.core.histfactory.infer.FisherInformation;
import org.infera.core.physics.AnalyticFisher;
import org.infera.core.physics.InfernoPaperProblem;
import org.infera.core.stats.BenchmarkConstraints;
import org.infera.core.stats.Constraints;

/**
 * The "analytic" rows: the best any summary statistic can do, σ_s from the expected Fisher
 * information of the unbinned likelihood of the true densities, constraints as in each benchmark.
 * There is no binned likelihood to scan, so the profile width is left empty (NaN).
 */
final class AnalyticRows {
    static final String STATISTIC = "analytic";

    private AnalyticRows() {}

    static List<ReplicaSummary> evaluate(String model, int events, long seed, Analysis analysis, String source) {
        if (!InfernoPaperProblem.NAME.equals(model)) {
            throw new InputException("--analytic: no analytic likelihood for model '" + model + "' (built in: "
                    + InfernoPaperProblem.NAME + ")");
        }
        Checks.positive("--analytic-events", events);
        double[][] info = AnalyticFisher.infernoPaper(events, seed);
        List<ReplicaSummary> rows = new ArrayList<>();
        for (Analysis.Benchmark b : analysis.benchmarks()) {
            Constraints c = BenchmarkConstraints.of(b, AnalyticFisher.PARAMETERS, source);
            double sigma = FisherInformation.sigma(c.addedTo(info), 0, c.fixedFor(0));
            List<String> floating = b.floating() == null ? List.of() : b.floating();
            BenchmarkResult r = new BenchmarkResult(
                    STATISTIC,
                    b.id(),
                    floating,
                    sigma,
                    Double.NaN,
                    Double.NaN,
                    Double.NaN,
                    new double[0],
                    new double[0],
                    null,
                    Double.NaN,
                    null,
                    null,
                    true);
            rows.add(new ReplicaSummary(STATISTIC, b.id(), List.of(r)));
        }
        return rows;
    }
}
