package org.infera.augment;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import org.infera.core.cli.VersionProvider;
import org.infera.core.data.ScoreSamplesFile;
import org.infera.core.data.Split;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "score",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Score samples (MadMiner's sample_train_local): the inputs are weighted events in MadMiner's "
                + "layout; each partition is unweighted at --at and every drawn event carries its joint score there.")
public final class ScoreCommand implements Callable<Integer> {
    @Mixin
    AugmentOptions options;

    @Mixin
    WeightedOptions weightedOptions;

    @Option(names = "--at", required = true, paramLabel = "THETA", description = "The parameter point, e.g. 0,0.")
    String at;

    @Override
    public Integer call() {
        options.validateFractions();
        WeightedEvents weighted = weightedOptions.load(options, 3);
        double[] theta = weighted.theta("--at", at);
        weightedOptions.prepare(weighted, List.of(theta));
        ScoreSamplesFile samples =
                ScoreAugment.run(weighted, theta, weightedOptions.draws, options.fractions, options.seed.seed);
        int[] perSplit = Arrays.stream(Split.values())
                .mapToInt(s -> samples.splits().get(s).x().length)
                .toArray();
        weightedOptions.requireDraws(options, perSplit);
        samples.write(options.out);
        System.err.printf(
                "infera-augment: %d unweighted events%s at θ = %s with their joint score (effective sample "
                        + "size of the weighted events %.0f) to %s%n",
                Arrays.stream(perSplit).sum(),
                WeightedOptions.where(options),
                Arrays.toString(theta),
                samples.effectiveSampleSize(),
                options.out);
        return 0;
    }
}
