package org.infera.shift;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.infera.core.cli.Checks;
import org.infera.core.cli.InputException;
import org.infera.core.data.EstimatedScoresFile;
import org.infera.nn.Ensemble;
import org.infera.nn.NetworkSpec;

/**
 * The score of a likelihood-ratio estimator: t̂(x | θ) = ∂ log r̂(x | θ, θ1)/∂θ, the network's input gradient at its
 * θ0 inputs with θ0 = θ (the reference θ1 does not move with θ, so this is ∂ log p̂(x | θ)/∂θ), for infera-fit's
 * Fisher information and limits from estimated scores.
 */
final class RatioScores {
    private RatioScores() {}

    static EstimatedScoresFile of(
            Ensemble network,
            Path model,
            double[] theta,
            Path path,
            String name,
            long events,
            String[] parameters,
            String[] observables,
            double[][] x) {
        NetworkSpec spec = network.spec();
        requireReads(spec, model, path, parameters, observables);
        int f = observables.length, p = parameters.length;
        double[][] inputs = inputs(x, p);
        setTheta(inputs, f, theta);
        // each member's score (an ensemble's: their mean is written, with each member's)
        double[][][] gradients = network.inputGradients(inputs);
        double[][][] members = new double[gradients.length][x.length][];
        for (int k = 0; k < gradients.length; k++)
            for (int e = 0; e < x.length; e++) members[k][e] = Arrays.copyOfRange(gradients[k][e], f, f + p);
        return new EstimatedScoresFile(
                name,
                events,
                spec.kind(),
                parameters,
                observables,
                Ensemble.mean(members),
                members.length > 1 ? members : null);
    }

    /** Refuses events whose observables and parameters are not the estimator's inputs (x, θ0). */
    static void requireReads(NetworkSpec spec, Path model, Path path, String[] parameters, String[] observables) {
        List<String> expected = new ArrayList<>(List.of(observables));
        for (String p : parameters) expected.add(NetworkSpec.Ratio.THETA_PREFIX + p);
        if (!spec.features().equals(expected)) {
            throw new InputException.Mismatch(
                    path,
                    "dataset 'observables/names'",
                    "observables " + List.of(observables) + " and parameters " + List.of(parameters)
                            + ", but the ratio estimator " + model + " reads " + spec.features());
        }
    }

    /** The network's inputs (x, θ0) of every event, θ0 still to be set by {@link #setTheta}. */
    static double[][] inputs(double[][] x, int parameters) {
        double[][] inputs = new double[x.length][];
        for (int e = 0; e < x.length; e++) inputs[e] = Arrays.copyOf(x[e], x[e].length + parameters);
        return inputs;
    }

    /** θ0 = theta in every event's inputs, after its {@code observables} values. */
    static void setTheta(double[][] inputs, int observables, double[] theta) {
        for (double[] row : inputs) System.arraycopy(theta, 0, row, observables, theta.length);
    }

    /** The point --at names (the estimator's reference θ1 where it is not given), checked. */
    static double[] point(NetworkSpec spec, String at) {
        return at == null
                ? spec.ratio().theta1()
                : parse(at, spec.ratio().parameters().size());
    }

    private static double[] parse(String text, int parameters) {
        String[] parts = text.split(",", -1);
        if (parts.length != parameters)
            throw new InputException.BadOption(
                    "--at", "--at '" + text + "' has " + parts.length + " values for " + parameters + " parameters");
        double[] theta = new double[parameters];
        for (int a = 0; a < parameters; a++) {
            try {
                theta[a] = Double.parseDouble(parts[a].trim());
            } catch (NumberFormatException e) {
                throw new InputException.BadOption("--at", "--at '" + text + "': '" + parts[a] + "' is not a number");
            }
        }
        return Checks.point("--at", theta);
    }
}
