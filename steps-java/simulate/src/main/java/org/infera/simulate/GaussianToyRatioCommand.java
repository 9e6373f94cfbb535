package org.infera.simulate;

import java.util.Arrays;
import java.util.concurrent.Callable;
import org.infera.core.cli.Checks;
import org.infera.core.cli.InputException;
import org.infera.core.cli.VersionProvider;
import org.infera.core.data.RatioSamplesFile;
import org.infera.core.physics.GaussianToy;
import org.infera.core.physics.GaussianToyRatios;
import org.infera.core.physics.ParameterPrior;
import org.infera.core.random.Rng;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = GaussianToy.NAME + "-ratio",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "z ~ N(θ, 2²), x ~ N(z, 1), written directly as ratio samples (the layout of infera-augment "
                + "ratio): --theta0-points numerator points θ0 drawn from --theta0-prior, each paired with the "
                + "reference --theta1; half of each pair's events simulated at θ0 (y = 0), half at θ1 (y = 1), with "
                + "the joint ratio N(z; θ0, 2²)/N(z; θ1, 2²) and the joint scores (z − θ)/4 at both. The exact "
                + "ratio of x alone is known (x ~ N(θ, 5)), so the likelihood-ratio estimators can be checked.")
public final class GaussianToyRatioCommand implements Callable<Integer> {
    @Mixin
    ShardOptions shards;

    @Option(
            names = "--theta0-prior",
            defaultValue = "flat:-1:1",
            paramLabel = "PRIOR",
            description = "Prior the numerator points θ0 are drawn from: flat:LO:HI or gaussian:MEAN:SD "
                    + "(default: ${DEFAULT-VALUE}).")
    String prior;

    @Option(
            names = "--theta0-points",
            defaultValue = "100",
            paramLabel = "K",
            description = "Number of numerator points drawn from the prior (default: ${DEFAULT-VALUE}).")
    int points;

    @Option(
            names = "--theta1",
            defaultValue = "0",
            paramLabel = "THETA",
            description = "The reference (denominator) point θ1 (default: ${DEFAULT-VALUE}).")
    double theta1;

    @Option(
            names = "--fractions",
            defaultValue = "0.4,0.2,0.4",
            split = ",",
            description = "Fractions of the events for train, validation, test (default: ${DEFAULT-VALUE}).")
    double[] fractions;

    @Override
    public Integer call() {
        int n = shards.perProcess();
        ParameterPrior parsed = ParameterPrior.parse("--theta0-prior", prior, 1);
        Checks.positive("--theta0-points", points);
        if (!Double.isFinite(theta1)) throw new InputException("--theta1 must be finite, got " + theta1);
        if (fractions.length != 3 || Math.abs(fractions[0] + fractions[1] + fractions[2] - 1) > 1e-9) {
            throw new InputException(
                    "--fractions must be three numbers adding up to 1, got " + Arrays.toString(fractions));
        }
        int[] sizes = new int[3];
        for (int s = 0; s < 3; s++) {
            sizes[s] = s == 2 ? n - sizes[0] - sizes[1] : (int) Math.round(fractions[s] * n);
            if (sizes[s] < 2 * points) {
                throw new InputException("--events " + shards.events + " gives split " + s + " " + sizes[s]
                        + " events, fewer than two per --theta0-points (" + points + ")");
            }
        }
        // the same numerator points in every shard, so the shards are one sample
        double[][] drawn = parsed.draw(new Rng(Rng.derivedSeed(shards.seed.seed, -1)), points);
        double[] theta0 = Arrays.stream(drawn).mapToDouble(p -> p[0]).toArray();
        RatioSamplesFile samples = GaussianToyRatios.simulate(theta0, theta1, sizes, shards.shardSeed());
        samples.write(shards.out);
        System.err.printf(
                "infera-simulate: wrote %d ratio samples of the Gaussian toy, %d points θ0 from %s against θ1 = %s "
                        + "(shard %d of %d) to %s%n",
                n, points, prior, theta1, shards.shard, shards.shards, shards.out);
        return 0;
    }
}
