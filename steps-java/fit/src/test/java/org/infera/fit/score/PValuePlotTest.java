package org.infera.fit.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PValuePlotTest {
    @TempDir
    Path dir;

    @Test
    void bilinearInterpolationIsExactForBilinearValues() {
        double[][] axes = {{-1, 0, 2}, {0, 1, 3, 4}};
        double[][] p = new double[3][4];
        for (int a = 0; a < 3; a++)
            for (int b = 0; b < 4; b++) p[a][b] = 1 + 2 * axes[0][a] - axes[1][b] + 0.5 * axes[0][a] * axes[1][b];
        for (double x : new double[] {-1, -0.3, 0, 1.7, 2}) {
            for (double y : new double[] {0, 0.4, 2.2, 4})
                assertEquals(1 + 2 * x - y + 0.5 * x * y, PValuePlot.interpolate(p, axes, x, y), 1e-12);
        }
    }

    @Test
    void drawsContoursOfAGaussianRegion() throws Exception {
        double[][] axes = {new double[41], new double[41]};
        for (int i = 0; i <= 40; i++) axes[0][i] = axes[1][i] = -1 + 0.05 * i;
        List<double[]> points = new ArrayList<>();
        for (double x : axes[0])
            for (double y : axes[1]) points.add(new double[] {x, y, Math.exp(-(x * x / 0.1 + y * y / 0.2) / 2)});
        Path png = dir.resolve("p.png");
        PValuePlot.write(png, new String[] {"a", "b"}, axes, points, new double[] {0, 0}, 100);
        assertTrue(Files.size(png) > 1000);
    }
}
