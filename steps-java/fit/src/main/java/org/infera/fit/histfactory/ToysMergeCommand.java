package org.infera.fit.histfactory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.infera.core.cli.VersionProvider;
import org.infera.core.data.ToyShardFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "toys-merge",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Merges the shards of one toy-based hypotest or upper-limit run (written with --toy-range FIRST:COUNT "
                    + "--out SHARD.h5) and prints the run's JSON: the same bytes as the run computed in one go. The "
                    + "shards must belong to the same run (workspace, measurement, test statistic, seed, --toys, POI "
                    + "values) and cover each toy exactly once.",
            "Exit codes: 0 done, 2 bad input (shards that do not fit together), 3 a fit did not converge or a "
                    + "limit lies outside the scan."
        })
public final class ToysMergeCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "SHARD.h5", description = "The shards, in any order.")
    List<Path> shards;

    @Option(
            names = "--out",
            paramLabel = "TOYS.h5",
            description = "Also write the merged toys (the file an unsharded run writes with --out).")
    Path out;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        List<ToyShardFile> read = new ArrayList<>();
        for (Path p : shards) read.add(ToyShardFile.read(p));
        ToyShardFile whole = ToyShardFile.merge(shards, read);
        if (out != null) whole.write(out);
        var json = ToyRuns.json(whole);
        Json.print(spec.commandLine().getOut(), json);
        String command = whole.run().command();
        return FitStatus.exitCode(
                ToyRuns.complete(json),
                "toys-merge",
                json.has("problem") ? json.get("problem").asText() : "the " + command + " fits did not converge",
                spec.commandLine().getErr());
    }
}
