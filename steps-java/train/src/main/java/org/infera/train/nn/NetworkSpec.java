package org.infera.train.nn;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.infera.core.cli.InputException;

/**
 * Everything needed to rebuild a trained network and use it: the kind of statistic, the input
 * features and their standardisation, the layer sizes and activation, and how it was trained.
 * {@code temperature} and {@code benchmark} are those of an INFERNO or neos network (null for a
 * classifier); {@code histogram}, {@code bandwidth} and {@code bins} say how a neos network's soft
 * histogram was made ("softmax" over the outputs, or "kde": one sigmoid output, a Gaussian kernel of
 * that bandwidth integrated over {@code bins} equal-width bins of [0, 1]; null otherwise).
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
        Integer bins) {

    public NetworkSpec(String kind, List<String> features, double[] mean, double[] std, List<Integer> hidden, String activation,
                       int outputs, long seed, int epochsRun, int bestEpoch, double bestValidationLoss, String djlVersion,
                       Double temperature, Integer benchmark) {
        this(kind, features, mean, std, hidden, activation, outputs, seed, epochsRun, bestEpoch, bestValidationLoss, djlVersion,
                temperature, benchmark, null, null, null);
    }

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public void write(Path file) throws IOException {
        JSON.writeValue(file.toFile(), this);
    }

    public static NetworkSpec read(Path file) {
        if (!Files.isRegularFile(file)) throw new InputException(file + ": model description not found (is this a model directory written by infera-train?)");
        try {
            return JSON.readValue(file.toFile(), NetworkSpec.class);
        } catch (IOException e) {
            throw new InputException(file + ": not a valid model description: " + e.getMessage(), e);
        }
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
