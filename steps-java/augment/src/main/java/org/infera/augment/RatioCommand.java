package org.infera.augment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import org.infera.core.cli.Checks;
import org.infera.core.cli.InputException;
import org.infera.core.cli.VersionProvider;
import org.infera.core.data.RatioSamplesFile;
import org.infera.core.physics.ParameterPrior;
import org.infera.core.random.Rng;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "ratio",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Ratio samples (MadMiner's sample_train_ratio) from weighted events in MadMiner's layout: for "
                + "each pair (θ0, θ1), half the pair's events drawn at θ0 (y = 0) and half at θ1 (y = 1), with the "
                + "joint likelihood ratio r(x, z | θ0, θ1) and the joint scores at both. The pairs are fixed (--pair) "
                + "or, for an estimator parameterised in θ0, --theta0-points points drawn from --theta0-prior, each "
                + "against the reference --theta1.")
public final class RatioCommand implements Callable<Integer> {
    @Mixin
    AugmentOptions options;

    @Mixin
    WeightedOptions weightedOptions;

    @Option(
            names = "--pair",
            paramLabel = "THETA0:THETA1",
            description = "A pair of parameter points, repeatable, e.g. --pair 0,0:1,0 --pair 0,0:0,1.")
    List<String> pairs;

    @Option(
            names = "--theta0-prior",
            paramLabel = "PRIOR",
            description = "Instead of --pair: the prior the numerator points θ0 are drawn from, one flat:LO:HI or "
                    + "gaussian:MEAN:SD per parameter, comma-separated, e.g. flat:-1:1,gaussian:0:0.5 (as MadMiner's "
                    + "random_morphing_points).")
    String prior;

    @Option(
            names = "--theta0-points",
            defaultValue = "100",
            paramLabel = "K",
            description = "With --theta0-prior: the number of points θ0 drawn (default: ${DEFAULT-VALUE}).")
    int priorPoints;

    @Option(
            names = "--theta1",
            paramLabel = "THETA1",
            description = "With --theta0-prior: the reference point θ1 every θ0 is paired with, e.g. 0,0.")
    String reference;

    @Override
    public Integer call() {
        options.validateFractions();
        if ((pairs == null) == (prior == null))
            throw new InputException("give either --pair (fixed pairs) or --theta0-prior (θ0 drawn from a prior)");
        if (prior == null && reference != null)
            throw new InputException("--theta1 belongs to --theta0-prior; a --pair names its own θ1");
        if (prior != null && reference == null)
            throw new InputException("--theta0-prior needs the reference point --theta1");
        Checks.positive("--theta0-points", priorPoints);
        int count = prior == null ? pairs.size() : priorPoints;
        WeightedEvents weighted = weightedOptions.load(options, 2 * count);
        double[][] theta0 = new double[count][], theta1 = new double[count][];
        if (prior != null) {
            double[] reference = weighted.theta("--theta1", this.reference);
            double[][] drawn = ParameterPrior.parse("--theta0-prior", prior, reference.length)
                    .draw(new Rng(Rng.derivedSeed(options.seed.seed, -1)), count);
            for (int k = 0; k < count; k++) {
                theta0[k] = Checks.point("--theta0-prior", drawn[k]);
                theta1[k] = reference.clone();
            }
        }
        List<double[]> all = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            if (prior == null) {
                String[] pair = pairs.get(k).split(":", -1);
                if (pair.length != 2)
                    throw new InputException("--pair '" + pairs.get(k) + "' must be THETA0:THETA1, e.g. 0,0:1,0");
                theta0[k] = weighted.theta("--pair θ0", pair[0]);
                theta1[k] = weighted.theta("--pair θ1", pair[1]);
            }
            all.add(theta0[k]);
            all.add(theta1[k]);
        }
        weightedOptions.prepare(weighted, all);
        RatioSamplesFile samples =
                RatioAugment.run(weighted, theta0, theta1, weightedOptions.draws, options.fractions, options.seed.seed);
        weightedOptions.requireDraws(
                options,
                samples.splits().values().stream().mapToInt(s -> s.x().length).toArray());
        samples.write(options.out);
        for (int k = 0; k < theta0.length && (prior == null || k < 10); k++) {
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
