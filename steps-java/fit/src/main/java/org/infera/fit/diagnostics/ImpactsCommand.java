package org.infera.fit.diagnostics;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.infera.core.cli.InputException;
import org.infera.core.cli.VersionProvider;
import org.infera.core.io.AtomicOutput;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "impacts",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Impacts of every nuisance on the POI: the POI's shift when the nuisance is fixed at θ̂ ± σ_postfit "
                    + "(post-fit) and θ̂ ± σ_prefit (pre-fit, constrained nuisances), every other parameter refitted "
                    + "from the best fit. Writes impacts.json, impacts.csv and ranking.png (the top nuisances by "
                    + "|post-fit impact| with their pulls) into the -o directory.",
            "In parallel: --nuisance NAME (repeatable) or --nuisances FROM:TO computes a subset and -o names a shard "
                    + "file (JSON); infera-fit impacts-merge combines the shards into exactly what one full run "
                    + "writes.",
            "Exit codes: 0 done, 2 bad input, 3 a fit did not converge."
        })
public final class ImpactsCommand extends DiagnosticCommand {
    @Option(
            names = "--nuisance",
            paramLabel = "NAME",
            description = "Compute this nuisance only (repeatable; per-bin ones as name[i]); -o is then a shard file.")
    List<String> nuisance;

    @Option(
            names = "--nuisances",
            paramLabel = "FROM:TO",
            description = "Compute the nuisances FROM (inclusive) to TO (exclusive) of the nuisance list (the free "
                    + "parameters other than the POI, in the workspace's order, 0-based); -o is then a shard "
                    + "file.")
    String range;

    @Option(
            names = "--top",
            paramLabel = "N",
            defaultValue = "20",
            description = "Nuisances in the ranking plot (default: ${DEFAULT-VALUE}).")
    int top;

    @Option(
            names = "--threads",
            paramLabel = "N",
            description = "Threads computing impacts (default: the available processors).")
    Integer threads;

    @Override
    public Integer call() throws Exception {
        org.infera.core.cli.Checks.count("--top", top, 10_000);
        int workers = threads == null
                ? Runtime.getRuntime().availableProcessors()
                : org.infera.core.cli.Checks.count("--threads", threads, 1024);
        if (nuisance != null && range != null)
            throw new InputException.BadOption("--nuisances", "--nuisances and --nuisance exclude each other");
        // the model and the data: shards of the observed and of the Asimov data do not merge
        String sha = Fingerprint.of(
                options.path(), options.measurement() + "\n" + options.interpolation() + (asimov ? "\nasimov" : ""));
        PostFit fit = postFit();
        int[] all = fit.nuisances();
        boolean shard = nuisance != null || range != null;
        int[] chosen = shard ? selection(fit, all) : all;
        List<Impacts.Row> rows = Impacts.of(fit, chosen, workers);
        boolean converged = fit.best().converged() && rows.stream().allMatch(Impacts.Row::converged);
        if (shard) {
            ImpactsFile.Document d = ImpactsFile.document(ImpactsFile.SHARD, sha, fit, rows);
            AtomicOutput.write(out, tmp -> ImpactsFile.write(tmp, d));
        } else {
            write(out, ImpactsFile.document(ImpactsFile.FULL, sha, fit, rows), top);
        }
        return org.infera.fit.histfactory.FitStatus.exitCode(
                converged, "impacts", spec.commandLine().getErr());
    }

    /** The directory one full run writes; the merge writes the same from the shards. */
    static void write(Path out, ImpactsFile.Document d, int top) {
        AtomicOutput.writeDirectory(out, dir -> writeInto(dir, d, top));
    }

    static void writeInto(Path dir, ImpactsFile.Document d, int top) throws java.io.IOException {
        ImpactsFile.write(dir.resolve("impacts.json"), d);
        Files.writeString(dir.resolve("impacts.csv"), ImpactsFile.csv(d));
        RankingPlot.write(dir.resolve("ranking.png"), d, top);
    }

    private int[] selection(PostFit fit, int[] all) {
        if (range != null) {
            String[] p = range.split(":");
            try {
                if (p.length != 2) throw new NumberFormatException();
                int from = Integer.parseInt(p[0]), to = Integer.parseInt(p[1]);
                if (from < 0 || to > all.length || from >= to) throw new NumberFormatException();
                return java.util.Arrays.copyOfRange(all, from, to);
            } catch (NumberFormatException e) {
                throw new InputException.BadOption(
                        "--nuisances",
                        "--nuisances '" + range + "': expected FROM:TO with 0 ≤ FROM < TO ≤ " + all.length
                                + " (the number of nuisances)");
            }
        }
        Set<Integer> indices = new LinkedHashSet<>();
        List<String> names = fit.names();
        for (String n : nuisance) {
            int i = names.indexOf(n);
            boolean isNuisance = false;
            for (int a : all) isNuisance |= a == i;
            if (!isNuisance) {
                List<String> known = new ArrayList<>();
                for (int a : all) known.add(names.get(a));
                throw new InputException.BadOption(
                        "--nuisance",
                        "--nuisance '" + n + "' is not a free nuisance of the model (nuisances: "
                                + (known.size() > 20 ? known.subList(0, 20) + " ..." : known) + ")");
            }
            indices.add(i);
        }
        return indices.stream().mapToInt(Integer::intValue).sorted().toArray();
    }
}
