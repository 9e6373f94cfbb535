package org.infera.nn.train;

import ai.djl.ndarray.NDArray;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.ParameterTracker;
import java.util.HashMap;
import java.util.Map;

/**
 * Adam with the AMSGrad correction (Reddi, Kale & Kumar 2018), the optimiser MadMiner trains SALLY
 * with and DJL does not offer: the denominator uses the running maximum of the second-moment
 * estimate, so a parameter's step never grows again after a burst of large gradients. Bias
 * corrections as PyTorch's {@code Adam(amsgrad=True)}:
 * m ← β1 m + (1−β1) g; v ← β2 v + (1−β2) g²; v̂ ← max(v̂, v);
 * w ← w − (lr / (1−β1^t)) m / (√v̂ / √(1−β2^t) + ε).
 */
public final class Amsgrad extends Optimizer {
    private final ParameterTracker learningRate;
    private final float beta1;
    private final float beta2;
    private final float epsilon;
    private final Map<String, NDArray> means = new HashMap<>();
    private final Map<String, NDArray> variances = new HashMap<>();
    private final Map<String, NDArray> maxVariances = new HashMap<>();

    public Amsgrad(ParameterTracker learningRate) {
        this(learningRate, 0.9f, 0.999f, 1e-8f);
    }

    public Amsgrad(ParameterTracker learningRate, float beta1, float beta2, float epsilon) {
        super(new Builder());
        this.learningRate = learningRate;
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.epsilon = epsilon;
    }

    @Override
    public void update(String parameterId, NDArray weight, NDArray grad) {
        int t = updateCount(parameterId);
        float lr = learningRate.getNewValue(parameterId, t);
        double correction1 = 1 - Math.pow(beta1, t), correction2 = 1 - Math.pow(beta2, t);
        // state lives with the weight (its manager outlives every batch); temporaries are closed here
        NDArray m = means.computeIfAbsent(parameterId, k -> weight.zerosLike());
        NDArray v = variances.computeIfAbsent(parameterId, k -> weight.zerosLike());
        NDArray vMax = maxVariances.computeIfAbsent(parameterId, k -> weight.zerosLike());
        try (NDArray g = grad.mul(rescaleGrad);
                NDArray gScaled = g.mul(1 - beta1);
                NDArray gSquared = g.square()) {
            m.muli(beta1).addi(gScaled);
            v.muli(beta2).addi(gSquared.muli(1 - beta2));
        }
        NDArray nextMax = vMax.maximum(v);
        vMax.close();
        maxVariances.put(parameterId, nextMax);
        try (NDArray root = nextMax.sqrt();
                NDArray denominator = root.divi((float) Math.sqrt(correction2)).addi(epsilon);
                NDArray step = m.div(denominator)) {
            weight.subi(step.muli((float) (lr / correction1)));
        }
        // PyTorch adds every backward pass to .grad; DJL's built-in optimisers clear it in their native
        // update, so a Java-side optimiser must clear it too or the gradients of all batches pile up
        if (weight.hasGradient()) {
            try (NDArray accumulated = weight.getGradient()) {
                accumulated.subi(accumulated);
            }
        }
    }

    /**
     * Optimizer's constructor wants a builder; the base options (rescale 1, no clipping, no decay) are its defaults.
     */
    private static final class Builder extends OptimizerBuilder<Builder> {
        @Override
        protected Builder self() {
            return this;
        }
    }
}
