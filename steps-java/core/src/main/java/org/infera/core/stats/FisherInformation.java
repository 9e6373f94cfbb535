package org.infera.core.stats;

import org.hipparchus.linear.LUDecomposition;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.RealMatrix;

/**
 * σ of one parameter from a Fisher information matrix in physical units (the analytic rows of the
 * benchmark table), with Gaussian constraints added and only the floating parameters profiled. The
 * binned fits use the HistFactory engine's {@code histfactory.infer.FisherInformation}.
 */
public final class FisherInformation {
    private FisherInformation() {}

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
