package org.infera.train.pivot;

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
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.util.Pair;
import java.util.List;
import org.infera.core.random.Rng;
import org.infera.nn.Networks;
import org.infera.train.classifier.WeightedBinaryCrossEntropy;
import org.junit.jupiter.api.Test;

/**
 * The classifier's gradient under adversarial training, d(L_f − λ L_r)/dθ_f through the adversary, against central
 * finite differences of the same loss written out in double precision here (two one-hidden-layer tanh networks):
 * the sign (the classifier climbs the adversary's loss) and the factor λ.
 */
class PivotLossGradientTest {
    static final int N = 12, FEATURES = 2, HIDDEN = 3, ADVERSARY_HIDDEN = 4, NUISANCES = 2;

    @Test
    void classifierGradientMatchesFiniteDifferencesOfTheLossInDoubles() {
        System.setProperty("ai.djl.offline", "true");
        Rng rng = new Rng(7);
        float[] x = new float[N * FEATURES], y = new float[N], w = new float[N], z = new float[N * NUISANCES];
        float[] mask = new float[N];
        for (int i = 0; i < N; i++) {
            for (int j = 0; j < FEATURES; j++) x[i * FEATURES + j] = (float) rng.gaussian();
            for (int k = 0; k < NUISANCES; k++) z[i * NUISANCES + k] = (float) rng.gaussian();
            y[i] = i % 2;
            w[i] = (float) (0.5 + rng.uniform());
            mask[i] = i % 3 == 0 ? 0 : 1; // some events carry no adversary targets
        }
        Engine.getInstance().setRandomSeed(11);
        try (NDManager m = NDManager.newBaseManager()) {
            Block f = Networks.mlp(List.of(HIDDEN), "tanh", 1),
                    r = Networks.mlp(List.of(ADVERSARY_HIDDEN), "tanh", NUISANCES);
            f.setInitializer(new NormalInitializer(0.8f), Parameter.Type.WEIGHT);
            r.setInitializer(new NormalInitializer(0.8f), Parameter.Type.WEIGHT);
            f.initialize(m, DataType.FLOAT32, new Shape(N, FEATURES));
            r.initialize(m, DataType.FLOAT32, new Shape(N, 1));
            for (double lambda : new double[] {0, 0.7, 5}) {
                double[] autograd = autograd(m, f, r, x, y, w, z, mask, lambda);
                double[][] fw = weights(f), rw = weights(r);
                int index = 0;
                double largest = 0;
                for (int p = 0; p < fw.length; p++) {
                    for (int e = 0; e < fw[p].length; e++, index++) {
                        double h = 1e-6, keep = fw[p][e];
                        fw[p][e] = keep + h;
                        double up = loss(fw, rw, x, y, w, z, mask, lambda);
                        fw[p][e] = keep - h;
                        double down = loss(fw, rw, x, y, w, z, mask, lambda);
                        fw[p][e] = keep;
                        double fd = (up - down) / (2 * h);
                        largest = Math.max(largest, Math.abs(fd));
                        assertEquals(
                                fd,
                                autograd[index],
                                2e-4 + 2e-3 * Math.abs(fd),
                                "λ " + lambda + ", parameter " + p + " entry " + e);
                    }
                }
                assertTrue(largest > 1e-2, "a gradient worth checking at λ " + lambda + ": " + largest);
            }
        }
    }

    /** DJL's gradient of PivotLoss.classifier with respect to every weight of f, flattened in parameter order. */
    private static double[] autograd(
            NDManager m, Block f, Block r, float[] x, float[] y, float[] w, float[] z, float[] mask, double lambda) {
        for (Block b : List.of(f, r)) { // backward passes add to the gradients: start each λ from zero
            for (Pair<String, Parameter> p : b.getParameters()) {
                NDArray g = p.getValue().getArray().getGradient();
                g.subi(g);
            }
        }
        try (NDManager scope = m.newSubManager()) {
            ParameterStore store = new ParameterStore(scope, false);
            NDList labels = new NDList(
                    scope.create(y), scope.create(w), scope.create(z, new Shape(N, NUISANCES)), scope.create(mask));
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray logits = f.forward(store, new NDList(scope.create(x, new Shape(N, FEATURES))), true)
                        .singletonOrThrow();
                NDArray bce = new WeightedBinaryCrossEntropy().evaluate(labels, new NDList(logits));
                NDArray predicted = r.forward(store, new NDList(Adversary.input(logits)), true)
                        .singletonOrThrow();
                NDArray adversary = PivotLoss.adversary(predicted, labels.get(2), labels.get(3));
                gc.backward(PivotLoss.classifier(bce, adversary, lambda));
            }
            double[] out = new double[count(f)];
            int k = 0;
            for (Pair<String, Parameter> p : f.getParameters()) {
                for (float g : p.getValue().getArray().getGradient().toFloatArray()) out[k++] = g;
            }
            return out;
        }
    }

    private static int count(Block b) {
        int n = 0;
        for (Pair<String, Parameter> p : b.getParameters())
            n += (int) p.getValue().getArray().size();
        return n;
    }

    /** Each parameter's values (weight [out, in] row-major, then bias) in the block's order, as doubles. */
    private static double[][] weights(Block b) {
        var ps = b.getParameters();
        double[][] out = new double[ps.size()][];
        for (int p = 0; p < ps.size(); p++) {
            float[] v = ps.valueAt(p).getArray().toFloatArray();
            out[p] = new double[v.length];
            for (int i = 0; i < v.length; i++) out[p][i] = v[i];
        }
        return out;
    }

    /** out = W2 tanh(W1 in + b1) + b2 for one event. */
    private static double[] mlp(double[][] p, double[] in, int hidden, int outputs) {
        double[] h = new double[hidden];
        for (int j = 0; j < hidden; j++) {
            double s = p[1][j];
            for (int i = 0; i < in.length; i++) s += p[0][j * in.length + i] * in[i];
            h[j] = Math.tanh(s);
        }
        double[] out = new double[outputs];
        for (int o = 0; o < outputs; o++) {
            double s = p[3][o];
            for (int j = 0; j < hidden; j++) s += p[2][o * hidden + j] * h[j];
            out[o] = s;
        }
        return out;
    }

    /**
     * L_f − λ L_r: the weighted cross-entropy Σ w (log(1 + e^s) − y s) / Σ w minus λ times the adversary's mean
     * squared error over the masked events and the nuisances, r fed with sigmoid(s).
     */
    private static double loss(
            double[][] fw, double[][] rw, float[] x, float[] y, float[] w, float[] z, float[] mask, double lambda) {
        double bce = 0, weights = 0, squares = 0, masked = 0;
        for (int i = 0; i < N; i++) {
            double s = mlp(fw, new double[] {x[i * FEATURES], x[i * FEATURES + 1]}, HIDDEN, 1)[0];
            bce += w[i] * (Math.log1p(Math.exp(s)) - y[i] * s);
            weights += w[i];
            double[] r = mlp(rw, new double[] {1 / (1 + Math.exp(-s))}, ADVERSARY_HIDDEN, NUISANCES);
            for (int k = 0; k < NUISANCES; k++) squares += mask[i] * Math.pow(r[k] - z[i * NUISANCES + k], 2);
            masked += mask[i];
        }
        return bce / weights - lambda * squares / (NUISANCES * masked);
    }
}
