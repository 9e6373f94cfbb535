package org.infera.augment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import org.infera.core.cli.InputException;
import org.infera.core.cli.VersionProvider;
import org.infera.core.data.RatioSamplesFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "ratio",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Ratio samples (MadMiner's sample_train_ratio) from weighted events in MadMiner's layout: for "
                + "each --pair, half the events drawn at THETA0 (y = 0) and half at THETA1 (y = 1), with the joint "
                + "likelihood ratio r(x, z | θ0, θ1) and the joint scores at both.")
public final class RatioCommand implements Callable<Integer> {
    @Mixin
    AugmentOptions options;

    @Mixin
    WeightedOptions weightedOptions;

    @Option(
            names = "--pair",
            required = true,
            paramLabel = "THETA0:THETA1",
            description = "A pair of parameter points, repeatable, e.g. --pair 0,0:1,0 --pair 0,0:0,1.")
    List<String> pairs;

    @Override
    public Integer call() {
        options.validateFractions();
        WeightedEvents weighted = weightedOptions.load(options, 2 * pairs.size());
        double[][] theta0 = new double[pairs.size()][], theta1 = new double[pairs.size()][];
        List<double[]> all = new ArrayList<>();
        for (int k = 0; k < pairs.size(); k++) {
            String[] pair = pairs.get(k).split(":", -1);
            if (pair.length != 2)
                throw new InputException("--pair '" + pairs.get(k) + "' must be THETA0:THETA1, e.g. 0,0:1,0");
            all.add(theta0[k] = weighted.theta("--pair θ0", pair[0]));
            all.add(theta1[k] = weighted.theta("--pair θ1", pair[1]));
        }
        weightedOptions.prepare(weighted, all);
        RatioSamplesFile samples =
                RatioAugment.run(weighted, theta0, theta1, weightedOptions.draws, options.fractions, options.seed.seed);
        weightedOptions.requireDraws(
                options,
                samples.splits().values().stream().mapToInt(s -> s.x().length).toArray());
        samples.write(options.out);
        for (int k = 0; k < theta0.length; k++) {
            System.err.printf(
                    "infera-augment: pair %s : %s, effective sample sizes %.0f and %.0f%n",
                    Arrays.toString(theta0[k]),
                    Arrays.toString(theta1[k]),
                    samples.effectiveSampleSize0()[k],
                    samples.effectiveSampleSize1()[k]);
        }
        System.err.printf(
                "infera-augment: ratio samples%s (%d pairs) to %s%n",
                WeightedOptions.where(options), theta0.length, options.out);
        return 0;
    }
}
