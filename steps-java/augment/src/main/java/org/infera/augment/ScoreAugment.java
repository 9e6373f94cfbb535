package org.infera.augment;

import java.util.EnumMap;
import java.util.Map;
import org.infera.core.data.ScoreSamplesFile;
import org.infera.core.data.Split;
import org.infera.core.random.Rng;

/**
 * MadMiner's {@code sample_train_local}: each partition unweighted at θ, every drawn event with its
 * joint score t(x, z | θ) from the morphing.
 */
final class ScoreAugment {
    private ScoreAugment() {}

    static ScoreSamplesFile run(WeightedEvents events, double[] theta, int draws, double[] fractions, long seed) {
        double[] w = events.weightsAt(theta);
        double ess = events.effectiveSampleSize(w, theta);
        double[][] score = events.jointScore(theta, w);
        double[][] x = events.file.observations();
        Rng rng = new Rng(Rng.derivedSeed(events.drawSeed(), 1));
        Map<Split, ScoreSamplesFile.Scores> splits = new EnumMap<>(Split.class);
        for (Split s : Split.values()) {
            int[] drawn = events.unweight(s, theta, w, Draws.of(fractions, s, draws), rng);
            double[][] xs = new double[drawn.length][], ts = new double[drawn.length][];
            for (int k = 0; k < drawn.length; k++) {
                xs[k] = x[drawn[k]].clone();
                ts[k] = score[drawn[k]].clone();
            }
            splits.put(s, new ScoreSamplesFile.Scores(xs, ts));
        }
        return new ScoreSamplesFile(
                events.file.parameters(), events.file.observables(), theta.clone(), seed, ess, splits);
    }
}
