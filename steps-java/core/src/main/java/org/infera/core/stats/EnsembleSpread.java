package org.infera.core.stats;

/**
 * The combination of K trainings of one network (an ensemble, members trained with derived seeds): the mean
 * of their predictions is the ensemble's prediction, and the sample standard deviation over members of a
 * quantity (a prediction, or what each member gives downstream: its Fisher information, its limits) is the
 * training uncertainty of that quantity, as the ATLAS neural simulation-based inference analysis reports it.
 */
public final class EnsembleSpread {
    private EnsembleSpread() {}

    /** The mean over members. */
    public static double mean(double[] members) {
        double sum = 0;
        for (double v : members) sum += v;
        return sum / members.length;
    }

    /** The sample standard deviation over members, sqrt(Σ (v − mean)² / (K − 1)); 0 for one member. */
    public static double std(double[] members) {
        if (members.length < 2) return 0;
        double mean = mean(members), squares = 0;
        for (double v : members) squares += (v - mean) * (v - mean);
        return Math.sqrt(squares / (members.length - 1));
    }

    /** Element by element over members' matrices [member][row][column]: the mean (std: false) or the spread. */
    public static double[][] elementwise(double[][][] members, boolean std) {
        double[][] out = new double[members[0].length][];
        double[] column = new double[members.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = new double[members[0][i].length];
            for (int j = 0; j < out[i].length; j++) {
                for (int k = 0; k < members.length; k++) column[k] = members[k][i][j];
                out[i][j] = std ? std(column) : mean(column);
            }
        }
        return out;
    }
}
