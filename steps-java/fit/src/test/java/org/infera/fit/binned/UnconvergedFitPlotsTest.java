package org.infera.fit.binned;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fit step's plots when fits did not converge: what cannot be drawn is left out, and the step goes on. */
class UnconvergedFitPlotsTest {
    /** Fits that did not converge give σ = ∞ (or NaN): the chart leaves their bars out instead of failing the step. */
    @Test
    void aSigmaThatIsNotFiniteGetsNoBarAndTheChartIsWritten(@TempDir Path dir) throws Exception {
        Path png = dir.resolve("sigma.png");
        SigmaChart.write(
                png,
                Map.of(
                        "classifier", Map.of(0, 15.0, 1, Double.POSITIVE_INFINITY),
                        "pivot", Map.of(0, 16.0, 1, Double.NaN)));
        assertTrue(Files.size(png) > 1000, "a PNG was written");
    }

    /** A scan point whose fit failed (ΔNLL = ∞ or NaN) is not drawn; the others are, in their order. */
    @Test
    void aScanKeepsItsFinitePointsOnly() {
        double inf = Double.POSITIVE_INFINITY;
        double[][] kept =
                ScanPlot.finitePoints(new double[] {-1, 0, 1, 2, 3}, new double[] {0.5, inf, 0.0, Double.NaN, 0.5});
        assertArrayEquals(new double[] {-1, 1, 3}, kept[0]);
        assertArrayEquals(new double[] {0.5, 0.0, 0.5}, kept[1]);
    }
}
