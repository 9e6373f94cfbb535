package org.infera.core.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class QuadraticInterpolationTest {
    private static final double NOM = 10, UP = 13, DOWN = 8.5;

    @Test
    void passesThroughTheThreeTemplates() {
        assertEquals(0, QuadraticInterpolation.delta(NOM, UP, DOWN, 0), 1e-15);
        assertEquals(UP - NOM, QuadraticInterpolation.delta(NOM, UP, DOWN, 1), 1e-12);
        assertEquals(DOWN - NOM, QuadraticInterpolation.delta(NOM, UP, DOWN, -1), 1e-12);
    }

    @Test
    void derivativesMatchFiniteDifferencesInsideAndOutside() {
        for (double a : new double[] {-2.5, -1.3, -0.7, 0, 0.4, 0.99, 1.7, 3}) {
            double h = 1e-6;
            double fd = (QuadraticInterpolation.delta(NOM, UP, DOWN, a + h) - QuadraticInterpolation.delta(NOM, UP, DOWN, a - h)) / (2 * h);
            assertEquals(fd, QuadraticInterpolation.derivative(NOM, UP, DOWN, a), 1e-7, "slope at α = " + a);
            double fd2 = (QuadraticInterpolation.derivative(NOM, UP, DOWN, a + h) - QuadraticInterpolation.derivative(NOM, UP, DOWN, a - h)) / (2 * h);
            assertEquals(fd2, QuadraticInterpolation.secondDerivative(NOM, UP, DOWN, a), 1e-6, "curvature at α = " + a);
        }
    }

    @Test
    void slopeIsContinuousAtTheJoins() {
        for (double edge : new double[] {-1, 1}) {
            double inside = QuadraticInterpolation.derivative(NOM, UP, DOWN, edge * (1 - 1e-12));
            double outside = QuadraticInterpolation.derivative(NOM, UP, DOWN, edge * (1 + 1e-12));
            assertEquals(inside, outside, 1e-9);
        }
    }
}
