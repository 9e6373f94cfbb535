package org.infera.train.classifier;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Activation;
import ai.djl.training.loss.Loss;

/**
 * Binary cross-entropy from logits with a weight per event: labels are (y, w), the prediction is
 * the logit z; loss = Σ w [softplus(z) − z y] / Σ w, with softplus(z) = log(1 + exp(z)) evaluated stably
 * by libtorch (as max(z, 0) + log(1 + exp(−|z|)) would be): three native ops, and as few in the backward pass.
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
        NDArray perEvent = Activation.softPlus(z).sub(z.mul(y));
        return perEvent.mul(w).sum().div(w.sum());
    }
}
