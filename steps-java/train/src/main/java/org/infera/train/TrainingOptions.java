package org.infera.train;

import ai.djl.training.optimizer.Optimizer;
import java.nio.file.Path;
import java.util.List;
import org.infera.core.cli.Checks;
import org.infera.core.cli.InputException;
import org.infera.core.cli.SeedOption;
import org.infera.core.random.Rng;
import org.infera.nn.DeviceOption;
import org.infera.nn.train.TrainingLoop;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Options every kind of statistic is trained with (a Picocli mixin). */
public final class TrainingOptions {
    @Option(
            names = "--samples",
            required = true,
            arity = "1..*",
            paramLabel = "<samples.h5>",
            description =
                    "Samples file(s) written by infera-augment: one, or one per shard of the run (read in name order).")
    public List<Path> samples;

    @Option(
            names = {"-o", "--out"},
            required = true,
            paramLabel = "<model-dir>",
            description = "Output model directory.")
    public Path out;

    @Option(
            paramLabel = "RATE",
            names = "--learning-rate",
            defaultValue = "1e-3",
            description = "(Initial) learning rate of the optimiser (default: ${DEFAULT-VALUE}).")
    public double learningRate;

    @Mixin
    public DeviceOption device;

    @Mixin
    public SeedOption seed;

    @Option(
            names = "--member",
            paramLabel = "K",
            description = "Train member K (0, 1, …) of an ensemble: the seed is Rng.derivedSeed(--seed, K), so the "
                    + "members are independent trainings on the same samples, combined by infera-shift's mean "
                    + "prediction. Without it, --seed is used as it is.")
    public Integer member;

    @Mixin
    public EpochOptions epoch;

    @Mixin
    public MlpOptions mlp;

    public void validate() {
        epoch.validate();
        mlp.validate();
        Checks.positiveAtMost("--learning-rate", learningRate, 10);
        if (member != null && member < 0)
            throw new InputException.BadOption("--member", "--member must be 0 or more, got " + member);
    }

    /** The seed of this training: --seed, or the ensemble member's seed derived from it. */
    public long seed() {
        return member == null ? seed.seed : Rng.derivedSeed(seed.seed, member);
    }

    /** The training loop's settings: these options with the command's network and optimiser. */
    public TrainingLoop.Settings settings(int outputs, int features, Optimizer optimizer) {
        return new TrainingLoop.Settings(
                out,
                seed(),
                device.device,
                mlp.hidden,
                mlp.activation,
                outputs,
                features,
                epoch.batchSize,
                epoch.epochs,
                epoch.patience,
                optimizer);
    }
}
