package org.infera.nn;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.infera.core.cli.InputException;
import org.infera.core.io.StrictJson;
import org.infera.nn.statistics.StatisticKind;

/**
 * Everything needed to rebuild a trained network and use it: the kind of statistic, the input
 * features and their standardisation, the layer sizes and activation, and how it was trained.
 * {@code temperature} and {@code benchmark} are those of an INFERNO or neos network (null for a
 * classifier); {@code histogram}, {@code bandwidth} and {@code bins} say how a neos network's soft
 * histogram was made ("softmax" over the outputs, or "kde": one sigmoid output, a Gaussian kernel of
 * that bandwidth integrated over {@code bins} equal-width bins of [0, 1]; null otherwise); {@code ratio} says what
 * a likelihood-ratio estimator learned (null for every other kind).
 * Saved as {@code model.json} beside {@code weights.params}.
 */
@com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
public record NetworkSpec(
        String kind,
        List<String> features,
        double[] mean,
        double[] std,
        List<Integer> hidden,
        String activation,
        int outputs,
        long seed,
        int epochsRun,
        int bestEpoch,
        double bestValidationLoss,
        String djlVersion,
        Double temperature,
        Integer benchmark,
        String histogram,
        Double bandwidth,
        Integer bins,
        Ratio ratio) {

    /**
     * A likelihood-ratio estimator's output log r̂(x | θ0, θ1): its inputs are the observables followed by θ0 (one
     * feature per parameter, named {@code theta0:<parameter>}); {@code theta1} is the fixed reference point;
     * {@code loss} (carl, rolr, rascal, alices, cascal) and {@code alpha} (the weight of the score term) say how it
     * was trained.
     */
    public record Ratio(String loss, double alpha, List<String> parameters, double[] theta1) {
        public static final List<String> LOSSES = List.of("carl", "rolr", "rascal", "alices", "cascal");
        public static final String THETA_PREFIX = "theta0:";
    }

    public NetworkSpec(
            String kind,
            List<String> features,
            double[] mean,
            double[] std,
            List<Integer> hidden,
            String activation,
            int outputs,
            long seed,
            int epochsRun,
            int bestEpoch,
            double bestValidationLoss,
            String djlVersion,
            Double temperature,
            Integer benchmark,
            String histogram,
            Double bandwidth,
            Integer bins) {
        this(
                kind,
                features,
                mean,
                std,
                hidden,
                activation,
                outputs,
                seed,
                epochsRun,
                bestEpoch,
                bestValidationLoss,
                djlVersion,
                temperature,
                benchmark,
                histogram,
                bandwidth,
                bins,
                null);
    }

    public NetworkSpec(
            String kind,
            List<String> features,
            double[] mean,
            double[] std,
            List<Integer> hidden,
            String activation,
            int outputs,
            long seed,
            int epochsRun,
            int bestEpoch,
            double bestValidationLoss,
            String djlVersion,
            Double temperature,
            Integer benchmark) {
        this(
                kind,
                features,
                mean,
                std,
                hidden,
                activation,
                outputs,
                seed,
                epochsRun,
                bestEpoch,
                bestValidationLoss,
                djlVersion,
                temperature,
                benchmark,
                null,
                null,
                null);
    }

    /** This description with the figures of a finished training: epochs run, the best epoch and its validation loss. */
    public NetworkSpec withTraining(int epochsRun, int bestEpoch, double bestValidationLoss) {
        return with(epochsRun, bestEpoch, bestValidationLoss, ratio);
    }

    /** This description with what a likelihood-ratio estimator learned. */
    public NetworkSpec withRatio(Ratio learned) {
        return with(epochsRun, bestEpoch, bestValidationLoss, learned);
    }

    // the one copy of every field: what a trainer learns after the draft (its figures, a ratio) replaced
    private NetworkSpec with(int epochsRun, int bestEpoch, double bestValidationLoss, Ratio ratio) {
        return new NetworkSpec(
                kind,
                features,
                mean,
                std,
                hidden,
                activation,
                outputs,
                seed,
                epochsRun,
                bestEpoch,
                bestValidationLoss,
                djlVersion,
                temperature,
                benchmark,
                histogram,
                bandwidth,
                bins,
                ratio);
    }

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public void write(Path file) throws IOException {
        JSON.writeValue(file.toFile(), this);
    }

    public static NetworkSpec read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new InputException.FileProblem(
                    file, null, "model description not found (is this a model directory written by infera-train?)");
        }
        NetworkSpec spec =
                StrictJson.read(file, NetworkSpec.class, "a model description", InputException.ModelProblem::new);
        spec.validate(file);
        return spec;
    }

    /** The kinds of network infera trains. */
    public static final List<String> KINDS = StatisticKind.ids();
    /** The largest standardisation mean or width: beyond it float32 inputs lose all resolution. */
    public static final double MAX_STANDARDISATION = 1e30;
    /** The largest layer or output count a model may declare (more is a corrupt file, not a network). */
    public static final int MAX_UNITS = 1 << 16;

    /**
     * Checks the description against itself: every field present, lengths agreeing, widths positive, outputs fitting
     * the kind.
     */
    void validate(Path file) {
        require(kind != null, file, "$.kind", "is missing (one of " + KINDS + ")");
        require(KINDS.contains(kind), file, "$.kind", "is '" + kind + "', not one of " + KINDS);
        require(features != null && !features.isEmpty(), file, "$.features", "must list at least one feature");
        for (int i = 0; i < features.size(); i++) {
            require(
                    features.get(i) != null && !features.get(i).isBlank(),
                    file,
                    "$.features[" + i + "]",
                    "must be a non-empty name");
        }
        require(new java.util.HashSet<>(features).size() == features.size(), file, "$.features", "has duplicate names");
        require(
                mean != null && mean.length == features.size(),
                file,
                "$.mean",
                "must hold one value per feature (" + features.size() + "), found "
                        + (mean == null ? "none" : mean.length));
        require(
                std != null && std.length == features.size(),
                file,
                "$.std",
                "must hold one value per feature (" + features.size() + "), found "
                        + (std == null ? "none" : std.length));
        for (int i = 0; i < mean.length; i++) {
            require(
                    Math.abs(mean[i]) <= MAX_STANDARDISATION,
                    file,
                    "$.mean[" + i + "]",
                    "must be finite and within ±" + MAX_STANDARDISATION + ", got " + mean[i]);
        }
        for (int i = 0; i < std.length; i++) {
            require(
                    std[i] > 0 && std[i] <= MAX_STANDARDISATION,
                    file,
                    "$.std[" + i + "]",
                    "a standardisation width must be positive and at most " + MAX_STANDARDISATION + ", got " + std[i]);
        }
        require(hidden != null, file, "$.hidden", "is missing");
        for (int i = 0; i < hidden.size(); i++) {
            require(
                    hidden.get(i) != null && hidden.get(i) > 0 && hidden.get(i) <= MAX_UNITS,
                    file,
                    "$.hidden[" + i + "]",
                    "a layer size must be between 1 and " + MAX_UNITS + ", got " + hidden.get(i));
        }
        require(
                "relu".equals(activation) || "tanh".equals(activation),
                file,
                "$.activation",
                "must be relu or tanh, got " + activation);
        require(
                outputs >= 1 && outputs <= MAX_UNITS,
                file,
                "$.outputs",
                "must be between 1 and " + MAX_UNITS + ", got " + outputs);
        if (temperature != null)
            require(
                    temperature > 0 && Double.isFinite(temperature),
                    file,
                    "$.temperature",
                    "must be positive, got " + temperature);
        if (bandwidth != null)
            require(
                    bandwidth > 0 && Double.isFinite(bandwidth),
                    file,
                    "$.bandwidth",
                    "must be positive, got " + bandwidth);
        if (bins != null)
            require(
                    bins >= 1 && bins <= MAX_UNITS,
                    file,
                    "$.bins",
                    "must be between 1 and " + MAX_UNITS + ", got " + bins);
        if (ratio != null) require(kind.equals("ratio"), file, "$.ratio", "belongs to ratio models, not " + kind);
        if (histogram != null) require(kind.equals("neos"), file, "$.histogram", "belongs to neos models, not " + kind);
        switch (kind) {
            case "classifier", "pivot" -> require(
                    outputs == 1, file, "$.outputs", "a " + kind + " network has one output, found " + outputs);
            case "inferno" -> {
                require(
                        temperature != null,
                        file,
                        "$.temperature",
                        "is missing (an INFERNO network's softmax temperature)");
            }
            case "neos" -> {
                require(
                        histogram == null || histogram.equals("softmax") || histogram.equals("kde"),
                        file,
                        "$.histogram",
                        "must be softmax or kde, got " + histogram);
                if ("kde".equals(histogram)) {
                    require(outputs == 1, file, "$.outputs", "a kde neos network has one output, found " + outputs);
                    require(
                            bins != null && bandwidth != null,
                            file,
                            "$.bins",
                            "a kde neos network needs bins and bandwidth");
                }
            }
            case "ratio" -> validateRatio(file);
            default -> {}
        }
    }

    private void validateRatio(Path file) {
        require(outputs == 1, file, "$.outputs", "a ratio estimator has one output (log r̂), found " + outputs);
        require(ratio != null, file, "$.ratio", "is missing (what the ratio estimator learned)");
        require(
                Ratio.LOSSES.contains(ratio.loss()),
                file,
                "$.ratio.loss",
                "must be one of " + Ratio.LOSSES + ", got " + ratio.loss());
        require(
                ratio.alpha() >= 0 && Double.isFinite(ratio.alpha()),
                file,
                "$.ratio.alpha",
                "must be finite and non-negative, got " + ratio.alpha());
        int p = ratio.parameters() == null ? 0 : ratio.parameters().size();
        require(
                p >= 1 && p < features.size(),
                file,
                "$.ratio.parameters",
                "must name between 1 and " + (features.size() - 1)
                        + " parameters (the features after the observables)");
        for (int i = 0; i < p; i++) {
            String expected = Ratio.THETA_PREFIX + ratio.parameters().get(i);
            require(
                    expected.equals(features.get(features.size() - p + i)),
                    file,
                    "$.features[" + (features.size() - p + i) + "]",
                    "must be '" + expected + "' (θ0 follows the observables)");
        }
        require(
                ratio.theta1() != null && ratio.theta1().length == p,
                file,
                "$.ratio.theta1",
                "must hold one value per parameter (" + p + ")");
        for (int i = 0; i < p; i++)
            require(
                    Double.isFinite(ratio.theta1()[i]),
                    file,
                    "$.ratio.theta1[" + i + "]",
                    "must be finite, got " + ratio.theta1()[i]);
    }

    private static void require(boolean ok, Path file, String field, String problem) {
        if (!ok) throw new InputException.ModelProblem(file, field, problem);
    }

    /** Standardises features in place with the training mean and standard deviation, as float32. */
    public float[] standardise(double[][] x, int from, int to) {
        int nf = mean.length;
        float[] out = new float[(to - from) * nf];
        for (int i = from; i < to; i++) {
            for (int j = 0; j < nf; j++) out[(i - from) * nf + j] = (float) ((x[i][j] - mean[j]) / std[j]);
        }
        return out;
    }
}
