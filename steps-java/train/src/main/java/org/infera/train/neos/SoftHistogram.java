package org.infera.train.neos;

import ai.djl.ndarray.NDArray;
import org.infera.core.cli.InputException;
import org.infera.nn.Scalars;

/**
 * How a neos network's outputs become a differentiable histogram of one group of events (the mean
 * over events of each event's membership of each bin, summing to one):
 * <ul>
 *   <li>softmax: one output per bin, membership softmax(z/τ);</li>
 *   <li>kde: one output, s = sigmoid(z) in [0, 1], and a Gaussian kernel of bandwidth h around s
 *       integrated over equal-width bins of [0, 1], Φ((hi − s)/h) − Φ((lo − s)/h), renormalised to one
 *       per event (the kernel's tails beyond [0, 1] go to the edge bins' events, not lost).</li>
 * </ul>
 * The hard statistic of the fit step is the argmax bin (softmax) or the bin of s (kde).
 */
public record SoftHistogram(String kind, int bins, double temperature, double bandwidth) {

    public static SoftHistogram parse(String kind, int bins, double temperature, double bandwidth) {
        if (!kind.equals("softmax") && !kind.equals("kde"))
            throw new InputException.BadOption("--histogram", "--histogram '" + kind + "' is not softmax or kde");
        if (kind.equals("kde") && !(bandwidth > 0 && Double.isFinite(bandwidth))) {
            throw new InputException.BadOption("--bandwidth", "--bandwidth must be positive, got " + bandwidth);
        }
        return new SoftHistogram(kind, bins, temperature, bandwidth);
    }

    /** The network outputs this histogram needs. */
    public int outputs() {
        return kind.equals("kde") ? 1 : bins;
    }

    /**
     * The hard histogram [bins] the fit step will see: each event wholly in its bin (the argmax for
     * softmax, the bin of sigmoid(z) for kde), as fractions of the group. Not differentiable.
     */
    public NDArray hard(NDArray z) {
        NDArray bin;
        if (kind.equals("softmax")) {
            bin = z.argMax(1);
        } else {
            bin = Scalars.mul(ai.djl.nn.Activation.sigmoid(z).reshape(-1), bins)
                    .floor()
                    .clip(0, bins - 1)
                    .toType(ai.djl.ndarray.types.DataType.INT64, false);
        }
        return bin.oneHot(bins).toType(z.getDataType(), false).mean(new int[] {0});
    }

    /** The histogram [bins] of a group's outputs [events, outputs]. */
    public NDArray of(NDArray z) {
        if (kind.equals("softmax"))
            return Scalars.div(z, temperature).softmax(1).mean(new int[] {0});
        float[] e = new float[bins + 1];
        for (int j = 0; j <= bins; j++) e[j] = (float) j / bins;
        NDArray edges = z.getManager().create(e).toType(z.getDataType(), false).reshape(1, bins + 1);
        NDArray s = ai.djl.nn.Activation.sigmoid(z); // [events, 1]
        NDArray cdf = Scalars.mul(
                Scalars.div(edges.sub(s), bandwidth * Math.sqrt(2)).erf().add(1), 0.5); // Φ((e_j − s)/h)
        NDArray membership = cdf.get(":, 1:").sub(cdf.get(":, :-1"));
        return membership.div(membership.sum(new int[] {1}, true)).mean(new int[] {0});
    }
}
