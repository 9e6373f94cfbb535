package org.infera.augment;

import org.infera.core.data.Split;
import org.infera.core.data.TestSamplesFile;
import org.infera.core.random.Rng;

/**
 * MadMiner's {@code sample_test}: unweighted events at one or several θ, drawn from the test
 * partition only (the same partition the training samples of this seed leave out).
 */
final class TestAugment {
    private TestAugment() {}

    static TestSamplesFile run(WeightedEvents events, double[][] thetas, int draws, long seed) {
        double[][] x = events.file.observations();
        double[][] xs = new double[draws][], theta = new double[draws][];
        double[] ess = new double[thetas.length];
        Rng rng = new Rng(Rng.derivedSeed(events.drawSeed(), 2));
        int row = 0; // a shard fills only its share of the draws
        for (int k = 0; k < thetas.length; k++) {
            double[] w = events.weightsAt(thetas[k]);
            ess[k] = events.effectiveSampleSize(w, thetas[k]);
            for (int e : events.unweight(Split.TEST, thetas[k], w, Draws.share(draws, thetas.length, k), rng)) {
                xs[row] = x[e].clone();
                theta[row++] = thetas[k].clone();
            }
        }
        return new TestSamplesFile(
                events.file.parameters(),
                events.file.observables(),
                thetas,
                seed,
                ess,
                java.util.Arrays.copyOf(xs, row),
                java.util.Arrays.copyOf(theta, row));
    }
}
