package org.infera.augment;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import org.infera.core.cli.VersionProvider;
import org.infera.core.data.TestSamplesFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "test",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Test samples (MadMiner's sample_test) from weighted events in MadMiner's layout: events "
                + "unweighted at each --at point from the test partition only (the one the training samples of the "
                + "same --seed and --fractions leave out).")
public final class TestCommand implements Callable<Integer> {
    @Mixin
    AugmentOptions options;

    @Mixin
    WeightedOptions weightedOptions;

    @Option(
            names = "--at",
            required = true,
            paramLabel = "THETA",
            description = "A parameter point, repeatable, e.g. 0,0.")
    List<String> at;

    @Override
    public Integer call() {
        options.validateFractions();
        WeightedEvents weighted = weightedOptions.load(options, at.size());
        double[][] thetas = new double[at.size()][];
        for (int k = 0; k < thetas.length; k++) thetas[k] = weighted.theta("--at", at.get(k));
        weightedOptions.prepare(weighted, List.of(thetas));
        TestSamplesFile samples = TestAugment.run(weighted, thetas, weightedOptions.draws, options.seed.seed);
        weightedOptions.requireDraws(options, new int[] {samples.x().length});
        samples.write(options.out);
        System.err.printf(
                "infera-augment: %d test events%s at %d points from the test partition (effective sample "
                        + "sizes %s) to %s%n",
                samples.x().length,
                WeightedOptions.where(options),
                thetas.length,
                Arrays.toString(Arrays.stream(samples.effectiveSampleSize())
                        .map(Math::rint)
                        .toArray()),
                options.out);
        return 0;
    }
}
