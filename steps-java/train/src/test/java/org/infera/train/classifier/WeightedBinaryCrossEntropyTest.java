package org.infera.train.classifier;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The weighted cross-entropy through libtorch's softplus against its closed form in double, far into both tails. */
class WeightedBinaryCrossEntropyTest {
    @BeforeAll
    static void offline() {
        System.setProperty("ai.djl.offline", "true");
    }

    @Test
    void equalsTheStableClosedFormIncludingLargeLogits() {
        float[] z = {-60, -18, -3, -0.5f, 0, 0.7f, 4, 25, 80};
        float[] y = {0, 1, 0, 1, 1, 0, 1, 0, 1};
        float[] w = {0.5f, 2, 1, 1.5f, 0.25f, 3, 1, 0.75f, 2};
        double sum = 0, weight = 0;
        for (int i = 0; i < z.length; i++) {
            double perEvent = Math.max(z[i], 0) - z[i] * y[i] + Math.log1p(Math.exp(-Math.abs(z[i])));
            sum += w[i] * perEvent;
            weight += w[i];
        }
        try (NDManager m = NDManager.newBaseManager()) {
            NDList labels = new NDList(m.create(y), m.create(w));
            float got = new WeightedBinaryCrossEntropy()
                    .evaluate(labels, new NDList(m.create(z, new Shape(z.length, 1))))
                    .getFloat();
            assertEquals(sum / weight, got, 1e-6 * sum / weight);
        }
    }
}
