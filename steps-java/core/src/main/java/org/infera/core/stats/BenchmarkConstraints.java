package org.infera.core.stats;

import org.infera.core.analysis.Analysis;
import org.infera.core.cli.InputException;

/**
 * Turns a benchmark of the analysis definition into the {@link Constraints} of named parameters (the analytic Fisher
 * information's).
 */
public final class BenchmarkConstraints {
    private BenchmarkConstraints() {}

    /**
     * The constraints of a benchmark for parameters with the given names (yields by process name, nuisances by name).
     */
    public static Constraints of(Analysis.Benchmark benchmark, java.util.List<String> names, String source) {
        int n = names.size();
        boolean[] floating = new boolean[n];
        double[] width = new double[n];
        if (benchmark.floating() != null) {
            for (String name : benchmark.floating()) {
                int a = names.indexOf(name);
                if (a < 0) {
                    throw new InputException(source + ": benchmark " + benchmark.id() + " floats '" + name
                            + "', which the templates do not have (they have " + names + ")");
                }
                floating[a] = true;
            }
        }
        if (benchmark.constraints() != null) {
            benchmark.constraints().forEach((name, w) -> width[names.indexOf(name)] = w);
        }
        return new Constraints(floating, width);
    }
}
