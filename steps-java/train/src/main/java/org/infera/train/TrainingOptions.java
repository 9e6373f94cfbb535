package org.infera.train;

import java.nio.file.Path;
import java.util.List;
import ai.djl.training.optimizer.Optimizer;
import org.infera.core.cli.Checks;
import org.infera.core.data.Split;
import org.infera.nn.train.TrainingLoop;
import picocli.CommandLine.Option;

/** Options every kind of statistic is trained with (a Picocli mixin). */
public final class TrainingOptions {
    @Option(names = "--samples", required = true, arity = "1..*",
            description = "Samples file(s) written by infera-augment: one, or one per shard of the run (read in name order).")
    public List<Path> samples;

    @Option(names = {"-o", "--out"}, required = true, description = "Output model directory.")
    public Path out;

    @Option(names = "--hidden", defaultValue = "100,100", split = ",", description = "Hidden layer sizes (default: ${DEFAULT-VALUE}).")
    public List<Integer> hidden;

    @Option(names = "--activation", defaultValue = "relu", description = "relu or tanh (default: ${DEFAULT-VALUE}).")
    public String activation;

    @Option(paramLabel = "RATE", names = "--learning-rate", defaultValue = "1e-3", description = "Adam learning rate (default: ${DEFAULT-VALUE}).")
    public double learningRate;

    @Option(names = "--device", defaultValue = "auto",
            description = "auto (a GPU when DJL sees one), cpu or gpu (default: ${DEFAULT-VALUE}).")
    public String device;

    @Option(names = "--resident-mib", paramLabel = "MiB",
            description = "Keep the training and validation events in memory when they take at most this many MiB (estimated); "
                    + "otherwise read one shard at a time in every epoch, so memory follows the largest shard. The trained "
                    + "network is the same either way (default: a third of the JVM heap).")
    public Long residentMib;

    @Option(names = "--seed", required = true, description = "Seed of the weight initialisation and batch order.")
    public long seed;

    /** The training loop's settings: these options with the command's own outputs, sizes and optimiser. */
    public TrainingLoop.Settings settings(int outputs, int features, int batchSize, int epochs, int patience, Optimizer optimizer) {
        return new TrainingLoop.Settings(out, seed, device, hidden, activation, outputs, features, batchSize, epochs, patience,
                optimizer);
    }

    /** Checks the shared options and the command's own epoch, batch and patience values. */
    public void validate(int epochs, int batchSize, int patience) {
        Checks.positive("--epochs", epochs);
        Checks.positive("--batch-size", batchSize);
        Checks.positiveAtMost("--learning-rate", learningRate, 10);
        Checks.nonNegative("--patience", patience);
        for (int h : hidden) Checks.count("--hidden", h, 1 << 16);
        if (residentMib != null) Checks.nonNegative("--resident-mib", residentMib);
    }

    /** The samples files as shards, resident or streamed as --resident-mib allows (reported on stderr). */
    public TrainingShards shards() {
        long budget = residentMib != null ? residentMib << 20 : TrainingShards.defaultResidentBytes();
        TrainingShards shards = TrainingShards.open(samples, budget);
        System.err.printf("infera-train: %d samples file(s), %d training and %d validation events, %s%n", shards.shards(),
                shards.size(Split.TRAIN), shards.size(Split.VALIDATION),
                shards.resident() ? "kept in memory" : "read one shard at a time (over the --resident-mib budget of " + (budget >> 20) + " MiB)");
        return shards;
    }
}
