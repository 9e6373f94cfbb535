package org.infera.nn;

import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import java.util.List;
import org.infera.core.cli.InputException;

/** Builds the multilayer perceptrons that infera trains. */
public final class Networks {
    /** The hidden units {@link #mlp} builds. */
    public static final List<String> ACTIVATIONS = List.of("relu", "tanh");

    private Networks() {}

    public static Block mlp(List<Integer> hidden, String activation, int outputs) {
        SequentialBlock block = new SequentialBlock();
        for (int units : hidden) {
            block.add(Linear.builder().setUnits(units).build());
            block.add(
                    switch (activation) {
                        case "relu" -> Activation.reluBlock();
                        case "tanh" -> Activation.tanhBlock();
                        default -> throw new InputException(
                                "unknown activation '" + activation + "' (" + String.join(" or ", ACTIVATIONS) + ")");
                    });
        }
        block.add(Linear.builder().setUnits(outputs).build());
        return block;
    }
}
