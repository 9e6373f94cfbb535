package org.infera.fit.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.infera.core.analysis.Analysis;
import org.infera.core.data.TemplatesFile;
import org.infera.core.histfactory.TemplatesWorkspace;
import org.infera.core.histfactory.infer.FisherInformation;
import org.infera.core.histfactory.infer.Likelihood;
import org.infera.core.histfactory.infer.Mle;
import org.infera.core.histfactory.infer.ProfileScan;
import org.infera.core.histfactory.model.Model;
import org.infera.core.histfactory.model.ModelBuilder;
import org.infera.core.histfactory.spec.Workspace;
import org.infera.core.physics.InfernoPaperProblem;
import org.infera.core.random.Rng;

/**
 * Benchmark (bench/scan.sh, not a unit test): a 61-point profile-likelihood scan of the signal
 * strength on benchmark 4 (10 bins; r, λ and b profiled), after JVM warm-up. The templates are those
 * of the Bayes-optimal classifier (the true density ratio) on 100k+100k events, so no training is
 * needed. Baseline measured in the same run: one profiled point fitted from the initial values (a
 * full minimisation over 3 nuisances). Checks that the width read off the scan (quadratic
 * interpolation of the ΔNLL = 0.5 crossings) equals the root-found profile width to 1e-3.
 */
public final class ScanBenchmark {
    private ScanBenchmark() {}

    public static void main(String[] args) {
        Path analysisFile = Path.of(args.length > 0 ? args[0] : "params/analysis/inferno-paper.json");
        Analysis analysis = Analysis.read(analysisFile);
        TemplatesFile templates = optimalClassifierTemplates(analysis, 100_000, 7);
        Workspace w = TemplatesWorkspace.of(templates, analysis.benchmarks().get(4), "bayes");
        Model model = TemplatesWorkspace.model(w, "bayes");
        Likelihood likelihood = new Likelihood(model, ModelBuilder.observed(w, model));
        int poi = model.poi();
        double sigma = FisherInformation.sigmaPoi(model, model.inits());
        double[] grid = new double[61];
        for (int k = 0; k < grid.length; k++) grid[k] = 1 + 3 * sigma * (k - 30) / 30.0;

        double[] deltaNll = null;
        for (int warm = 0; warm < 200; warm++) deltaNll = new ProfileScan(likelihood, poi).scan(grid);
        int repeats = 200;
        long t0 = System.nanoTime();
        for (int r = 0; r < repeats; r++) deltaNll = new ProfileScan(likelihood, poi).scan(grid);
        double scanMs = (System.nanoTime() - t0) / 1e6 / repeats;
        long t1 = System.nanoTime();
        for (int r = 0; r < repeats * 10; r++) Mle.fixedPoiFit(likelihood, 1 + 1.7 * sigma, null);
        double pointMs = (System.nanoTime() - t1) / 1e6 / (repeats * 10);

        double scanWidth = (crossing(grid, deltaNll, 31, +1) - crossing(grid, deltaNll, 29, -1)) / 2;
        double rootWidth = new ProfileScan(likelihood, poi).interval(0.5, sigma).halfWidth();
        double relative = Math.abs(scanWidth - rootWidth) / rootWidth;
        double s = TemplatesWorkspace.signalYield(templates);
        System.out.printf(
                "workload: 61-point profile scan of the signal strength on benchmark 4, %d bins, r, λ and b profiled; "
                        + "Java %s%n",
                model.bins(), System.getProperty("java.version"));
        System.out.printf(
                "scan: %.2f ms (target 50 ms: %s); one profiled point from the initial values (baseline): %.3f ms; "
                        + "scan / point = %.1f%n",
                scanMs, scanMs <= 50 ? "met" : "NOT met", pointMs, scanMs / pointMs);
        System.out.printf(
                "width in signal events: from the scan %.5f, by root finding %.5f, σ_Fisher %.5f; relative difference "
                        + "%.1e (target 1e-3: %s)%n",
                scanWidth * s, rootWidth * s, sigma * s, relative, relative <= 1e-3 ? "met" : "NOT met");
    }

    /** The ΔNLL = 0.5 crossing between grid points, by quadratic interpolation of the three nearest points. */
    static double crossing(double[] x, double[] y, int from, int direction) {
        int k = from;
        while (y[k] < 0.5) k += direction;
        int a = Math.max(1, Math.min(x.length - 2, k - (direction > 0 ? 1 : 0)));
        double x0 = x[a - 1], x1 = x[a], x2 = x[a + 1], y0 = y[a - 1], y1 = y[a], y2 = y[a + 1];
        // Newton steps on the interpolating parabola, from the bracketing grid point.
        double t = x[k];
        for (int it = 0; it < 50; it++) {
            double p = y0 * (t - x1) * (t - x2) / ((x0 - x1) * (x0 - x2))
                    + y1 * (t - x0) * (t - x2) / ((x1 - x0) * (x1 - x2))
                    + y2 * (t - x0) * (t - x1) / ((x2 - x0) * (x2 - x1));
            double dp = y0 * (2 * t - x1 - x2) / ((x0 - x1) * (x0 - x2))
                    + y1 * (2 * t - x0 - x2) / ((x1 - x0) * (x1 - x2))
                    + y2 * (2 * t - x0 - x1) / ((x2 - x0) * (x2 - x1));
            t -= (p - 0.5) / dp;
        }
        return t;
    }

    /** Templates of p(signal | x) from the true densities, 10 equal-width bins, each nuisance's events shifted. */
    static TemplatesFile optimalClassifierTemplates(Analysis analysis, int perProcess, long seed) {
        Rng rng = new Rng(seed);
        double[][] signal = new double[perProcess][], background = new double[perProcess][];
        for (int i = 0; i < perProcess; i++) {
            signal[i] = InfernoPaperProblem.signal(rng);
            background[i] = InfernoPaperProblem.background(rng, 0, 3);
        }
        List<TemplatesFile.NuisanceTemplate> nuisances = new ArrayList<>();
        for (Analysis.Nuisance n : analysis.nuisancesOrEmpty()) {
            nuisances.add(new TemplatesFile.NuisanceTemplate(
                    n.name(),
                    analysis.processIndex(n.process()),
                    n.nominal(),
                    n.up(),
                    n.down(),
                    histogram(analysis.shifted(n, n.up(), background), 1000.0 / perProcess),
                    histogram(analysis.shifted(n, n.down(), background), 1000.0 / perProcess)));
        }
        double[] edges = new double[11];
        for (int i = 0; i <= 10; i++) edges[i] = i / 10.0;
        return new TemplatesFile(
                "bayes",
                edges,
                new String[] {"signal", "background"},
                new long[] {1, 0},
                new double[][] {histogram(signal, 50.0 / perProcess), histogram(background, 1000.0 / perProcess)},
                new long[2][10],
                nuisances);
    }

    private static double[] histogram(double[][] events, double weight) {
        double[] h = new double[10];
        for (double[] x : events) {
            double logRatio =
                    InfernoPaperProblem.logBackgroundDensity(x, 0, 3) - InfernoPaperProblem.logSignalDensity(x);
            double p = 1 / (1 + Math.exp(logRatio));
            h[Math.min(9, (int) (p * 10))] += weight;
        }
        return h;
    }
}
