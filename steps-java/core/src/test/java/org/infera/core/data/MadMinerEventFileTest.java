package org.infera.core.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.RealMatrix;
import org.junit.jupiter.api.Test;

/** Reads the real MadMiner file in ../shared/fixtures as MadMiner (h5py) wrote it. */
public class MadMinerEventFileTest {
    public static Path fixture() {
        Path repo = Path.of(System.getProperty("infera.repo", "../.."));
        Path p = repo.resolve("../shared/fixtures/madminer_dummy_data.h5").normalize();
        assertTrue(Files.isRegularFile(p), "fixture missing: " + p);
        return p;
    }

    @Test
    void readsTheFixtureAsItIs() {
        MadMinerEventFile f = MadMinerEventFile.read(fixture());
        assertArrayEquals(new String[] {"CWL2", "CPWL2"}, f.parameters());
        assertEquals(6, f.benchmarks().length);
        assertEquals("sm", f.benchmarks()[0]);
        assertEquals("w", f.benchmarks()[1]);
        assertArrayEquals(new double[] {0, 0}, f.benchmarkValues()[0], 0);
        assertArrayEquals(new double[] {10, 0}, f.benchmarkValues()[1], 0);
        assertEquals(5821, f.events());
        assertArrayEquals(new String[] {"pt_j1", "delta_phi_jj"}, f.observables());
        assertEquals(6, f.weights()[0].length);
        long[][] expected = {{0, 0}, {0, 1}, {0, 2}, {1, 0}, {1, 1}, {2, 0}};
        for (int c = 0; c < 6; c++) assertArrayEquals(expected[c], f.morphingComponents()[c]);
    }

    @Test
    void morphingMatrixInvertsTheComponentsAtTheBasisBenchmarks() {
        // A[b][c] = Π_p θ_b,p^k(c,p); MadMiner stores M = A⁻¹ as [component][benchmark], so M A = 1.
        MadMinerEventFile f = MadMinerEventFile.read(fixture());
        int n = f.benchmarks().length;
        double[][] a = new double[n][n];
        for (int b = 0; b < n; b++) {
            for (int c = 0; c < n; c++) {
                double v = 1;
                for (int p = 0; p < f.parameters().length; p++)
                    v *= Math.pow(f.benchmarkValues()[b][p], f.morphingComponents()[c][p]);
                a[b][c] = v;
            }
        }
        RealMatrix product = MatrixUtils.createRealMatrix(f.morphingMatrix()).multiply(MatrixUtils.createRealMatrix(a));
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++)
                assertEquals(i == j ? 1 : 0, product.getEntry(i, j), 1e-6, "(M A)[" + i + "][" + j + "]");
        }
    }
}
