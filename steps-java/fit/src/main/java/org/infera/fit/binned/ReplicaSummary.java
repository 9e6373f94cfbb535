package org.infera.fit.binned;

import java.util.List;
import org.infera.fit.Median;

/**
 * One statistic on one benchmark over its replicas (independent simulations and trainings): the
 * median σ_Fisher and profile half-width, as the INFERNO paper reports medians over trainings, with
 * the smallest and largest value as the spread. The representative replica (the one whose σ_Fisher
 * is the lower median) supplies the scan plot.
 */
record ReplicaSummary(String statistic, int benchmark, List<BenchmarkResult> replicas) {

    double medianSigmaFisher() {
        return Median.of(
                replicas.stream().mapToDouble(BenchmarkResult::sigmaFisher).toArray());
    }

    double medianWidthProfile() {
        return Median.of(
                replicas.stream().mapToDouble(BenchmarkResult::widthProfile).toArray());
    }

    double minSigmaFisher() {
        return replicas.stream().mapToDouble(BenchmarkResult::sigmaFisher).min().orElseThrow();
    }

    double maxSigmaFisher() {
        return replicas.stream().mapToDouble(BenchmarkResult::sigmaFisher).max().orElseThrow();
    }

    /**
     * Per band (−2σ…+2σ), the median over replicas of the expected limit on the signal yield; empty
     * for the analytic rows.
     */
    double[] medianExpectedLimits() {
        if (replicas.get(0).expectedLimits() == null) return new double[0];
        double[] out = new double[5];
        for (int i = 0; i < 5; i++) {
            final int band = i;
            out[i] = Median.of(
                    replicas.stream().mapToDouble(r -> r.expectedLimits()[band]).toArray());
        }
        return out;
    }

    double medianExpectedCls() {
        return Median.of(
                replicas.stream().mapToDouble(BenchmarkResult::expectedCls).toArray());
    }

    boolean converged() {
        return replicas.stream().allMatch(BenchmarkResult::converged);
    }

    BenchmarkResult representative() {
        List<BenchmarkResult> sorted = replicas.stream()
                .sorted((a, b) -> Double.compare(a.sigmaFisher(), b.sigmaFisher()))
                .toList();
        return sorted.get((sorted.size() - 1) / 2);
    }
}
