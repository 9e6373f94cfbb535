package org.infera.train.ratio;

import ai.djl.engine.Engine;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import org.infera.core.cli.Checks;
import org.infera.core.cli.InputException;
import org.infera.core.cli.VersionProvider;
import org.infera.core.data.RatioSamplesFile;
import org.infera.core.data.Split;
import org.infera.nn.NetworkSpec;
import org.infera.nn.Standardisation;
import org.infera.nn.train.TrainingLoop;
import org.infera.train.MadMinerOptimizer;
import org.infera.train.TrainingDefaults;
import org.infera.train.TrainingOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "ratio",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        defaultValueProvider = TrainingDefaults.class,
        description = "Trains a likelihood-ratio estimator (Brehmer, Louppe, Pavez & Cranmer 2018, as MadMiner's "
                + "ParameterizedRatioEstimator) on ratio samples (infera-augment ratio, or infera-simulate "
                + "gaussian-toy-ratio): an MLP of (x, θ0), standardised, whose output is log r̂(x | θ0, θ1) for the "
                + "samples' one reference point θ1. --loss carl (cross-entropy), rolr (regression on the joint ratio), "
                + "rascal (rolr + α × the joint-score error of ∂ log r̂/∂θ0), alices (cross-entropy against the joint "
                + "ratio + α × the score error) or cascal (carl + α × the score error). A single pair (θ0, θ1) "
                + "gives the local, two-point estimator. Optimiser and learning-rate schedule as SALLY's.")
public final class RatioCommand implements Callable<Integer> {
    @Mixin
    TrainingOptions options;

    @Mixin
    MadMinerOptimizer optimizer;

    @Option(
            names = "--loss",
            required = true,
            paramLabel = "LOSS",
            description = "carl, rolr, rascal, alices or cascal.")
    String loss;

    @Option(
            names = "--alpha",
            defaultValue = "1",
            paramLabel = "ALPHA",
            description = "Weight α of the joint-score term of rascal, alices and cascal (default: ${DEFAULT-VALUE}, "
                    + "MadMiner's).")
    double alpha;

    @Override
    public Integer call() {
        options.validate();
        Checks.positive("--patience", options.epoch.patience);
        optimizer.validate();
        if (!NetworkSpec.Ratio.LOSSES.contains(loss)) {
            throw new InputException.BadOption(
                    "--loss", "--loss must be one of " + NetworkSpec.Ratio.LOSSES + ", got '" + loss + "'");
        }
        if (!(alpha >= 0) || !Double.isFinite(alpha))
            throw new InputException.BadOption("--alpha", "--alpha must be finite and non-negative, got " + alpha);
        if (options.samples.size() != 1) {
            throw new InputException.BadOption(
                    "--samples", "--samples takes one ratio samples file, got " + options.samples.size());
        }
        Path path = options.samples.get(0);
        RatioSamplesFile file = RatioSamplesFile.read(path);
        double[] theta1 = referencePoint(path, file);
        RatioSamplesFile.Ratios train = file.splits().get(Split.TRAIN);
        double[][] inputs = RatioInputs.join(train.x(), train.theta0());
        double[] mean = Standardisation.mean(inputs);
        List<String> features = new ArrayList<>(List.of(file.observables()));
        for (String p : file.parameters()) features.add(NetworkSpec.Ratio.THETA_PREFIX + p);
        NetworkSpec draft = new NetworkSpec(
                        "ratio",
                        features,
                        mean,
                        Standardisation.std(inputs, mean),
                        options.mlp.hidden,
                        options.mlp.activation,
                        1,
                        options.seed(),
                        0,
                        0,
                        Double.NaN,
                        Engine.getDjlVersion(),
                        null,
                        null)
                .withRatio(new NetworkSpec.Ratio(loss, alpha, List.of(file.parameters()), theta1));
        RatioObjective objective = new RatioObjective(
                draft,
                RatioLoss.of(loss),
                alpha,
                options.epoch.batchSize,
                RatioObjective.Events.of(draft, train),
                RatioObjective.Events.of(draft, file.splits().get(Split.VALIDATION)));
        TrainingLoop.run(
                options.settings(1, features.size(), optimizer.build(options, objective.batchesPerEpoch())), objective);
        return 0;
    }

    /** The samples' one reference point θ1: the estimator is parameterised in θ0 only. */
    private static double[] referencePoint(Path path, RatioSamplesFile file) {
        double[][] theta1 = file.theta1();
        for (int k = 1; k < theta1.length; k++) {
            if (!Arrays.equals(theta1[k], theta1[0])) {
                throw new InputException.Value(
                        path,
                        "parameters/theta1",
                        "holds several reference points (" + Arrays.toString(theta1[0]) + ", "
                                + Arrays.toString(theta1[k]) + "); a ratio estimator parameterised in θ0 needs one θ1 "
                                + "for all pairs");
            }
        }
        for (Split s : Split.values()) {
            double[][] rows = file.splits().get(s).theta1();
            for (int i = 0; i < rows.length; i++) {
                if (!Arrays.equals(rows[i], theta1[0])) {
                    throw new InputException.Value(
                            path,
                            s.group() + "/theta1",
                            "row " + i + " is " + Arrays.toString(rows[i]) + ", not the file's reference point "
                                    + Arrays.toString(theta1[0]));
                }
            }
        }
        return theta1[0].clone();
    }
}
