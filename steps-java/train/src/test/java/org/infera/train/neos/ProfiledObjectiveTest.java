package org.infera.train.neos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.nio.file.Path;
import java.util.List;
import org.infera.core.analysis.Analysis;
import org.infera.core.physics.NeosBlobs;
import org.infera.core.random.Rng;
import org.infera.nn.Networks;
import org.infera.train.inferno.FisherLayout;
import org.junit.jupiter.api.Test;

/**
 * The envelope-theorem gradient of each neos objective against central finite differences of the
 * whole objective, profile fit included, on a small float64 network and the neos toy's events.
 */
class ProfiledObjectiveTest {
    static final Path ANALYSIS =
            Path.of(System.getProperty("infera.repo", "../..")).resolve("params/analysis/neos-blobs.json");
    static final int EVENTS = 200;

    private static final SoftHistogram SOFTMAX = new SoftHistogram("softmax", 3, 1.0, 0);
    private static final SoftHistogram KDE = new SoftHistogram("kde", 3, 0, 0.2);

    @Test
    void clsGradientMatchesFiniteDifferencesOfTheProfiledObjective() {
        check(FigureOfMerit.CLS, SOFTMAX);
    }

    @Test
    void clsGradientWithKernelDensityHistogramsMatchesFiniteDifferences() {
        check(FigureOfMerit.CLS, KDE);
    }

    @Test
    void discoveryGradientMatchesFiniteDifferences() {
        check(FigureOfMerit.DISCOVERY, SOFTMAX);
    }

    @Test
    void sigmaGradientMatchesFiniteDifferences() {
        check(FigureOfMerit.SIGMA, SOFTMAX);
    }

    @Test
    void kernelDensityHistogramsAreNormalisedAndFollowTheKernel() {
        try (NDManager m = NDManager.newBaseManager()) {
            // logit 0: s = 0.5, at the edge between bins 1 and 2 of 4 → equal halves; the kernel's reach is Φ(0.25/h) −
            // 1/2 per side
            SoftHistogram kde = new SoftHistogram("kde", 4, 0, 0.1);
            double[] h = kde.of(m.create(new double[] {0}, new Shape(1, 1))).toDoubleArray();
            assertEquals(1, h[0] + h[1] + h[2] + h[3], 1e-12);
            assertEquals(h[1], h[2], 1e-12);
            assertEquals(h[0], h[3], 1e-12);
            double phi =
                    new org.hipparchus.distribution.continuous.NormalDistribution().cumulativeProbability(0.25 / 0.1);
            double inside = 2 * phi - 1; // Φ(0.25/h) − Φ(−0.25/h): the kernel's mass within [0.25, 0.75]
            double total =
                    2 * new org.hipparchus.distribution.continuous.NormalDistribution().cumulativeProbability(0.5 / 0.1)
                            - 1;
            assertEquals(inside / 2 / total, h[1], 1e-12);
        }
    }

    private static void check(FigureOfMerit objective, SoftHistogram histogram) {
        Analysis analysis = Analysis.read(ANALYSIS);
        FisherLayout layout = FisherLayout.of(analysis, 0);
        ProfiledObjective figure = new ProfiledObjective(analysis, 0, layout, objective, 1.0);
        Engine.getInstance().setRandomSeed(11);
        try (NDManager m = NDManager.newBaseManager()) {
            Block block = Networks.mlp(List.of(4), "tanh", histogram.outputs());
            block.initialize(m, DataType.FLOAT64, new Shape(1, 2));
            NDArray input = m.create(events(analysis), new Shape(4L * EVENTS, 2));
            // one backward pass (gradients accumulate across collectors, so only one)
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                ProfiledObjective.Evaluation e =
                        figure.evaluate(yields(block, m, input, layout, analysis, histogram, true));
                assertTrue(e.converged());
                gc.backward(e.differentiable());
            }
            int checked = 0;
            double worst = 0;
            for (var entry : block.getParameters()) {
                Parameter weight = entry.getValue();
                double[] w = weight.getArray().toDoubleArray();
                double[] gradient = weight.getArray().getGradient().toDoubleArray();
                for (int element = 0; element < Math.min(3, w.length); element++) {
                    double analytic = gradient[element];
                    double step = 1e-5;
                    double[] side = new double[2];
                    for (int s = 0; s < 2; s++) {
                        double[] shifted = w.clone();
                        shifted[element] += s == 0 ? step : -step;
                        weight.getArray().set(shifted);
                        side[s] = figure.evaluate(yields(block, m, input, layout, analysis, histogram, false))
                                .value();
                    }
                    weight.getArray().set(w);
                    double numeric = (side[0] - side[1]) / (2 * step);
                    assertEquals(
                            numeric,
                            analytic,
                            1e-4 * Math.abs(numeric) + 1e-12 * Math.abs(side[0]) / step,
                            objective + ": d/dw of " + entry.getKey() + "[" + element + "]");
                    worst = Math.max(worst, Math.abs(analytic - numeric) / Math.abs(numeric));
                    checked++;
                }
            }
            assertTrue(checked >= 9);
            System.out.printf(
                    "neos %s (%s histograms): %d weights, envelope gradient vs finite differences: worst relative "
                            + "difference %.1e%n",
                    objective.label(), histogram.kind(), checked, worst);
        }
    }

    /** Signal, background, and the background moved to its up and down means, as the analysis defines them. */
    private static double[] events(Analysis analysis) {
        Rng rng = new Rng(3);
        double[] x = new double[4 * EVENTS * 2];
        Analysis.Nuisance n = analysis.nuisances().get(0);
        for (int i = 0; i < EVENTS; i++) {
            double[] s = NeosBlobs.signal(rng), b = NeosBlobs.background(rng);
            double[] up = b.clone(), down = b.clone();
            analysis.applyEffect(n, n.up(), up);
            analysis.applyEffect(n, n.down(), down);
            double[][] rows = {s, b, up, down};
            for (int g = 0; g < 4; g++) System.arraycopy(rows[g], 0, x, 2 * (g * EVENTS + i), 2);
        }
        return x;
    }

    private static SoftYields yields(
            Block block,
            NDManager m,
            NDArray input,
            FisherLayout layout,
            Analysis analysis,
            SoftHistogram histogram,
            boolean training) {
        NDArray z = block.forward(new ParameterStore(m, false), new NDList(input), training)
                .singletonOrThrow();
        NDList histograms = new NDList();
        for (NDArray g : z.split(4, 0)) histograms.add(histogram.of(g));
        return SoftYields.of(histograms, layout, analysis);
    }
}
