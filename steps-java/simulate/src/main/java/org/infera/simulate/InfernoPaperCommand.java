package org.infera.simulate;

import java.util.concurrent.Callable;
import org.infera.core.cli.Checks;
import org.infera.core.cli.InputException;
import org.infera.core.cli.VersionProvider;
import org.infera.core.physics.InfernoPaperProblem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = InfernoPaperProblem.NAME,
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "The INFERNO paper's problem: a 3-D signal and background, 50 signal and 1000 background events "
                + "expected, written as an infera events file.")
public final class InfernoPaperCommand implements Callable<Integer> {
    @Mixin
    ShardOptions shards;

    @Option(
            names = "--r",
            defaultValue = "0",
            description = "Background mean shift r of x0 (default: ${DEFAULT-VALUE}).")
    double r;

    @Option(
            names = "--lambda",
            defaultValue = "3",
            description = "Background rate λ of x2 (default: ${DEFAULT-VALUE}).")
    double lambda;

    @Override
    public Integer call() {
        int perProcess = shards.perProcess();
        Checks.positive("--lambda", lambda);
        if (!Double.isFinite(r)) throw new InputException("--r must be finite, got " + r);
        return TwoProcessEvents.write(
                TwoProcessEvents.simulate(
                        shards,
                        perProcess,
                        InfernoPaperProblem.NAME,
                        InfernoPaperProblem.FEATURES,
                        InfernoPaperProblem.PROCESSES,
                        new double[] {InfernoPaperProblem.SIGNAL_YIELD, InfernoPaperProblem.BACKGROUND_YIELD},
                        InfernoPaperProblem::signal,
                        rng -> InfernoPaperProblem.background(rng, r, lambda)),
                shards,
                perProcess);
    }
}
