package org.infera.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.training.tracker.Tracker;
import org.junit.jupiter.api.Test;

/** MadMiner's schedule against its closed form: rate(epoch e) = first · (last/first)^(e/(epochs − 1)). */
class LearningRateDecayTest {
    @Test
    void decaysGeometricallyFromTheFirstEpochToTheLast() {
        int epochs = 11, steps = 7;
        Tracker rate = LearningRateDecay.exponential(1e-3, 1e-4, epochs, steps);
        assertEquals(1e-3, rate.getNewValue(0), 1e-10);
        assertEquals(1e-3, rate.getNewValue(steps - 1), 1e-10); // constant within the first epoch
        assertEquals(Math.sqrt(1e-3 * 1e-4), rate.getNewValue(5 * steps), 1e-10); // the geometric mean half-way
        assertEquals(1e-4, rate.getNewValue(10 * steps + 3), 1e-10);
    }

    @Test
    void aLastRateEqualToTheFirstIsTheConstantRateValueForValue() {
        Tracker rate = LearningRateDecay.exponential(1e-3, 1e-3, 100, 200);
        for (int update : new int[] {0, 1, 199, 200, 12345, 19999})
            assertEquals((float) 1e-3, rate.getNewValue(update), 0.0f);
    }
}
