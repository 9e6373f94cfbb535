package org.infera.train.inferno;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.loss.Loss;
import java.util.ArrayList;
import java.util.List;

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
 */
public final class InfernoLoss extends Loss {
    private final double temperature;
    private final FisherLayout layout;

    public InfernoLoss(double temperature, FisherLayout layout) {
        super("inferno");
        this.temperature = temperature;
        this.layout = layout;
    }

    @Override
    public NDArray evaluate(NDList labels, NDList predictions) {
        return fisher(predictions).inverse().get(0, 0);
    }

    /** The Fisher information [parameter, parameter] of the layout's parameters, from the network's outputs. */
    NDArray fisher(NDList predictions) {
        int processes = layout.yields().length;
        List<NDArray> shapes = new ArrayList<>();
        for (NDArray logits : predictions) shapes.add(softHistogram(logits));
        NDArray nu = shapes.get(0).mul((float) layout.yields()[0]);
        for (int p = 1; p < processes; p++) nu = nu.add(shapes.get(p).mul((float) layout.yields()[p]));

        NDList rows = new NDList();
        for (FisherLayout.Parameter a : layout.parameters()) {
            if (a.nuisance() < 0) {
                rows.add(shapes.get(a.process()));
            } else {
                NDArray up = shapes.get(processes + 2 * a.nuisance());
                NDArray down = shapes.get(processes + 2 * a.nuisance() + 1);
                rows.add(up.sub(down).mul((float) (layout.yields()[a.process()] / a.step())));
            }
        }
        NDArray d = NDArrays.stack(rows);                                   // [parameters, bins]
        NDArray info = d.div(nu).matMul(d.transpose());
        int n = layout.parameters().size();
        float[] constraint = new float[n * n];
        for (int a = 0; a < n; a++) {
            double w = layout.parameters().get(a).constraint();
            if (w > 0) constraint[a * n + a] = (float) (1 / (w * w));
        }
        return info.add(info.getManager().create(constraint, new Shape(n, n)));
    }

    /**
     * Mean softmax(z/τ) over the events: the fraction of the process in each soft bin. Kept in float32:
     * DJL's type conversion would cut the autograd graph, and float32 resolves these O(1e-3) entries.
     */
    NDArray softHistogram(NDArray logits) {
        return logits.div(temperature).softmax(1).mean(new int[] {0});
    }
}
