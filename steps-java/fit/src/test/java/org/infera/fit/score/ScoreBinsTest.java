package org.infera.fit.score;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.infera.core.random.Rng;
import org.junit.jupiter.api.Test;

/** SALLY's bins of fresh events: the lower edges put every event of the run back in its own bin. */
class ScoreBinsTest {
    @Test
    void freshEventsAreBinnedAsTheRunsOwn() {
        Rng rng = new Rng(3);
        int n = 5000;
        float[][] score = new float[2][n];
        double[] weight = new double[n];
        for (int e = 0; e < n; e++) {
            score[0][e] = (float) rng.gaussian();
            score[1][e] = (float) (3 * rng.uniform());
            weight[e] = 0.5 + rng.uniform();
        }
        ScoreBins bins = new ScoreBins(score, weight, 4);
        assertEquals(16, bins.count());
        int[] counts = new int[16];
        for (int e = 0; e < n; e++) {
            assertEquals(bins.eventBins()[e], bins.binOf(new double[] {score[0][e], score[1][e]}), "event " + e);
            counts[bins.eventBins()[e]]++;
        }
        // beyond the run's range: the outermost bins
        assertEquals(0, bins.binOf(new double[] {-100, -100}));
        assertEquals(15, bins.binOf(new double[] {100, 100}));
        // each component's quartiles: independent components, so about n/16 events per bin
        for (int c : counts) assertEquals(n / 16.0, c, 5 * Math.sqrt(n / 16.0));
    }
}
