package org.infera.augment;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.infera.core.cli.InputException;
import org.infera.core.data.MadMinerEventFile;
import org.infera.core.data.Split;
import org.infera.core.morphing.Morphing;
import org.infera.core.random.Rng;

/**
 * Weighted events of one run (MadMiner files, shards in name order) with their morphing, partitioned
 * into train / validation / test by the seed alone, so every kind of sample drawn with the same seed
 * (local, ratio, test) uses the same partition and no test event is ever trained on. Unweighting
 * draws with replacement with probability w(θ)/Σw, negative weights clipped to 0.
 */
final class WeightedEvents {
    final MadMinerEventFile file;
    final Morphing morphing;
    final Map<Split, int[]> partition = new EnumMap<>(Split.class);

    private WeightedEvents(MadMinerEventFile file, Morphing morphing) {
        this.file = file;
        this.morphing = morphing;
    }

    static WeightedEvents load(List<Path> files, double[] fractions, long seed) {
        MadMinerEventFile file = MadMinerEventFile.readAll(files);
        if (!file.hasMorphing()) {
            throw new InputException(files.get(0) + ": no morphing group: weights at any θ need morphing/components and morphing_matrix");
        }
        WeightedEvents events = new WeightedEvents(file, new Morphing(file.morphingComponents(), file.morphingMatrix()));
        int[] order = new int[file.events()];
        for (int i = 0; i < order.length; i++) order[i] = i;
        new Rng(Rng.derivedSeed(seed, 0)).shuffle(order);
        int start = 0;
        for (Split s : Split.values()) {
            int size = s == Split.TEST ? order.length - start : (int) Math.round(fractions[s.ordinal()] * order.length);
            events.partition.put(s, Arrays.copyOfRange(order, start, start + size));
            start += size;
        }
        return events;
    }

    /** A point "a,b,…" with one finite value per parameter of the events. */
    double[] theta(String option, String text) {
        String[] parts = text.split(",", -1);
        if (parts.length != file.parameters().length) {
            throw new InputException(option + " '" + text + "' has " + parts.length + " values but the events have parameters "
                    + Arrays.toString(file.parameters()));
        }
        double[] theta = new double[parts.length];
        for (int p = 0; p < parts.length; p++) {
            try {
                theta[p] = Double.parseDouble(parts[p].trim());
            } catch (NumberFormatException e) {
                throw new InputException(option + " '" + text + "': '" + parts[p] + "' is not a number");
            }
            if (!Double.isFinite(theta[p])) throw new InputException(option + " '" + text + "' must be finite");
        }
        return theta;
    }

    double[] weightsAt(double[] theta) {
        return morphing.eventWeights(file.weights(), theta);
    }

    /** (Σw)²/Σw² of the clipped weights at θ over all events; fails where no weight is positive. */
    double effectiveSampleSize(double[] w, double[] theta) {
        double sum = 0, sumSquares = 0;
        for (double v : w) {
            double c = Math.max(v, 0);
            sum += c;
            sumSquares += c * c;
        }
        if (!(sum > 0)) throw new InputException("the events have no positive weight at θ = " + Arrays.toString(theta));
        return sum * sum / sumSquares;
    }

    /** n event indices drawn from the split's events with probability max(w, 0) / Σ max(w, 0). */
    int[] unweight(Split split, double[] w, int n, Rng rng) {
        int[] members = partition.get(split);
        double[] cumulative = new double[members.length];
        double total = 0;
        for (int i = 0; i < members.length; i++) {
            total += Math.max(w[members[i]], 0);
            cumulative[i] = total;
        }
        if (!(total > 0)) throw new InputException("the " + split.group() + " partition has no event with positive weight");
        int[] drawn = new int[n];
        for (int k = 0; k < n; k++) {
            int i = Arrays.binarySearch(cumulative, rng.uniform() * total);
            if (i < 0) i = -i - 1;
            drawn[k] = members[Math.min(i, members.length - 1)];
        }
        return drawn;
    }
}
