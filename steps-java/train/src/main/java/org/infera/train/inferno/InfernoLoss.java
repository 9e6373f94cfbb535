package org.infera.train.inferno;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.loss.Loss;
import org.infera.nn.Scalars;

/**
 * The INFERNO loss (de Castro & Dorigo 2018): the expected variance of the signal yield,
 * (I⁻¹)_ss, from the Asimov Fisher information of the binned Poisson likelihood whose bins are the
 * network's softmax outputs (with temperature), nuisances profiled as in one benchmark.
 *
 * <p>Predictions are the logits of each process's events, then of the affected process's events
 * shifted up and down for each nuisance. With soft histograms f_p = mean softmax(z/τ) and
 * ν = Σ_p y_p f_p: ∂ν/∂y_p = f_p, ∂ν/∂θ_k = y_p (f_k,up − f_k,down) / (θ_up − θ_down), and
 * I_ab = Σ_i ∂_aν_i ∂_bν_i / ν_i + 1/σ_a² for constrained parameters. At the Asimov point the terms
 * with second derivatives of ν vanish, so first-order autodiff through every forward pass suffices.
 *
 * <p>The whole loss is a few batched tensor operations (each a native call, recorded for the backward
 * pass): the soft histograms of all groups at once, then ∂ν and ν as one product with a constant matrix.
 */
public final class InfernoLoss extends Loss {
    private static final float NU_GUARD = 1e-6f;

    private final double temperature;
    private final FisherLayout layout;
    /** [parameters + 1, groups]: which histograms each row of ∂ν combines (±1), then ν's row (the yields). */
    private final float[] combination;
    /** [parameters, 1]: the factor of each row of ∂ν: its yield, or yield × unit / step for a nuisance. */
    private final float[] rowFactor;
    /** [parameters, parameters]: the Gaussian constraints, 1/σ_a² in the parameters' units. */
    private final float[] constraint;

    public InfernoLoss(double temperature, FisherLayout layout) {
        super("inferno");
        this.temperature = temperature;
        this.layout = layout;
        int processes = layout.yields().length, n = layout.parameters().size(), groups = groups();
        combination = new float[(n + 1) * groups];
        rowFactor = new float[n];
        constraint = new float[n * n];
        for (int a = 0; a < n; a++) {
            FisherLayout.Parameter par = layout.parameters().get(a);
            double yield = layout.yields()[par.process()];
            double unit = unit(par);
            if (par.nuisance() < 0) {
                combination[a * groups + par.process()] = 1;
                rowFactor[a] = (float) yield;
            } else {
                combination[a * groups + processes + 2 * par.nuisance()] = 1;
                combination[a * groups + processes + 2 * par.nuisance() + 1] = -1;
                rowFactor[a] = (float) (yield * unit / par.step());
            }
            if (par.constraint() > 0)
                constraint[a * n + a] = (float) (unit * unit / (par.constraint() * par.constraint()));
        }
        for (int p = 0; p < processes; p++) combination[n * groups + p] = (float) layout.yields()[p];
    }

    /** The groups the loss reads: every process, then up and down of every floated nuisance. */
    int groups() {
        return layout.yields().length + 2 * layout.shifted().size();
    }

    /** The loss of one logits array per group (groups of any sizes). */
    @Override
    public NDArray evaluate(NDList labels, NDList predictions) {
        return ofHistograms(softHistograms(predictions));
    }

    /**
     * The loss of a training batch: the network's output for {@link InfernoData#batch}, every group's
     * events in one block of equal size, in the order of {@link #groups}.
     */
    public NDArray ofBatch(NDArray logits) {
        long bins = logits.getShape().get(1);
        NDArray probabilities = softmax(logits.reshape(groups(), -1, bins));
        return ofHistograms(probabilities.mean(new int[] {1}));
    }

    /** The loss from the soft histograms [groups, bins] (of a batch, or means over every validation event). */
    public NDArray ofHistograms(NDArray shapes) {
        double poiUnit = unit(layout.parameters().get(0));
        return Scalars.mul(fisher(shapes).inverse().get(0, 0), (float) (poiUnit * poiUnit));
    }

    /** Each group's soft histogram, stacked [groups, bins]. */
    NDArray softHistograms(NDList predictions) {
        NDList shapes = new NDList();
        for (NDArray logits : predictions) shapes.add(softmax(logits).mean(new int[] {0}));
        return NDArrays.stack(shapes);
    }

    /** softmax(z/τ) of each event along its last axis: the event's weight in each soft bin. */
    NDArray softmax(NDArray logits) {
        return Scalars.div(logits, temperature).softmax(-1);
    }

    /** The Fisher information of the groups' output logits (one array per group), as {@link #fisher(NDArray)}. */
    NDArray fisher(NDList predictions) {
        return fisher(softHistograms(predictions));
    }

    /**
     * The Fisher information [parameter, parameter] of the layout's parameters from the soft histograms
     * [groups, bins], with every parameter a measured in {@link #unit}(a): I_ab(physical) = I_ab / (unit_a unit_b).
     */
    NDArray fisher(NDArray shapes) {
        NDManager m = shapes.getManager();
        int n = layout.parameters().size();
        // ±1 and 0 entries: each row of ∂ν is one histogram, or up − down, rounded as the difference itself
        NDArray rows = m.create(combination, new Shape(n + 1, groups())).matMul(shapes); // [parameters + 1, bins]
        // Each parameter in its natural unit (a yield in units of itself, a nuisance in units of half its
        // up-down range): the matrix is then O(1) to O(100) and its float32 inverse and gradients stay finite.
        NDArray d = rows.get("0:" + n).mul(m.create(rowFactor, new Shape(n, 1)));
        NDArray nu = rows.get(n + ":");
        // A soft bin that no event reaches has ν = 0 and d = 0 (softmax underflow at low temperature):
        // it carries no information, and a guard of 1e-6 expected events keeps 0/0 out of the sum.
        NDArray info = d.div(nu.add(NU_GUARD)).matMul(d.transpose());
        return info.add(m.create(constraint, new Shape(n, n)));
    }

    /** The unit parameter a is measured in by {@link #fisher}: its yield, or half its up-down step. */
    double unit(FisherLayout.Parameter par) {
        return par.nuisance() < 0 ? layout.yields()[par.process()] : par.step() / 2;
    }
}
