package org.infera.augment;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.infera.core.cli.InputException;
import org.infera.core.data.MadMinerEventFile;
import org.infera.core.data.ScoreSamplesFile;
import org.infera.core.data.Split;
import org.infera.core.morphing.JointScore;
import org.infera.core.morphing.Morphing;
import org.infera.core.random.Rng;

/**
 * MadMiner's {@code sample_train_local}: weighted events (MadMiner files, shards in name order)
 * partitioned into train / validation / test, then each partition unweighted at θ — drawn with
 * replacement with probability w(θ)/Σw, negative weights clipped to 0 — with each drawn event's joint
 * score t(x, z | θ) from the morphing. The effective sample size (Σw)²/Σw² is reported.
 */
final class ScoreAugment {
    private ScoreAugment() {}

    static ScoreSamplesFile run(List<Path> files, double[] theta, int draws, double[] fractions, long seed) {
        MadMinerEventFile first = MadMinerEventFile.readAll(files);
        if (!first.hasMorphing()) throw new InputException(files.get(0) + ": no morphing group: the joint score needs morphing/components and morphing_matrix");
        if (theta.length != first.parameters().length) {
            throw new InputException("--score-at has " + theta.length + " values but the events have parameters " + Arrays.toString(first.parameters()));
        }
        double[][] observations = first.observations();
        double[][] weights = first.weights();
        Morphing morphing = new Morphing(first.morphingComponents(), first.morphingMatrix());
        double[] atTheta = morphing.eventWeights(weights, theta);
        double[][] score = JointScore.at(morphing, weights, theta);
        double sum = 0, sumSquares = 0;
        for (double v : atTheta) {
            double c = Math.max(v, 0);
            sum += c;
            sumSquares += c * c;
        }
        if (!(sum > 0)) throw new InputException("the events have no positive weight at θ = " + Arrays.toString(theta));

        // partition the events (shuffled), then unweight each partition on its own
        Rng rng = new Rng(seed);
        int[] order = new int[observations.length];
        for (int i = 0; i < order.length; i++) order[i] = i;
        rng.shuffle(order);
        Map<Split, ScoreSamplesFile.Scores> splits = new EnumMap<>(Split.class);
        int start = 0;
        for (Split s : Split.values()) {
            int size = s == Split.TEST ? order.length - start : (int) Math.round(fractions[s.ordinal()] * order.length);
            int[] members = Arrays.copyOfRange(order, start, start + size);
            start += size;
            int n = (int) Math.round(fractions[s.ordinal()] * draws);
            splits.put(s, unweight(members, atTheta, observations, score, n, rng, s));
        }
        return new ScoreSamplesFile(first.parameters(), first.observables(), theta.clone(), seed, sum * sum / sumSquares, splits);
    }

    private static ScoreSamplesFile.Scores unweight(int[] members, double[] w, double[][] x, double[][] t, int n, Rng rng, Split s) {
        double[] cumulative = new double[members.length];
        double total = 0;
        for (int i = 0; i < members.length; i++) {
            total += Math.max(w[members[i]], 0);
            cumulative[i] = total;
        }
        if (!(total > 0)) throw new InputException("the " + s.group() + " partition has no event with positive weight");
        double[][] xs = new double[n][], ts = new double[n][];
        for (int k = 0; k < n; k++) {
            int i = Arrays.binarySearch(cumulative, rng.uniform() * total);
            if (i < 0) i = -i - 1;
            i = Math.min(i, members.length - 1);
            xs[k] = x[members[i]].clone();
            ts[k] = t[members[i]].clone();
        }
        return new ScoreSamplesFile.Scores(xs, ts);
    }
}
