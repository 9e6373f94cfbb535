package org.infera.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.core.Linear;
import java.util.ArrayList;
import java.util.List;

/**
 * An MLP of {@link Networks#mlp} evaluated on its parameter arrays, with the gradient of its (single) output with
 * respect to its inputs, per event: the backward pass through the layers written out as array operations
 * (g ← g ⊙ act′(a), g ← g W), so the gradient is itself an ordinary differentiable expression of the weights.
 * That lets a loss on ∂output/∂input (RASCAL's and ALICES's score term) be trained with first-order autograd
 * only, where DJL's gradient collector cannot build the graph of a gradient (PyTorch's create_graph).
 */
public final class MlpInputGradient {
    private MlpInputGradient() {}

    /** {output [n, 1], ∂output/∂input [n, features]} of standardised inputs {@code input} [n, features]. */
    public static NDList evaluate(Block mlp, String activation, NDArray input) {
        // every product starts from an array of the input's manager, so the results are freed with it, not kept
        // by the parameters' manager for the model's lifetime
        NDManager manager = input.getManager();
        List<NDArray[]> layers = new ArrayList<>(); // {weight [out, in], weightᵀ, bias [out]} of each Linear
        for (var child : mlp.getChildren()) {
            if (child.getValue() instanceof Linear linear) {
                NDArray weight = linear.getParameters().get("weight").getArray();
                NDArray transposed = weight.transpose();
                transposed.attach(manager);
                layers.add(new NDArray[] {
                    weight, transposed, linear.getParameters().get("bias").getArray()
                });
            }
        }
        List<NDArray> slopes = new ArrayList<>(); // act′(a) of each hidden layer
        NDArray h = input;
        for (int l = 0; l < layers.size() - 1; l++) {
            NDArray a = h.matMul(layers.get(l)[1]).add(layers.get(l)[2]);
            if (activation.equals("tanh")) {
                h = a.tanh();
                slopes.add(h.square().neg().add(1)); // tanh′ = 1 − tanh²
            } else {
                h = Scalars.maximum(a, 0);
                slopes.add(a.gt(0).toType(a.getDataType(), false)); // relu′ = step (0 at 0)
            }
        }
        NDArray[] last = layers.get(layers.size() - 1);
        NDArray output = h.matMul(last[1]).add(last[2]);
        NDArray outputWeight = last[0];
        int hidden = layers.size() - 1;
        // no hidden layer: the output's weights, for every event
        NDArray g = hidden == 0
                ? input.onesLike().mul(outputWeight)
                : slopes.get(hidden - 1).mul(outputWeight);
        for (int l = hidden - 1; l >= 0; l--) {
            g = g.matMul(layers.get(l)[0]);
            if (l > 0) g = slopes.get(l - 1).mul(g);
        }
        return new NDList(output, g);
    }
}
