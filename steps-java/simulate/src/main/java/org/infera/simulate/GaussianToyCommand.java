package org.infera.simulate;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.infera.core.cli.InputException;
import org.infera.core.cli.VersionProvider;
import org.infera.core.data.MadMinerEventFile;
import org.infera.core.data.ScoreSamplesFile;
import org.infera.core.data.Split;
import org.infera.core.physics.GaussianToy;
import org.infera.core.random.Rng;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = GaussianToy.NAME,
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "z ~ N(θ, 2²), x ~ N(z, 1): a tractable joint likelihood, written directly as score samples with "
                    + "the joint score at --theta.",
            "--weighted writes weighted events in MadMiner's layout instead (for infera-fit limits and for "
                    + "event-level pseudo-experiments): drawn at --theta, with weights at --theta and at every --grid "
                    + "value from the joint likelihood ratio p(z | θ_k) / p(z | θ), no morphing; σ(θ) = 1."
        })
public final class GaussianToyCommand implements Callable<Integer> {
    @Mixin
    ShardOptions shards;

    @Option(
            names = "--theta",
            defaultValue = "0",
            description = "The parameter the events are simulated at (default: ${DEFAULT-VALUE}).")
    double theta;

    @Option(
            names = "--fractions",
            defaultValue = "0.4,0.2,0.4",
            split = ",",
            description = "Fractions of the events for train, validation, test (default: ${DEFAULT-VALUE}).")
    double[] fractions;

    @Option(
            names = "--weighted",
            description = "Write weighted events in MadMiner's layout (benchmarks: --theta, then --grid) instead of "
                    + "score samples.")
    boolean weighted;

    @Option(
            names = "--grid",
            paramLabel = "LO:HI:N",
            description = "With --weighted: the θ values that get a weight besides --theta, e.g. -1:1:21 (default: "
                    + "none, the events of pseudo-experiments at --theta).")
    String grid;

    @Override
    public Integer call() {
        int perProcess = shards.perProcess();
        org.infera.core.cli.Checks.value("--theta", theta);
        if (grid != null && !weighted) throw new InputException.BadOption("--grid", "--grid goes with --weighted");
        if (weighted) {
            double[] values = grid == null ? new double[0] : org.infera.core.cli.Checks.range("--grid", grid);
            MadMinerEventFile events =
                    GaussianToy.weightedEvents(perProcess, shards.events, shards.shardSeed(), theta, values);
            events.write(shards.out);
            System.err.printf(
                    "infera-simulate: wrote %d weighted events of the Gaussian toy drawn at θ = %s (shard %d of %d, "
                            + "weights at %d benchmarks) to %s%n",
                    perProcess, theta, shards.shard, shards.shards, events.benchmarks().length, shards.out);
            return 0;
        }
        ScoreSamplesFile samples = simulate(perProcess);
        samples.write(shards.out);
        System.err.printf(
                "infera-simulate: wrote %d events of the Gaussian toy at θ = %s with their joint score "
                        + "(shard %d of %d) to %s%n",
                perProcess, theta, shards.shard, shards.shards, shards.out);
        return 0;
    }

    /** The events at θ, split by --fractions, as score samples (x and t(x, z | θ)). */
    private ScoreSamplesFile simulate(int n) {
        if (fractions.length != 3 || Math.abs(fractions[0] + fractions[1] + fractions[2] - 1) > 1e-9) {
            throw new InputException(
                    "--fractions must be three numbers adding up to 1, got " + Arrays.toString(fractions));
        }
        Rng rng = new Rng(Rng.derivedSeed(shards.shardSeed(), 0));
        Map<Split, ScoreSamplesFile.Scores> splits = new EnumMap<>(Split.class);
        int done = 0;
        for (Split s : Split.values()) {
            int size = s == Split.TEST ? n - done : (int) Math.round(fractions[s.ordinal()] * n);
            if (size < 1)
                throw new InputException("--events " + shards.events + " leaves the " + s.group() + " split empty");
            double[][] x = new double[size][1], t = new double[size][1];
            for (int i = 0; i < size; i++) {
                double[] e = GaussianToy.event(rng, theta);
                x[i][0] = e[0];
                t[i][0] = e[1];
            }
            splits.put(s, new ScoreSamplesFile.Scores(x, t));
            done += size;
        }
        return new ScoreSamplesFile(
                new String[] {"theta"}, new String[] {"x"}, new double[] {theta}, shards.seed.seed, n, splits);
    }
}
