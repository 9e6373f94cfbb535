package org.infera.core.morphing;

import org.hipparchus.linear.LUDecomposition;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.RealMatrix;
import org.infera.core.cli.InputException;

/**
 * MadMiner's morphing: the squared matrix element is a polynomial in the theory parameters θ whose
 * monomials ("components") c have powers k(c, p), so weights known at as many basis benchmarks θ_b as
 * there are components determine the weight at any θ. With A[b][c] = Π_p θ_b,p^k(c,p) and
 * M = A⁻¹ (stored as [component][benchmark], MadMiner's {@code morphing/morphing_matrix}), the
 * benchmark weights are w_b(θ) = Σ_c M[c][b] Π_p θ_p^k(c,p), and an event's weight at θ is
 * Σ_b w_b(θ) W[event][b].
 */
public final class Morphing implements BenchmarkCoefficients {
    private final long[][] components; // [component][parameter]
    private final double[][] matrix; // [component][benchmark]

    public Morphing(long[][] components, double[][] matrix) {
        this.components = components;
        this.matrix = matrix;
    }

    /** The morphing matrix for basis benchmarks θ_b [benchmark][parameter]: M = A⁻¹. */
    public static Morphing fromBasis(long[][] components, double[][] basis) {
        int n = components.length;
        if (basis.length != n) {
            throw new InputException("morphing needs as many basis benchmarks as components: " + basis.length
                    + " benchmarks, " + n + " components");
        }
        double[][] a = new double[n][n];
        for (int b = 0; b < n; b++) for (int c = 0; c < n; c++) a[b][c] = monomial(components[c], basis[b]);
        LUDecomposition lu = new LUDecomposition(MatrixUtils.createRealMatrix(a), 1e-300);
        if (!lu.getSolver().isNonSingular())
            throw new InputException("morphing: the basis benchmarks do not determine the components (A is singular)");
        RealMatrix inverse = lu.getSolver().getInverse();
        return new Morphing(components, inverse.getData());
    }

    public double[][] matrix() {
        return matrix;
    }

    @Override
    public int benchmarks() {
        return matrix[0].length;
    }

    public int parameters() {
        return components[0].length;
    }

    /** w_b(θ): the coefficient of each basis benchmark's weight in the weight at θ. */
    @Override
    public double[] benchmarkWeights(double[] theta) {
        double[] w = new double[benchmarks()];
        for (int c = 0; c < components.length; c++) {
            double m = monomial(components[c], theta);
            for (int b = 0; b < w.length; b++) w[b] += matrix[c][b] * m;
        }
        return w;
    }

    /** ∂w_b(θ)/∂θ_p, as [parameter][benchmark]. */
    public double[][] benchmarkWeightGradients(double[] theta) {
        double[][] g = new double[parameters()][benchmarks()];
        for (int c = 0; c < components.length; c++) {
            for (int p = 0; p < parameters(); p++) {
                long k = components[c][p];
                if (k == 0) continue;
                // ∂/∂θ_p Π_q θ_q^k(c,q) = k θ_p^(k−1) Π_{q≠p} θ_q^k(c,q)
                double d = k * Math.pow(theta[p], k - 1);
                for (int q = 0; q < parameters(); q++) if (q != p) d *= Math.pow(theta[q], components[c][q]);
                for (int b = 0; b < benchmarks(); b++) g[p][b] += matrix[c][b] * d;
            }
        }
        return g;
    }

    /** Per event, ∂w(θ)/∂θ_p as [event][parameter]. */
    public double[][] eventWeightGradients(double[][] weights, double[] theta) {
        double[][] gb = benchmarkWeightGradients(theta);
        double[][] out = new double[weights.length][parameters()];
        for (int e = 0; e < weights.length; e++) {
            for (int p = 0; p < parameters(); p++) {
                double s = 0;
                for (int b = 0; b < benchmarks(); b++) s += gb[p][b] * weights[e][b];
                out[e][p] = s;
            }
        }
        return out;
    }

    private static double monomial(long[] powers, double[] theta) {
        double v = 1;
        for (int p = 0; p < powers.length; p++) v *= Math.pow(theta[p], powers[p]);
        return v;
    }
}
