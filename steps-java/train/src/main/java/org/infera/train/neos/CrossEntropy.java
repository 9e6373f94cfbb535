package org.infera.train.neos;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Activation;
import org.infera.core.analysis.Analysis;
import org.infera.nn.Scalars;
import org.infera.train.inferno.FisherLayout;

/**
 * Binary cross-entropy of signal against the backgrounds on a one-output network, as the neos
 * comparison objective: −ln σ(z) for signal events and −ln(1 − σ(z)) for background events, i.e.
 * softplus(−z) and softplus(z); the two classes weigh equally, backgrounds in proportion to their
 * expected yields. Shifted groups are not used.
 */
final class CrossEntropy {
    private CrossEntropy() {}

    static ProfiledObjective.Evaluation evaluate(NDList outputs, FisherLayout layout, Analysis analysis) {
        return ofGroupMeans(groupMeans(outputs, layout.yields().length, analysis.signalIndex()), layout, analysis);
    }

    /** Each process's mean loss term: softplus(−z) over the signal's events, softplus(z) over a background's. */
    static NDList groupMeans(NDList outputs, int processes, int signal) {
        NDList means = new NDList();
        for (int p = 0; p < processes; p++) {
            NDArray z = p == signal ? outputs.get(p).neg() : outputs.get(p);
            means.add(Activation.softPlus(z).mean());
        }
        return means;
    }

    /** The cross-entropy from the processes' mean terms ({@link #groupMeans}, or their mean over shards). */
    static ProfiledObjective.Evaluation ofGroupMeans(NDList means, FisherLayout layout, Analysis analysis) {
        int signal = analysis.signalIndex();
        double backgroundYield = 0;
        for (int p = 0; p < layout.yields().length; p++) if (p != signal) backgroundYield += layout.yields()[p];
        NDArray loss = Scalars.mul(means.get(signal), 0.5);
        for (int p = 0; p < layout.yields().length; p++) {
            if (p == signal) continue;
            loss = loss.add(Scalars.mul(means.get(p), 0.5 * layout.yields()[p] / backgroundYield));
        }
        double value = loss.toType(ai.djl.ndarray.types.DataType.FLOAT64, false).getDouble();
        return new ProfiledObjective.Evaluation(value, loss, Double.NaN, true);
    }
}
