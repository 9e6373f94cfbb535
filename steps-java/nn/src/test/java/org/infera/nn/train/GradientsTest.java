package org.infera.nn.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import java.util.List;
import org.infera.nn.Networks;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The one-round-trip check that every gradient is finite, on finite gradients and with one entry spoiled. */
class GradientsTest {
    @BeforeAll
    static void offline() {
        System.setProperty("ai.djl.offline", "true");
    }

    @Test
    void finiteOnlyWhileNoEntryIsInfiniteOrNaN() {
        try (Model model = Model.newInstance("gradients")) {
            model.setBlock(Networks.mlp(List.of(4), "relu", 2));
            try (Trainer trainer = model.newTrainer(new DefaultTrainingConfig(Loss.l2Loss()))) {
                trainer.initialize(new Shape(1, 3));
                try (GradientCollector gc = trainer.newGradientCollector()) {
                    NDArray x = trainer.getManager().create(new float[] {1, 2, 3, 4, 5, 6}, new Shape(2, 3));
                    gc.backward(
                            trainer.forward(new NDList(x)).singletonOrThrow().sum());
                }
                assertEquals(true, Gradients.finite(trainer), "finite gradients");
                for (float bad : new float[] {Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.NaN}) {
                    var parameters = trainer.getModel().getBlock().getParameters();
                    NDArray g = parameters
                            .get(parameters.size() - 1)
                            .getValue()
                            .getArray()
                            .getGradient();
                    float[] values = g.toFloatArray();
                    float kept = values[1];
                    values[1] = bad;
                    g.set(values);
                    assertEquals(false, Gradients.finite(trainer), "a gradient entry " + bad);
                    values[1] = kept;
                    g.set(values);
                    assertEquals(true, Gradients.finite(trainer), "restored");
                }
            }
        }
    }
}
