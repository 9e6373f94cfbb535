package org.infera.fit;

import java.util.ArrayList;
import java.util.List;
import org.infera.core.analysis.Analysis;
import org.infera.core.data.TemplatesFile;
import org.infera.core.stats.BenchmarkConstraints;
import org.infera.core.stats.BinnedModel;
import org.infera.core.stats.Constraints;
import org.infera.core.stats.FisherInformation;
import org.infera.core.stats.ProfileLikelihood;

/** Evaluates one statistic's templates on every benchmark of the analysis. */
final class BenchmarkEvaluation {
    private BenchmarkEvaluation() {}

    static List<BenchmarkResult> evaluate(String statistic, TemplatesFile templates, String source, Analysis analysis,
                                          int scanPoints, double scanRange) {
        BinnedModel model = new BinnedModel(templates);
        int poi = model.poi();
        List<BenchmarkResult> results = new ArrayList<>();
        for (Analysis.Benchmark b : analysis.benchmarks()) {
            Constraints c = BenchmarkConstraints.of(b, model, source);
            double[][] info = FisherInformation.asimov(model, model.nominal(), c);
            double sigma = FisherInformation.sigma(info, poi, c.floating());
            ProfileLikelihood likelihood = ProfileLikelihood.asimov(model, c);
            ProfileLikelihood.Interval interval = likelihood.interval(poi, 0.5, sigma);
            double[] values = new double[scanPoints];
            for (int k = 0; k < scanPoints; k++) {
                values[k] = interval.best() + scanRange * sigma * (2.0 * k / (scanPoints - 1) - 1);
            }
            double[] deltaNll = likelihood.scan(poi, values);
            results.add(new BenchmarkResult(statistic, b.id(), b.floating() == null ? List.of() : b.floating(), sigma,
                    interval.halfWidth(), interval.lower(), interval.upper(), values, deltaNll));
        }
        return results;
    }
}
