package org.infera.fit.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.infera.core.histfactory.infer.AsymptoticCalculator;
import org.infera.core.histfactory.infer.Hypotest;
import org.infera.core.histfactory.infer.Likelihood;
import org.infera.core.histfactory.infer.TestStatistic;
import org.infera.core.histfactory.infer.UpperLimit;
import org.infera.core.histfactory.model.Dataset;
import org.infera.core.histfactory.model.Model;
import org.infera.core.histfactory.model.ModelBuilder;
import org.infera.core.histfactory.spec.Workspace;
import org.infera.core.histfactory.spec.WorkspaceReader;

/**
 * Benchmark (bench/fit-engine.sh, not a unit test): the time of one hypotest (q̃, μ = 1) and of one
 * upper limit (observed + 5 expected) for workspaces of growing size, after JVM warm-up, with the
 * likelihood evaluations each took, beside the time of one likelihood evaluation (value + gradient
 * + Hessian) measured in the same run, and the ratio to pyhf's times on this machine (numpy
 * backend, one thread, as issue 3 reports them). Every calculation starts from scratch: workspace
 * parsed, model built, all fits redone.
 */
public final class FitEngineBenchmark {
    /** Name, bins, nuisances, pyhf seconds per hypotest and per upper limit. */
    private record Case(String name, int bins, int nuisances, double pyhfHypotest, double pyhfLimit) {}

    private static final List<Case> CASES = List.of(
            new Case("pyhf README", 2, 0, 0.013, 0.6),
            new Case("(2, 2)", 2, 2, 0.013, 0.6),
            new Case("(10, 5)", 10, 5, 0.023, 1.2),
            new Case("(100, 20)", 100, 20, 0.155, 6.8),
            new Case("(100, 50)", 100, 50, 0.550, 26),
            new Case("(1000, 100)", 1000, 100, 17, 17 * 60));

    private FitEngineBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path readme =
                Path.of(args.length > 0 ? args[0] : "steps-java/core/src/test/resources/histfactory/pyhf-readme.json");
        String readmeJson = Files.readString(readme);
        System.out.println(
                "fit engine benchmark: one hypotest (q̃, μ = 1) and one upper limit (obs + 5 expected), from the JSON "
                        + "text, after warm-up");
        System.out.printf(
                "%-12s %6s %4s | %11s %8s %9s %8s | %11s %8s %9s %8s | %10s%n",
                "workspace",
                "bins",
                "NPs",
                "hypotest",
                "evals",
                "x pyhf",
                "x eval",
                "limit",
                "evals",
                "x pyhf",
                "x eval",
                "one eval");
        for (Case c : CASES) {
            String json = c.name().equals("pyhf README")
                    ? readmeJson
                    : org.infera.core.histfactory.spec.WorkspaceWriter.toJson(
                            SyntheticWorkspaces.bumpOnFallingBackground(c.bins(), c.nuisances()));
            double evalSeconds = oneEvaluation(json);
            double[] hypotest = time(() -> hypotest(json), c.bins() >= 1000 ? 3 : 20);
            double[] limit = time(() -> limit(json), c.bins() >= 1000 ? 1 : 5);
            System.out.printf(
                    "%-12s %6d %4d | %8.3f ms %8.0f %8.0fx %7.0fx | %8.2f ms %8.0f %8.0fx %7.0fx | %7.4f ms%n",
                    c.name(),
                    c.bins(),
                    c.nuisances(),
                    1e3 * hypotest[0],
                    hypotest[1],
                    c.pyhfHypotest() / hypotest[0],
                    hypotest[0] / evalSeconds,
                    1e3 * limit[0],
                    limit[1],
                    c.pyhfLimit() / limit[0],
                    limit[0] / evalSeconds,
                    1e3 * evalSeconds);
        }
        System.out.println(
                "x pyhf: pyhf's time / ours (target ≥ 10); x eval: our time / one value+gradient+Hessian evaluation; "
                        + "evals: likelihood evaluations (values + derivative sets)");
    }

    private interface Work {
        long run();
    }

    /**
     * {median seconds, evaluations of the last run} over a warm-up (at least 3 runs and 3 s) and then {@code repeats}
     * timed runs.
     */
    private static double[] time(Work w, int repeats) {
        long warmStart = System.nanoTime();
        for (int i = 0; i < 3 || System.nanoTime() - warmStart < 3_000_000_000L; i++) w.run();
        double[] t = new double[repeats];
        long evals = 0;
        for (int i = 0; i < repeats; i++) {
            long t0 = System.nanoTime();
            evals = w.run();
            t[i] = (System.nanoTime() - t0) / 1e9;
        }
        Arrays.sort(t);
        return new double[] {t[repeats / 2], evals};
    }

    /** From the JSON text: parse, build the model, and the calculator's μ-independent fits. */
    private static AsymptoticCalculator calculator(String json) {
        Workspace w = WorkspaceReader.parse(json, "bench");
        Model m = ModelBuilder.build(w, null, "bench");
        return new AsymptoticCalculator(m, ModelBuilder.observed(w, m), TestStatistic.QTILDE);
    }

    private static long hypotest(String json) {
        AsymptoticCalculator calc = calculator(json);
        Hypotest h = calc.hypotest(1.0);
        if (!h.converged() || !Double.isFinite(h.cls())) throw new IllegalStateException("hypotest failed");
        long[] e = calc.evaluations();
        return e[0] + e[1];
    }

    private static long limit(String json) {
        AsymptoticCalculator calc = calculator(json);
        UpperLimit.Limits l = UpperLimit.compute(calc, 0.05);
        if (!l.converged() || !Double.isFinite(l.observed())) throw new IllegalStateException("upper limit failed");
        long[] e = calc.evaluations();
        return e[0] + e[1];
    }

    private static double oneEvaluation(String json) {
        Workspace w = WorkspaceReader.parse(json, "bench");
        Model m = ModelBuilder.build(w, null, "bench");
        Dataset d = ModelBuilder.observed(w, m);
        Likelihood l = new Likelihood(m, d);
        int p = m.parameters();
        double[] g = new double[p];
        double[][] h = new double[p][p];
        double[] x = m.inits();
        int n = Math.max(20, 200_000 / (m.bins() * (p + 1)));
        for (int i = 0; i < n; i++) l.nll(x, g, h);
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) l.nll(x, g, h);
        return (System.nanoTime() - t0) / 1e9 / n;
    }
}
