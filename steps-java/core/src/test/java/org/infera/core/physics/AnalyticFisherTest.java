package org.infera.core.physics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.infera.core.analysis.Analysis;
import org.infera.core.analysis.AnalysisTest;
import org.infera.core.histfactory.infer.FisherInformation;
import org.infera.core.stats.BenchmarkConstraints;
import org.infera.core.stats.Constraints;
import org.junit.jupiter.api.Test;

class AnalyticFisherTest {
    /** INFERNO paper, Table 2, "analytical likelihood" row. */
    static final double[] PAPER = {14.71, 15.52, 15.65, 15.62, 16.89};

    @Test
    void reproducesThePapersAnalyticLimitToOnePercent() {
        Analysis analysis = Analysis.read(AnalysisTest.paperDefinition());
        double[][] info = AnalyticFisher.infernoPaper(400_000, 1);
        for (Analysis.Benchmark b : analysis.benchmarks()) {
            Constraints c = BenchmarkConstraints.of(b, AnalyticFisher.PARAMETERS, "paper");
            double sigma = FisherInformation.sigma(c.addedTo(info), 0, c.fixedFor(0));
            assertEquals(PAPER[b.id()], sigma, 0.01 * PAPER[b.id()], "BM" + b.id());
        }
    }

    @Test
    void signalOnlyInformationMatchesAQuadratureOfTheDensities() {
        // I_ss = ∫ f_s² / (s f_s + b f_b) dx, here by a midpoint rule over a box that holds the signal.
        double s = 50, b = 1000, sum = 0, h0 = 0.1, h2 = 0.02;
        for (double x0 = -6; x0 < 6; x0 += h0) {
            for (double x1 = -6; x1 < 6; x1 += h0) {
                for (double x2 = 0; x2 < 8; x2 += h2) {
                    double[] x = {x0 + h0 / 2, x1 + h0 / 2, x2 + h2 / 2};
                    double fs = Math.exp(InfernoPaperProblem.logSignalDensity(x));
                    double fb = Math.exp(InfernoPaperProblem.logBackgroundDensity(x, 0, 3));
                    sum += fs * fs / (s * fs + b * fb) * h0 * h0 * h2;
                }
            }
        }
        double mc = AnalyticFisher.infernoPaper(200_000, 2)[0][0];
        assertEquals(sum, mc, 0.01 * sum);
        assertEquals(PAPER[0], 1 / Math.sqrt(mc), 0.01 * PAPER[0]);
    }
}
