package org.infera.fit.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.infera.core.histfactory.infer.FitResult;
import org.infera.core.histfactory.infer.Likelihood;
import org.infera.core.histfactory.infer.Mle;
import org.infera.core.histfactory.infer.TestStatistic;
import org.infera.core.histfactory.infer.ToyCalculator;
import org.infera.core.histfactory.model.Dataset;
import org.infera.core.histfactory.model.Model;
import org.infera.core.histfactory.model.ModelBuilder;
import org.infera.core.histfactory.spec.Workspace;
import org.infera.core.histfactory.spec.WorkspaceReader;
import org.infera.core.histfactory.spec.WorkspaceWriter;

/**
 * Benchmark (bench/toys.sh, not a unit test): toy throughput of a toy-based hypotest (q̃, μ = 1) on one thread,
 * for pyhf's README example and the synthetic workspaces of bench/fit-engine.sh, beside the time of one free fit
 * of the same workspace's observed data measured in the same run. A pseudo-experiment is one pseudo-data set
 * (main and auxiliary measurements) sampled and fitted: its free fit, and its conditional fit at μ where q̃ needs
 * it; a hypotest with --toys N fits 2N of them (N per hypothesis, as pyhf counts ntoys). Times are the thread's
 * CPU time (the machine may be shared); wall-clock rates are printed beside them.
 */
public final class ToyBenchmark {
    private record Case(String name, int bins, int nuisances) {}

    private static final List<Case> CASES = List.of(
            new Case("pyhf README", 2, 0),
            new Case("(2, 2)", 2, 2),
            new Case("(10, 5)", 10, 5),
            new Case("(100, 20)", 100, 20),
            new Case("(100, 50)", 100, 50),
            new Case("(1000, 100)", 1000, 100));

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private ToyBenchmark() {}

    public static void main(String[] args) throws Exception {
        String readme = Files.readString(
                Path.of(args.length > 0 ? args[0] : "steps-java/core/src/test/resources/histfactory/pyhf-readme.json"));
        double seconds = args.length > 1 ? Double.parseDouble(args[1]) : 3;
        System.out.println("toy benchmark: toy-based hypotest (q̃, μ = 1), one thread, after warm-up; CPU time");
        System.out.printf(
                "%-12s %5s %4s | %12s %12s | %10s %12s | %9s%n",
                "workspace", "bins", "NPs", "pseudo-exp/s", "(wall)/s", "one fit", "one pseudo-exp", "exp / fit");
        for (Case c : CASES) {
            String json = c.name().equals("pyhf README")
                    ? readme
                    : WorkspaceWriter.toJson(SyntheticWorkspaces.bumpOnFallingBackground(c.bins(), c.nuisances()));
            Workspace w = WorkspaceReader.parse(json, "bench");
            Model m = ModelBuilder.build(w, null, "bench");
            Dataset observed = ModelBuilder.observed(w, m);
            double fit = perCall(
                    () -> {
                        FitResult f = Mle.fit(new Likelihood(m, observed));
                        if (!f.converged()) throw new IllegalStateException("fit failed");
                        return 1;
                    },
                    seconds);
            ToyCalculator calc = new ToyCalculator(m, observed, TestStatistic.QTILDE);
            long[] seed = {0};
            int batch = c.bins() >= 1000 ? 2 : c.bins() >= 100 ? 20 : 500;
            double[] wall = new double[1];
            double perExperiment = perCall(
                    () -> {
                        long t0 = System.nanoTime();
                        calc.toys(new double[] {1.0}, seed[0]++, 0, batch);
                        wall[0] = (System.nanoTime() - t0) / 1e9;
                        return 2 * batch;
                    },
                    seconds);
            System.out.printf(
                    "%-12s %5d %4d | %12.0f %12.0f | %7.3f ms %9.3f ms | %8.2fx%n",
                    c.name(),
                    m.bins(),
                    m.parameters() - 1,
                    1 / perExperiment,
                    2 * batch / wall[0],
                    1e3 * fit,
                    1e3 * perExperiment,
                    perExperiment / fit);
        }
        System.out.println("pseudo-exp/s: pseudo-experiments fitted per CPU second (a hypotest with --toys N fits 2N); "
                + "(wall)/s: the same per wall-clock second in the last batch; exp / fit: one pseudo-experiment's time "
                + "over one free fit of the observed data");
    }

    private interface Work {
        /** Runs once; returns how many units it did. */
        int run();
    }

    /** CPU seconds per unit, over a warm-up of {@code seconds} and then at least {@code seconds} of timed runs. */
    private static double perCall(Work w, double seconds) {
        long warm = THREADS.getCurrentThreadCpuTime();
        for (int i = 0; i < 3 || THREADS.getCurrentThreadCpuTime() - warm < seconds * 1e9; i++) w.run();
        long t0 = THREADS.getCurrentThreadCpuTime(), units = 0;
        do units += w.run();
        while (THREADS.getCurrentThreadCpuTime() - t0 < seconds * 1e9);
        return (THREADS.getCurrentThreadCpuTime() - t0) / 1e9 / units;
    }
}
