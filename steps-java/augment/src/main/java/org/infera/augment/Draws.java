package org.infera.augment;

import org.infera.core.data.Split;

/** How many of the --draws unweighted events a split gets, and how a split's share divides among points. */
final class Draws {
    private Draws() {}

    static int of(double[] fractions, Split split, int draws) {
        return Math.max(1, (int) Math.round(fractions[split.ordinal()] * draws));
    }

    /** The share of point k of {@code points} in n draws: equal, the remainder to the first points. */
    static int share(int n, int points, int k) {
        return n / points + (k < n % points ? 1 : 0);
    }
}
