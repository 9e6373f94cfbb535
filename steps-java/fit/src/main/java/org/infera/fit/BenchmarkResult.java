package org.infera.fit;

import java.util.List;

/**
 * The precision one summary statistic reaches on one benchmark: σ of the signal yield from the
 * Asimov Fisher information, and the profile-likelihood interval (ΔNLL = 0.5) with its half-width.
 */
public record BenchmarkResult(
        String statistic,
        int benchmark,
        List<String> floating,
        double sigmaFisher,
        double widthProfile,
        double intervalLower,
        double intervalUpper,
        double[] scanValues,
        double[] scanDeltaNll) {}
