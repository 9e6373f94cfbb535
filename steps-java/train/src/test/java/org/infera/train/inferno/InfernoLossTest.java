package org.infera.train.inferno;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
import org.infera.core.data.TemplatesFile;
import org.infera.core.histfactory.TemplatesWorkspace;
import org.infera.core.histfactory.infer.Likelihood;
import org.infera.core.histfactory.model.Model;
import org.infera.core.histfactory.model.ModelBuilder;
import org.infera.core.histfactory.spec.Workspace;
import org.infera.core.random.Rng;
import org.infera.nn.Networks;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class InfernoLossTest {
    static final Path ANALYSIS =
            Path.of(System.getProperty("infera.repo", "../..")).resolve("params/analysis/inferno-paper.json");
    static final double TAU = 0.5;
    static final int BINS = 4;
    static final int EVENTS = 50;

    @BeforeAll
    static void offline() {
        System.setProperty("ai.djl.offline", "true");
    }

    /** Logits of signal, background, background r up/down, background λ up/down (benchmark 4 floats both). */
    static float[][][] logits(long seed) {
        Rng rng = new Rng(seed);
        float[][][] out = new float[6][EVENTS][BINS];
        for (int g = 0; g < 6; g++) {
            for (int i = 0; i < EVENTS; i++) {
                for (int k = 0; k < BINS; k++)
                    out[g][i][k] = (float) (rng.gaussian() + (g == 0 ? 0.8 * k : -0.3 * k) + 0.1 * g);
            }
        }
        return out;
    }

    static double[] softHistogram(float[][] z) {
        double[] h = new double[BINS];
        for (float[] row : z) {
            double max = Double.NEGATIVE_INFINITY, norm = 0;
            for (float v : row) max = Math.max(max, v / TAU);
            for (float v : row) norm += Math.exp(v / TAU - max);
            for (int k = 0; k < BINS; k++) h[k] += Math.exp(row[k] / TAU - max) / norm / z.length;
        }
        return h;
    }

    @Test
    void fisherMatrixEqualsTheFiniteDifferenceHessianOfTheBinnedNll() {
        Analysis analysis = Analysis.read(ANALYSIS);
        FisherLayout layout = FisherLayout.of(analysis, 4);
        float[][][] z = logits(3);
        double[][] loss;
        InfernoLoss inferno = new InfernoLoss(TAU, layout);
        try (NDManager m = NDManager.newBaseManager()) {
            NDList groups = new NDList();
            for (float[][] g : z) groups.add(m.create(g));
            NDArray info = inferno.fisher(groups);
            loss = toMatrix(
                    info.toType(DataType.FLOAT64, false).toDoubleArray(),
                    layout.parameters().size());
        }
        // The same soft histograms as templates of the core's binned likelihood, whose NLL we differentiate
        // numerically.
        double[] fs = softHistogram(z[0]), fb = softHistogram(z[1]);
        TemplatesFile t = new TemplatesFile(
                "soft",
                new double[] {0, 1, 2, 3, 4},
                new String[] {"signal", "background"},
                new long[] {1, 0},
                new double[][] {scale(fs, 50), scale(fb, 1000)},
                new long[2][BINS],
                List.of(
                        new TemplatesFile.NuisanceTemplate(
                                "r",
                                1,
                                0,
                                0.2,
                                -0.2,
                                scale(softHistogram(z[2]), 1000),
                                scale(softHistogram(z[3]), 1000)),
                        new TemplatesFile.NuisanceTemplate(
                                "lambda",
                                1,
                                3,
                                3.5,
                                2.5,
                                scale(softHistogram(z[4]), 1000),
                                scale(softHistogram(z[5]), 1000))));
        Workspace w = TemplatesWorkspace.of(t, analysis.benchmarks().get(4), "test");
        Model model = TemplatesWorkspace.model(w, "test");
        Likelihood nll = new Likelihood(model, ModelBuilder.observed(w, model));
        // Layout order: signal, then the benchmark's floating list (r, lambda, background); the workspace's
        // parameters are μ = s/50, α_r = r/0.2, α_λ = (λ − 3)/0.5 and the background factor b/1000.
        java.util.Map<String, String> inWorkspace =
                java.util.Map.of("signal", "mu", "r", "r", "lambda", "lambda", "background", "norm_background");
        java.util.Map<String, Double> physicalPerUnit =
                java.util.Map.of("signal", 50.0, "r", 0.2, "lambda", 0.5, "background", 1000.0);
        int[] index = layout.parameters().stream()
                .mapToInt(p -> model.parameterNames().indexOf(inWorkspace.get(p.name())))
                .toArray();
        double[] k = layout.parameters().stream()
                .mapToDouble(p -> physicalPerUnit.get(p.name()))
                .toArray();
        double[] h = {0.05, 2e-4, 2e-4, 0.5};
        double[] theta = model.inits();
        for (int a = 0; a < index.length; a++) {
            for (int b = 0; b < index.length; b++) {
                // fisher() measures each parameter in its natural unit: I_ab(unit) = I_ab(physical) unit_a unit_b.
                double units = inferno.unit(layout.parameters().get(a))
                        * inferno.unit(layout.parameters().get(b));
                double fd = secondDifference(nll, theta, index[a], index[b], h[a] / k[a], h[b] / k[b])
                        / (k[a] * k[b])
                        * units;
                assertEquals(
                        fd,
                        loss[a][b],
                        2e-3 * Math.sqrt(Math.abs(loss[a][a] * loss[b][b])),
                        layout.parameters().get(a).name() + ","
                                + layout.parameters().get(b).name());
            }
        }
    }

    @Test
    void gradientWithRespectToAWeightMatchesAFiniteDifference() {
        Analysis analysis = Analysis.read(ANALYSIS);
        InfernoLoss loss = new InfernoLoss(TAU, FisherLayout.of(analysis, 2));
        Engine.getInstance().setRandomSeed(7);
        try (NDManager m = NDManager.newBaseManager()) {
            Block block = Networks.mlp(List.of(8), "tanh", BINS);
            block.initialize(m, DataType.FLOAT32, new Shape(1, 3));
            Rng rng = new Rng(5);
            float[] x = new float[6 * EVENTS * 3];
            for (int i = 0; i < x.length; i++) x[i] = (float) rng.gaussian();
            NDArray input = m.create(x, new Shape(6 * EVENTS, 3));
            Parameter weight = block.getParameters().get(0).getValue();
            float[] w = weight.getArray().toFloatArray();
            int element = 5;

            double analytic;
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray value = evaluate(block, loss, m, input, true);
                gc.backward(value);
                analytic = weight.getArray().getGradient().toFloatArray()[element];
            }
            float step = 1e-2f;
            double[] side = new double[2];
            for (int s = 0; s < 2; s++) {
                float[] shifted = w.clone();
                shifted[element] += s == 0 ? step : -step;
                weight.getArray().set(shifted);
                side[s] = evaluate(block, loss, m, input, false).getFloat();
            }
            weight.getArray().set(w);
            double numeric = (side[0] - side[1]) / (2 * step);
            assertEquals(numeric, analytic, 0.02 * Math.abs(analytic) + 1e-3, "d loss / d w[" + element + "]");
        }
    }

    private static NDArray evaluate(Block block, InfernoLoss loss, NDManager m, NDArray input, boolean training) {
        NDArray z = block.forward(new ParameterStore(m, false), new NDList(input), training)
                .singletonOrThrow();
        return loss.evaluate(new NDList(), z.split(6, 0));
    }

    private static double secondDifference(Likelihood f, double[] x, int a, int b, double ha, double hb) {
        double[] pp = x.clone(), pm = x.clone(), mp = x.clone(), mm = x.clone();
        pp[a] += ha;
        pp[b] += hb;
        pm[a] += ha;
        pm[b] -= hb;
        mp[a] -= ha;
        mp[b] += hb;
        mm[a] -= ha;
        mm[b] -= hb;
        return (f.nll(pp) - f.nll(pm) - f.nll(mp) + f.nll(mm)) / (4 * ha * hb);
    }

    private static double[] scale(double[] v, double f) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) out[i] = v[i] * f;
        return out;
    }

    private static double[][] toMatrix(double[] flat, int n) {
        double[][] out = new double[n][n];
        for (int i = 0; i < n; i++) System.arraycopy(flat, i * n, out[i], 0, n);
        return out;
    }
}
