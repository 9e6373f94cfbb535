package org.infera.fit;

import java.util.Arrays;

/** The median the summaries report over replicas: the mean of the two middle values for an even count. */
public final class Median {
    private Median() {}

    public static double of(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }
}
