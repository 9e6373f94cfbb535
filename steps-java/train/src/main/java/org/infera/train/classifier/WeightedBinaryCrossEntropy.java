package org.infera.train.classifier;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.loss.Loss;
import org.infera.nn.Scalars;

/**
 * Binary cross-entropy from logits with a weight per event: labels are (y, w), the prediction is
 * the logit z; loss = Σ w [max(z, 0) − z y + log(1 + exp(−|z|))] / Σ w, the numerically stable form.
 */
public final class WeightedBinaryCrossEntropy extends Loss {
    public WeightedBinaryCrossEntropy() {
        super("weighted_bce");
    }

    @Override
    public NDArray evaluate(NDList labels, NDList predictions) {
        NDArray z = predictions.singletonOrThrow().reshape(-1);
        NDArray y = labels.get(0).reshape(-1);
        NDArray w = labels.get(1).reshape(-1);
        NDArray perEvent = Scalars.maximum(z, 0)
                .sub(z.mul(y))
                .add(z.abs().neg().exp().add(1).log());
        return perEvent.mul(w).sum().div(w.sum());
    }
}
