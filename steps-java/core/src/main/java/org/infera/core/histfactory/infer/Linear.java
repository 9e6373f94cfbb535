package org.infera.core.histfactory.infer;

/** Small dense linear algebra for fits: Cholesky solves and inverses on the free parameters. */
final class Linear {
    private Linear() {}

    /** Solves (H + λ·|diag H|) x = b on the indices {@code idx}; null if that matrix is not positive definite. */
    static double[] solve(double[][] h, double[] b, int[] idx, double lambda) {
        double[][] l = cholesky(h, idx, lambda);
        return l == null ? null : solve(l, b);
    }

    /** Lower-triangular L with L·Lᵀ = H[idx][idx] + λ·|diag|, or null if not positive definite. */
    static double[][] cholesky(double[][] h, int[] idx, double lambda) {
        int n = idx.length;
        double[][] l = new double[n][n];
        for (int i = 0; i < n; i++) {
            double[] li = l[i];
            double[] hi = h[idx[i]];
            for (int j = 0; j <= i; j++) {
                double s = hi[idx[j]];
                if (i == j) s += lambda * Math.max(Math.abs(hi[idx[i]]), 1e-12);
                double[] lj = l[j];
                for (int k = 0; k < j; k++) s -= li[k] * lj[k];
                if (i == j) {
                    if (!(s > 0)) return null;
                    li[i] = Math.sqrt(s);
                } else {
                    li[j] = s / lj[j];
                }
            }
        }
        return l;
    }

    static double[] solve(double[][] l, double[] b) {
        int n = b.length;
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double s = b[i];
            for (int k = 0; k < i; k++) s -= l[i][k] * y[k];
            y[i] = s / l[i][i];
        }
        double[] x = new double[n];
        for (int i = n - 1; i >= 0; i--) {
            double s = y[i];
            for (int k = i + 1; k < n; k++) s -= l[k][i] * x[k];
            x[i] = s / l[i][i];
        }
        return x;
    }

    /**
     * Inverse of H restricted to the free parameters, embedded in a full-size matrix (zeros elsewhere); NaN if
     * singular.
     */
    static double[][] inverseOnFree(double[][] h, boolean[] fixed) {
        int p = h.length;
        int[] idx =
                java.util.stream.IntStream.range(0, p).filter(i -> !fixed[i]).toArray();
        double[][] out = new double[p][p];
        double[][] l = cholesky(h, idx, 0);
        for (int c = 0; c < idx.length; c++) {
            double[] e = new double[idx.length];
            e[c] = 1;
            double[] col = l == null ? null : solve(l, e);
            for (int r = 0; r < idx.length; r++) out[idx[r]][idx[c]] = col == null ? Double.NaN : col[r];
        }
        return out;
    }
}
