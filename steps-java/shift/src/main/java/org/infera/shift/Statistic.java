package org.infera.shift;

import java.nio.file.Path;
import org.infera.core.cli.InputException;
import org.infera.nn.Ensemble;
import org.infera.nn.NetworkSpec;
import org.infera.nn.statistics.StatisticKind;

/** How a trained network's outputs become the binned summary statistic. */
abstract class Statistic {
    abstract double[] edges();

    /** An empty histogram over this statistic's bins. */
    Histogram histogram() {
        double[] e = edges();
        return new Histogram(e.length - 1, e[0], e[e.length - 1]);
    }

    /** The value histogrammed for one event, from the network's outputs. */
    abstract double value(float[] outputs);

    /**
     * The value histogrammed for each event: one network's, or the mean of an ensemble's members' values (a
     * classifier's mean probability; Ensemble refuses kinds whose values cannot be averaged).
     */
    double[] values(Ensemble network, double[][] x) {
        double[][] mean = Ensemble.mean(network.predictions(x, out -> new double[] {value(out)}));
        double[] v = new double[x.length];
        for (int i = 0; i < v.length; i++) v[i] = mean[i][0];
        return v;
    }

    static Statistic of(NetworkSpec spec, int bins, Path model) {
        StatisticKind kind = StatisticKind.of(spec.kind()).orElseThrow(); // model.json was checked against the registry
        return switch (kind) {
            case CLASSIFIER, PIVOT -> new ClassifierProbability(bins);
            case INFERNO -> new Argmax(spec.outputs());
                // a kde-trained neos network has one output whose sigmoid was binned in [0, 1]
            case NEOS -> "kde".equals(spec.histogram())
                    ? new ClassifierProbability(spec.bins())
                    : new Argmax(spec.outputs());
            case SALLY, RATIO -> throw new InputException.ModelProblem(
                    model.resolve("model.json"),
                    "$.kind",
                    "statistic kind '" + spec.kind() + "' has no templates: it is of the " + kind.family()
                            + " family, not binned");
        };
    }

    /** A classifier's probability sigmoid(logit), in equal-width bins of [0, 1]. */
    static final class ClassifierProbability extends Statistic {
        private final int bins;

        ClassifierProbability(int bins) {
            this.bins = bins;
        }

        @Override
        double[] edges() {
            return Histogram.edges(bins, 0, 1);
        }

        @Override
        double value(float[] outputs) {
            return 1 / (1 + Math.exp(-outputs[0]));
        }
    }

    /** Hard assignment of INFERNO's soft bins: the index of the largest output, bins [k, k + 1). */
    static final class Argmax extends Statistic {
        private final int outputs;

        Argmax(int outputs) {
            this.outputs = outputs;
        }

        @Override
        double[] edges() {
            return Histogram.edges(outputs, 0, outputs);
        }

        @Override
        double value(float[] out) {
            int best = 0;
            for (int k = 1; k < out.length; k++) if (out[k] > out[best]) best = k;
            return best + 0.5;
        }
    }
}
