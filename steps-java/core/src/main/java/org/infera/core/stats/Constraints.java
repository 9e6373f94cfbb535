package org.infera.core.stats;

/**
 * Which parameters float in a fit and the Gaussian constraint width of each (0 for none), indexed
 * like the parameters of a Fisher information matrix. Constraints are centred on the nominal values.
 */
public record Constraints(boolean[] floating, double[] width) {
    public boolean constrained(int a) {
        return width[a] > 0;
    }

    /** The information of the main measurement plus 1/σ_a² for each Gaussian-constrained parameter. */
    public double[][] addedTo(double[][] info) {
        double[][] out = new double[info.length][];
        for (int a = 0; a < info.length; a++) {
            out[a] = info[a].clone();
            if (constrained(a)) out[a][a] += 1 / (width[a] * width[a]);
        }
        return out;
    }

    /** The parameters a σ of {@code target} holds fixed: all but the target and the floating ones. */
    public boolean[] fixedFor(int target) {
        boolean[] fixed = new boolean[floating.length];
        for (int a = 0; a < fixed.length; a++) fixed[a] = a != target && !floating[a];
        return fixed;
    }
}
