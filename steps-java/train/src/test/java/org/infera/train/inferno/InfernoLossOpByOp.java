package org.infera.train.inferno;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.loss.Loss;
import java.util.List;
import org.infera.nn.Scalars;

/**
 * The INFERNO loss as computed before issue 20, kept as the independent reference of {@code InfernoLossEqualityTest}:
 * one soft histogram per group and the Fisher matrix built row by row, op by op.
 *
 * <p>The INFERNO loss (de Castro & Dorigo 2018): the expected variance of the signal yield,
 * (I⁻¹)_ss, from the Asimov Fisher information of the binned Poisson likelihood whose bins are the
 * network's softmax outputs (with temperature), nuisances profiled as in one benchmark.
 *
 * <p>Predictions are the logits of each process's events, then of the affected process's events
 * shifted up and down for each nuisance. With soft histograms f_p = mean softmax(z/τ) and
 * ν = Σ_p y_p f_p: ∂ν/∂y_p = f_p, ∂ν/∂θ_k = y_p (f_k,up − f_k,down) / (θ_up − θ_down), and
 * I_ab = Σ_i ∂_aν_i ∂_bν_i / ν_i + 1/σ_a² for constrained parameters. At the Asimov point the terms
 * with second derivatives of ν vanish, so first-order autodiff through every forward pass suffices.
 */
final class InfernoLossOpByOp extends Loss {
    private static final float NU_GUARD = 1e-6f;

    private final double temperature;
    private final FisherLayout layout;

    InfernoLossOpByOp(double temperature, FisherLayout layout) {
        super("inferno-op-by-op");
        this.temperature = temperature;
        this.layout = layout;
    }

    @Override
    public NDArray evaluate(NDList labels, NDList predictions) {
        return ofHistograms(softHistograms(predictions));
    }

    /** The loss from each group's soft histogram (as {@link #softHistograms} gives them, or their mean over shards). */
    public NDArray ofHistograms(List<NDArray> shapes) {
        double poiUnit = unit(layout.parameters().get(0));
        return Scalars.mul(fisherOfHistograms(shapes).inverse().get(0, 0), (float) (poiUnit * poiUnit));
    }

    /** Each group's soft histogram: the mean of its events' softmax(z/τ). */
    public NDList softHistograms(NDList predictions) {
        NDList shapes = new NDList();
        for (NDArray logits : predictions) shapes.add(softHistogram(logits));
        return shapes;
    }

    /**
     * The Fisher information [parameter, parameter] of the layout's parameters, from the network's
     * outputs, with every parameter a measured in {@link #unit}(a): I_ab(physical) = I_ab / (unit_a unit_b).
     */
    NDArray fisher(NDList predictions) {
        return fisherOfHistograms(softHistograms(predictions));
    }

    private NDArray fisherOfHistograms(List<NDArray> shapes) {
        int processes = layout.yields().length;
        NDArray nu = Scalars.mul(shapes.get(0), (float) layout.yields()[0]);
        for (int p = 1; p < processes; p++) nu = nu.add(Scalars.mul(shapes.get(p), (float) layout.yields()[p]));

        // Each parameter in its natural unit (a yield in units of itself, a nuisance in units of half its
        // up-down range): the matrix is then O(1) to O(100) and its float32 inverse and gradients stay finite.
        NDList rows = new NDList();
        int n = layout.parameters().size();
        float[] constraint = new float[n * n];
        for (int a = 0; a < n; a++) {
            FisherLayout.Parameter par = layout.parameters().get(a);
            double yield = layout.yields()[par.process()];
            double unit = unit(par);
            if (par.nuisance() < 0) {
                rows.add(Scalars.mul(shapes.get(par.process()), (float) yield));
            } else {
                NDArray up = shapes.get(processes + 2 * par.nuisance());
                NDArray down = shapes.get(processes + 2 * par.nuisance() + 1);
                rows.add(Scalars.mul(up.sub(down), (float) (yield * unit / par.step())));
            }
            if (par.constraint() > 0)
                constraint[a * n + a] = (float) (unit * unit / (par.constraint() * par.constraint()));
        }
        NDArray d = NDArrays.stack(rows); // [parameters, bins]
        // A soft bin that no event reaches has ν = 0 and d = 0 (softmax underflow at low temperature):
        // it carries no information, and a guard of 1e-6 expected events keeps 0/0 out of the sum.
        NDArray info = d.div(nu.add(NU_GUARD)).matMul(d.transpose());
        return info.add(info.getManager().create(constraint, new Shape(n, n)));
    }

    /** The unit parameter a is measured in by {@link #fisher}: its yield, or half its up-down step. */
    double unit(FisherLayout.Parameter par) {
        return par.nuisance() < 0 ? layout.yields()[par.process()] : par.step() / 2;
    }

    /**
     * Mean softmax(z/τ) over the events: the fraction of the process in each soft bin. Kept in float32:
     * DJL's type conversion would cut the autograd graph, and float32 resolves these O(1e-3) entries.
     */
    NDArray softHistogram(NDArray logits) {
        return Scalars.div(logits, temperature).softmax(1).mean(new int[] {0});
    }
}
