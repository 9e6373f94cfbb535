package org.infera.fit.histfactory;

import java.nio.file.Path;
import org.infera.core.cli.Checks;
import org.infera.core.cli.InputException;
import picocli.CommandLine.Option;

/** The options of toy-based inference (hypotest and upper-limit): how many toys, which seed, which shard. */
public final class ToyOptions {
    /** The most toys of one run (the statistics of all of them are held in memory by the merge). */
    static final int MAX_TOYS = 10_000_000;

    @Option(
            names = "--calculator",
            defaultValue = "asymptotics",
            paramLabel = "asymptotics|toys",
            description = "asymptotics (default) or toys: p-values from pseudo-experiments, as pyhf's ToyCalculator.")
    String calculator;

    @Option(
            names = "--toys",
            defaultValue = "2000",
            paramLabel = "N",
            description = "Toys per hypothesis of the whole run (default: ${DEFAULT-VALUE}, as pyhf).")
    int toys;

    @Option(
            names = "--seed",
            paramLabel = "SEED",
            description = "Seed of the toys (required with --calculator toys): toy i draws from a stream derived from "
                    + "the seed and i, so shards of a run merge into the run's exact result.")
    Long seed;

    @Option(
            names = "--toy-range",
            paramLabel = "FIRST:COUNT",
            description = "Compute only toys FIRST … FIRST+COUNT−1 of the run and write their test statistics to "
                    + "--out (a shard for infera-fit toys-merge).")
    String toyRange;

    @Option(
            names = "--out",
            paramLabel = "TOYS.h5",
            description = "Write the toys' test statistics (HDF5, format toy_shard) to this file.")
    Path out;

    boolean toyBased() {
        return switch (calculator) {
            case "asymptotics" -> {
                for (String[] o :
                        new String[][] {{"--seed", str(seed)}, {"--toy-range", toyRange}, {"--out", str(out)}})
                    if (o[1] != null) throw new InputException.BadOption(o[0], o[0] + " needs --calculator toys");
                yield false;
            }
            case "toys" -> true;
            default -> throw new InputException.BadOption(
                    "--calculator", "--calculator must be asymptotics or toys, got '" + calculator + "'");
        };
    }

    private static String str(Object o) {
        return o == null ? null : o.toString();
    }

    /** The checked run: {first, count} of the toys to compute (the whole run without --toy-range). */
    long[] range() {
        Checks.count("--toys", toys, MAX_TOYS);
        if (seed == null) throw new InputException.BadOption("--seed", "--calculator toys needs --seed");
        if (toyRange == null) return new long[] {0, toys};
        if (out == null) throw new InputException.BadOption("--toy-range", "--toy-range needs --out SHARD.h5");
        String[] parts = toyRange.split(":", -1);
        long first, count;
        try {
            if (parts.length != 2) throw new NumberFormatException();
            first = Long.parseLong(parts[0].trim());
            count = Long.parseLong(parts[1].trim());
        } catch (NumberFormatException e) {
            throw new InputException.BadOption(
                    "--toy-range", "--toy-range must be FIRST:COUNT (two integers), got '" + toyRange + "'");
        }
        if (first < 0 || count < 1 || first + count > toys) {
            throw new InputException.BadOption(
                    "--toy-range",
                    "--toy-range " + toyRange + " must lie within the run's --toys " + toys
                            + " (FIRST ≥ 0, COUNT ≥ 1, FIRST + COUNT ≤ " + toys + ")");
        }
        return new long[] {first, count};
    }
}
