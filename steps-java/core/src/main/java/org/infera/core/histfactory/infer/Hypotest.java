package org.infera.core.histfactory.infer;

/**
 * A hypothesis test at one POI value in the asymptotic approximation. For q̃ and q:
 * CLs = CL_s+b / CL_b observed, and expected at −2…+2 σ of the background-only hypothesis
 * (ordered as pyhf orders them, most excluding first). For q₀: {@code clsb} is the discovery
 * p-value p₀ and {@code expected} the expected p₀ at −2…+2 σ around the signal hypothesis.
 */
public record Hypotest(
        TestStatistic statistic,
        double poiValue,
        double testStat,
        double testStatAsimov,
        double clsb,
        double clb,
        double cls,
        double[] expected,
        boolean converged) {}
