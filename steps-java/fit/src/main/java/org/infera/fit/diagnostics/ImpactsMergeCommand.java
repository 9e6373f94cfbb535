package org.infera.fit.diagnostics;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.infera.core.cli.VersionProvider;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "impacts-merge",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Merges impact shards (infera-fit impacts --nuisance/--nuisances -o SHARD.json) of one workspace into "
                    + "the directory one full infera-fit impacts run writes, byte for byte: impacts.json, "
                    + "impacts.csv, ranking.png. Every nuisance must be in exactly one shard.",
            "Exit codes: 0 done, 2 bad input (a shard unreadable, from another workspace, overlapping or missing)."
        })
public final class ImpactsMergeCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "SHARD", description = "Shard files.")
    List<Path> shards;

    @Option(
            names = {"-o", "--out"},
            required = true,
            paramLabel = "DIR",
            description = "Output directory, written whole when complete.")
    Path out;

    @Option(
            names = "--top",
            paramLabel = "N",
            defaultValue = "20",
            description = "Nuisances in the ranking plot (default: ${DEFAULT-VALUE}).")
    int top;

    @Override
    public Integer call() {
        org.infera.core.cli.Checks.count("--top", top, 10_000);
        ImpactsCommand.write(out, ImpactsFile.merge(shards), top);
        return 0;
    }
}
