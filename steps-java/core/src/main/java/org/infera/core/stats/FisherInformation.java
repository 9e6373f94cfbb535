package org.infera.core.stats;

import org.hipparchus.linear.LUDecomposition;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.RealMatrix;

/**
 * The Asimov Fisher information of the binned Poisson likelihood, I_ab = Σ_i ∂_aν_i ∂_bν_i / ν_i
 * plus 1/σ_a² for each Gaussian-constrained parameter. At the Asimov point the terms with second
 * derivatives of ν vanish, so this is the exact Hessian of the negative log-likelihood there.
 */
public final class FisherInformation {
    private FisherInformation() {}

    public static double[][] asimov(BinnedModel model, double[] theta, Constraints constraints) {
        double[] nu = model.expected(theta);
        double[][] d = model.jacobian(theta);
        int n = model.parameters();
        double[][] info = new double[n][n];
        for (int a = 0; a < n; a++) {
            for (int b = 0; b <= a; b++) {
                double s = 0;
                for (int i = 0; i < nu.length; i++) s += d[a][i] * d[b][i] / nu[i];
                info[a][b] = s;
                info[b][a] = s;
            }
        }
        return withConstraints(info, constraints);
    }

    /** The information of the main measurement plus 1/σ_a² for each Gaussian-constrained parameter. */
    public static double[][] withConstraints(double[][] info, Constraints constraints) {
        double[][] out = new double[info.length][];
        for (int a = 0; a < info.length; a++) {
            out[a] = info[a].clone();
            if (constraints.constrained(a)) out[a][a] += 1 / (constraints.width()[a] * constraints.width()[a]);
        }
        return out;
    }

    /**
     * σ of parameter {@code target}, sqrt((I⁻¹)_tt), with the floating parameters of
     * {@code constraints} profiled and all others fixed.
     */
    public static double sigma(double[][] info, int target, boolean[] floating) {
        int[] keep = java.util.stream.IntStream.range(0, info.length).filter(a -> a == target || floating[a]).toArray();
        RealMatrix sub = MatrixUtils.createRealMatrix(info).getSubMatrix(keep, keep);
        RealMatrix inverse = new LUDecomposition(sub).getSolver().getInverse();
        int t = java.util.Arrays.binarySearch(keep, target);
        return Math.sqrt(inverse.getEntry(t, t));
    }
}
