package org.infera.fit.binned;

import java.util.ArrayList;
import java.util.List;
import org.infera.core.analysis.Analysis;
import org.infera.core.data.TemplatesFile;
import org.infera.core.histfactory.TemplatesWorkspace;
import org.infera.core.histfactory.infer.AsymptoticCalculator;
import org.infera.core.histfactory.infer.FisherInformation;
import org.infera.core.histfactory.infer.Likelihood;
import org.infera.core.histfactory.infer.ProfileScan;
import org.infera.core.histfactory.infer.TestStatistic;
import org.infera.core.histfactory.infer.UpperLimit;
import org.infera.core.histfactory.model.Model;
import org.infera.core.histfactory.model.ModelBuilder;
import org.infera.core.histfactory.spec.Workspace;

/**
 * Evaluates one statistic's templates on every benchmark of the analysis through the HistFactory
 * engine, on the workspace {@link TemplatesWorkspace} makes: σ_Fisher and the profile interval on the
 * Asimov data at nominal values, the expected CLs limits on background-only Asimov data.
 */
final class BenchmarkEvaluation {
    private BenchmarkEvaluation() {}

    static List<BenchmarkResult> evaluate(
            String statistic,
            TemplatesFile templates,
            String source,
            Analysis analysis,
            int scanPoints,
            double scanRange,
            double clsMu) {
        double scale = TemplatesWorkspace.signalYield(templates);
        List<BenchmarkResult> results = new ArrayList<>();
        for (Analysis.Benchmark b : analysis.benchmarks()) {
            Workspace w = TemplatesWorkspace.of(templates, b, source);
            Model m = model(w, source);
            int poi = m.poi();
            double sigmaMu = FisherInformation.sigmaPoi(m, m.inits());
            ProfileScan scan = new ProfileScan(new Likelihood(m, ModelBuilder.observed(w, m)), poi);
            ProfileScan.Interval interval = scan.interval(0.5, sigmaMu);
            double[] mu = new double[scanPoints];
            double[] values = new double[scanPoints];
            for (int k = 0; k < scanPoints; k++) {
                mu[k] = interval.best() + scanRange * sigmaMu * (2.0 * k / (scanPoints - 1) - 1);
                values[k] = mu[k] * scale;
            }
            double[] deltaNll = scan.scan(mu);
            AsymptoticCalculator calc = backgroundOnly(m);
            double expectedCls = calc.hypotest(clsMu).cls();
            UpperLimit.Limits limits = UpperLimit.compute(calc, 0.05);
            double[] expected = new double[5];
            for (int i = 0; i < 5; i++) expected[i] = limits.expected()[i] * scale;
            boolean converged = scan.converged() && limits.converged();
            if (!converged)
                System.err.println("warning: " + source + ", benchmark " + b.id() + ": a fit did not converge");
            results.add(new BenchmarkResult(
                    statistic,
                    b.id(),
                    b.floating() == null ? List.of() : b.floating(),
                    sigmaMu * scale,
                    interval.halfWidth() * scale,
                    interval.lower() * scale,
                    interval.upper() * scale,
                    values,
                    deltaNll,
                    expected,
                    expectedCls,
                    w,
                    TemplatesWorkspace.pyhfExport(templates, b, w),
                    converged));
        }
        return results;
    }

    static Model model(Workspace w, String source) {
        return TemplatesWorkspace.model(w, source);
    }

    /** The calculator for expected limits: the Asimov data of the background-only hypothesis as the observations. */
    static AsymptoticCalculator backgroundOnly(Model m) {
        double[] theta = m.inits();
        theta[m.poi()] = 0;
        return new AsymptoticCalculator(m, m.expected(theta), TestStatistic.QTILDE);
    }
}
