package org.infera.nn;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.infera.core.cli.InputException;
import org.infera.core.stats.EnsembleSpread;
import org.infera.nn.statistics.StatisticKind;

/**
 * K trainings of one statistic on the same samples (members trained with derived seeds, infera-train --member),
 * applied together: each member's prediction, and their mean, the ensemble's prediction (the spread over members
 * is {@link EnsembleSpread}). Generic over what an output means: the caller turns a member's raw outputs into the
 * quantity that is averaged (a score as it is, a classifier's logit into its probability). Only kinds whose
 * outputs mean the same thing in every training are accepted ({@link StatisticKind#averagedOverTrainings()}).
 */
public final class Ensemble implements AutoCloseable {
    private final List<TrainedNetwork> members;

    private Ensemble(List<TrainedNetwork> members) {
        this.members = members;
    }

    /**
     * The members in the given order, checked to belong together: one model each (no directory or seed twice),
     * the same kind, features and number of outputs, and a kind that may be averaged when there are several.
     */
    public static Ensemble load(List<Path> dirs, ai.djl.Device device) {
        List<TrainedNetwork> loaded = new ArrayList<>();
        try {
            Set<Path> seenDirs = new HashSet<>();
            Set<Long> seenSeeds = new HashSet<>();
            for (Path dir : dirs) {
                if (!seenDirs.add(dir.toAbsolutePath().normalize()))
                    throw new InputException.BadOption("--model", "--model " + dir + " is given twice");
                TrainedNetwork net = TrainedNetwork.load(dir, device);
                loaded.add(net);
                NetworkSpec spec = net.spec(), first = loaded.get(0).spec();
                Path file = dir.resolve(TrainedNetwork.SPEC);
                if (dirs.size() > 1
                        && !StatisticKind.of(spec.kind()).orElseThrow().averagedOverTrainings()) {
                    throw new InputException.ModelProblem(
                            file,
                            "$.kind",
                            "a " + spec.kind() + " network's outputs are soft-histogram bins whose labels each "
                                    + "training chooses arbitrarily, so " + dirs.size() + " of them cannot be "
                                    + "averaged; give one --model (the spread over replicas measures its training)");
                }
                if (!spec.kind().equals(first.kind())
                        || !spec.features().equals(first.features())
                        || spec.outputs() != first.outputs()) {
                    throw new InputException.Mismatch(
                            file,
                            "$.kind",
                            "a " + spec.kind() + " network reading " + spec.features() + " with " + spec.outputs()
                                    + " outputs is no member of the ensemble of " + dirs.get(0) + " (a "
                                    + first.kind() + " network reading " + first.features() + " with "
                                    + first.outputs() + " outputs)");
                }
                if (!seenSeeds.add(spec.seed())) {
                    throw new InputException.Mismatch(
                            file,
                            "$.seed",
                            "seed " + spec.seed() + " is that of another member: members are trainings with "
                                    + "different seeds (infera-train --member)");
                }
            }
        } catch (RuntimeException e) {
            loaded.forEach(TrainedNetwork::close);
            throw e;
        }
        return new Ensemble(loaded);
    }

    public int size() {
        return members.size();
    }

    /** The first member's description: kind, features and outputs are those of every member. */
    public NetworkSpec spec() {
        return members.get(0).spec();
    }

    /** Each member's prediction for each event, [member][event][quantity]: {@code meaning} of its raw outputs. */
    public double[][][] predictions(double[][] x, Function<float[], double[]> meaning) {
        double[][][] out = new double[members.size()][][];
        for (int k = 0; k < out.length; k++) {
            float[][] raw = members.get(k).outputs(x);
            out[k] = new double[raw.length][];
            for (int e = 0; e < raw.length; e++) out[k][e] = meaning.apply(raw[e]);
        }
        return out;
    }

    /** Each member's gradient of its output with respect to its inputs, [member][event][input]. */
    public double[][][] inputGradients(double[][] x) {
        double[][][] out = new double[members.size()][][];
        for (int k = 0; k < out.length; k++) out[k] = members.get(k).inputGradients(x);
        return out;
    }

    /** The ensemble's prediction: the mean over members, [event][quantity]. */
    public static double[][] mean(double[][][] predictions) {
        return EnsembleSpread.elementwise(predictions, false);
    }

    /** A network's outputs as they are (a score). */
    public static double[] raw(float[] outputs) {
        double[] out = new double[outputs.length];
        for (int i = 0; i < outputs.length; i++) out[i] = outputs[i];
        return out;
    }

    @Override
    public void close() {
        members.forEach(TrainedNetwork::close);
    }
}
