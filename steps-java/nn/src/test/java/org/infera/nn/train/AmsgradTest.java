package org.infera.nn.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.util.function.IntToDoubleFunction;
import org.junit.jupiter.api.Test;

/** The AMSGrad update against the recurrence written out in double precision, and against Adam. */
class AmsgradTest {
    // a burst of large gradients, then small ones of the other sign: where AMSGrad and Adam part
    private static final double[][] GRADIENTS = {
        {10, -1}, {8, -2}, {0.1, 0.5}, {-0.1, 0.2}, {-0.2, 0.1}, {-0.3, -0.1}, {-0.1, 0.05}
    };

    @Test
    void followsTheAmsgradRecurrence() {
        double[] expected = reference(true, t -> 0.01, 0.999), adam = reference(false, t -> 0.01, 0.999);
        double[] got = run(new Amsgrad(Tracker.fixed(0.01f)));
        for (int i = 0; i < 2; i++) assertEquals(expected[i], got[i], 1e-6, "weight " + i);
        double[] djlAdam = run(
                Optimizer.adam().optLearningRateTracker(Tracker.fixed(0.01f)).build());
        assertEquals(adam[0], djlAdam[0], 1e-6, "the reference without the maximum is DJL's Adam");
        assertTrue(Math.abs(expected[0] - adam[0]) > 1e-5, "AMSGrad " + expected[0] + " vs Adam " + adam[0]);
    }

    @Test
    void keepsItsStepSmallAfterABurstWhereAdamDoesNot() {
        // with a short second-moment memory (β2 = 0.9) Adam's v forgets the burst within the sequence
        double[] expected = reference(true, t -> 0.01, 0.9), adam = reference(false, t -> 0.01, 0.9);
        double[] got = run(new Amsgrad(Tracker.fixed(0.01f), 0.9f, 0.9f, 1e-8f));
        for (int i = 0; i < 2; i++) assertEquals(expected[i], got[i], 1e-6, "weight " + i);
        assertTrue(Math.abs(expected[0] - adam[0]) > 1e-3, "AMSGrad " + expected[0] + " vs Adam " + adam[0]);
    }

    @Test
    void learningRateFollowsTheTrackerPerUpdate() {
        IntToDoubleFunction rate = t -> 0.01 * Math.pow(0.5, t - 1);
        double[] expected = reference(true, rate, 0.999);
        double[] got = run(new Amsgrad((Tracker) t -> (float) rate.applyAsDouble(t)));
        for (int i = 0; i < 2; i++) assertEquals(expected[i], got[i], 1e-6);
    }

    @Test
    void trainsThroughADjlTrainerWithFreshGradientsEveryStep() {
        // least squares y = w·x on four points, the gradient 2/n Σ (w·x − y) x recomputed in double
        float[][] x = {{1, 2}, {-1, 0.5f}, {0.3f, -2}, {2, 1}};
        float[] y = {1, -2, 0.5f, 3};
        double[] w = {1, 1}, m = new double[2], v = new double[2], vMax = new double[2];
        int steps = 6;
        for (int t = 1; t <= steps; t++) {
            double[] g = new double[2];
            for (int i = 0; i < 4; i++) {
                double r = w[0] * x[i][0] + w[1] * x[i][1] - y[i];
                for (int j = 0; j < 2; j++) g[j] += 2 * r * x[i][j] / 4;
            }
            for (int j = 0; j < 2; j++) {
                m[j] = 0.9 * m[j] + 0.1 * g[j];
                v[j] = 0.999 * v[j] + 0.001 * g[j] * g[j];
                vMax[j] = Math.max(vMax[j], v[j]);
                w[j] -= 0.1
                        / (1 - Math.pow(0.9, t))
                        * m[j]
                        / (Math.sqrt(vMax[j]) / Math.sqrt(1 - Math.pow(0.999, t)) + 1e-8);
            }
        }
        ai.djl.nn.core.Linear block =
                ai.djl.nn.core.Linear.builder().setUnits(1).optBias(false).build();
        try (ai.djl.Model model = ai.djl.Model.newInstance("ls", ai.djl.Device.cpu())) {
            model.setBlock(block);
            ai.djl.training.DefaultTrainingConfig config = new ai.djl.training.DefaultTrainingConfig(
                            ai.djl.training.loss.Loss.l2Loss())
                    .optInitializer(ai.djl.training.initializer.Initializer.ONES, ai.djl.nn.Parameter.Type.WEIGHT)
                    .optOptimizer(new Amsgrad(Tracker.fixed(0.1f)));
            try (ai.djl.training.Trainer trainer = model.newTrainer(config)) {
                trainer.initialize(new ai.djl.ndarray.types.Shape(4, 2));
                NDManager manager = trainer.getManager();
                NDArray input = manager.create(new float[][] {x[0], x[1], x[2], x[3]});
                NDArray target = manager.create(y).reshape(4, 1);
                for (int t = 1; t <= steps; t++) {
                    try (ai.djl.training.GradientCollector gc = trainer.newGradientCollector()) {
                        NDArray prediction = trainer.forward(new ai.djl.ndarray.NDList(input))
                                .singletonOrThrow();
                        gc.backward(prediction.sub(target).square().mean());
                    }
                    trainer.step();
                }
                float[] got = block.getParameters().get("weight").getArray().toFloatArray();
                for (int j = 0; j < 2; j++)
                    assertEquals(w[j], got[j], 1e-5, "weight " + j + " after " + steps + " steps");
            }
        }
    }

    private static double[] run(Optimizer optimizer) {
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            NDArray w = manager.create(new float[] {1, -1});
            for (double[] g : GRADIENTS) {
                try (NDArray grad = manager.create(new float[] {(float) g[0], (float) g[1]})) {
                    optimizer.update("w", w, grad);
                }
            }
            float[] out = w.toFloatArray();
            return new double[] {out[0], out[1]};
        }
    }

    private static double[] reference(boolean amsgrad, IntToDoubleFunction rate, double b2) {
        double b1 = 0.9, eps = 1e-8;
        double[] w = {1, -1}, m = new double[2], v = new double[2], vMax = new double[2];
        for (int t = 1; t <= GRADIENTS.length; t++) {
            for (int i = 0; i < 2; i++) {
                double g = GRADIENTS[t - 1][i];
                m[i] = b1 * m[i] + (1 - b1) * g;
                v[i] = b2 * v[i] + (1 - b2) * g * g;
                vMax[i] = amsgrad ? Math.max(vMax[i], v[i]) : v[i];
                w[i] -= rate.applyAsDouble(t)
                        / (1 - Math.pow(b1, t))
                        * m[i]
                        / (Math.sqrt(vMax[i]) / Math.sqrt(1 - Math.pow(b2, t)) + eps);
            }
        }
        return w;
    }
}
