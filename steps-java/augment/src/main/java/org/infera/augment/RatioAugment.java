package org.infera.augment;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.infera.core.cli.InputException;
import org.infera.core.data.RatioSamplesFile;
import org.infera.core.data.Split;
import org.infera.core.random.Rng;

/**
 * MadMiner's {@code sample_train_ratio}: for each pair (θ0, θ1), half of the pair's draws unweighted
 * at θ0 (label y = 0) and half at θ1 (y = 1), each event with the joint likelihood ratio
 * r(x, z | θ0, θ1) = (w(θ0)/σ(θ0)) / (w(θ1)/σ(θ1)) and the joint scores t(x, z | θ0), t(x, z | θ1),
 * the targets of CARL, ROLR, RASCAL and ALICES.
 */
final class RatioAugment {
    private RatioAugment() {}

    static RatioSamplesFile run(
            WeightedEvents events, double[][] theta0, double[][] theta1, int draws, double[] fractions, long seed) {
        int pairs = theta0.length;
        double[][] w0 = new double[pairs][], w1 = new double[pairs][], r = new double[pairs][];
        double[][][] t0 = new double[pairs][][], t1 = new double[pairs][][];
        double[] ess0 = new double[pairs], ess1 = new double[pairs];
        for (int k = 0; k < pairs; k++) {
            w0[k] = events.weightsAt(theta0[k]);
            w1[k] = events.weightsAt(theta1[k]);
            ess0[k] = events.effectiveSampleSize(w0[k], theta0[k]);
            ess1[k] = events.effectiveSampleSize(w1[k], theta1[k]);
            r[k] = events.ratio(theta0[k], theta1[k], w0[k], w1[k]);
            t0[k] = events.jointScore(theta0[k], w0[k]);
            t1[k] = events.jointScore(theta1[k], w1[k]);
        }
        double[][] x = events.file.observations();
        Rng rng = new Rng(Rng.derivedSeed(events.drawSeed(), 1));
        Map<Split, RatioSamplesFile.Ratios> splits = new EnumMap<>(Split.class);
        for (Split s : Split.values()) {
            int n = Draws.of(fractions, s, draws);
            if (n < 2 * pairs) {
                throw new InputException("--draws " + draws + " gives the " + s.group() + " split " + n
                        + " events, fewer than two per --pair (" + pairs + " pairs)");
            }
            List<double[]> xs = new ArrayList<>(),
                    th0 = new ArrayList<>(),
                    th1 = new ArrayList<>(),
                    s0 = new ArrayList<>(),
                    s1 = new ArrayList<>();
            List<Long> y = new ArrayList<>();
            List<Double> rs = new ArrayList<>();
            for (int k = 0; k < pairs; k++) {
                int share = Draws.share(n, pairs, k);
                for (int label = 0; label < 2; label++) {
                    for (int e : events.unweight(
                            s,
                            label == 0 ? theta0[k] : theta1[k],
                            label == 0 ? w0[k] : w1[k],
                            Draws.share(share, 2, label),
                            rng)) {
                        xs.add(x[e].clone());
                        th0.add(theta0[k].clone());
                        th1.add(theta1[k].clone());
                        y.add((long) label);
                        rs.add(r[k][e]);
                        s0.add(t0[k][e].clone());
                        s1.add(t1[k][e].clone());
                    }
                }
            }
            splits.put(
                    s,
                    new RatioSamplesFile.Ratios(
                            xs.toArray(new double[0][]),
                            th0.toArray(new double[0][]),
                            th1.toArray(new double[0][]),
                            y.stream().mapToLong(Long::longValue).toArray(),
                            rs.stream().mapToDouble(Double::doubleValue).toArray(),
                            s0.toArray(new double[0][]),
                            s1.toArray(new double[0][])));
        }
        return new RatioSamplesFile(
                events.file.parameters(), events.file.observables(), theta0, theta1, seed, ess0, ess1, splits);
    }
}
