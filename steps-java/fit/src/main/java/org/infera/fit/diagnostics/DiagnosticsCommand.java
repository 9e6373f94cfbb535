package org.infera.fit.diagnostics;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import org.infera.core.analysis.Analysis;
import org.infera.core.cli.Checks;
import org.infera.core.cli.InputException;
import org.infera.core.cli.VersionProvider;
import org.infera.core.data.TemplatesFile;
import org.infera.core.histfactory.TemplatesWorkspace;
import org.infera.core.histfactory.model.Dataset;
import org.infera.core.histfactory.model.Model;
import org.infera.core.histfactory.model.ModelBuilder;
import org.infera.core.histfactory.spec.Workspace;
import org.infera.core.histfactory.spec.WorkspaceReader;
import org.infera.core.histfactory.spec.WorkspaceWriter;
import org.infera.core.io.AtomicOutput;
import org.infera.core.random.Rng;
import org.infera.fit.histfactory.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "diagnostics",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Every fit diagnostic of a model in one directory, from one best fit: pulls/, correlations/, gof/, "
                    + "yields/, impacts/ and scan2d/ (the POI against the nuisance of largest post-fit impact, ±3σ "
                    + "around the best fit), and summary.json. The model: a workspace (--workspace), or a statistic's "
                    + "templates on the benchmarks of an analysis (--templates, --analysis, --benchmark), the very "
                    + "model infera-fit benchmarks fits, one bm<k>/ directory each.",
            "With --pseudo-data the diagnostics run on one pseudo-dataset drawn at the best fit to the model's data "
                    + "(Asimov data make pulls and goodness of fit trivially zero), seeded by Rng.derivedSeed(--seed, "
                    + "CRC-32 of the name: the workspace's file name less .json, or <statistic>_bm<k>); the draw is in "
                    + "pseudo_data.json (and, for a workspace, data.json: the workspace holding it).",
            "Exit codes: 0 done, 2 bad input, 3 a fit did not converge."
        })
public final class DiagnosticsCommand implements Callable<Integer> {
    @Option(names = "--workspace", paramLabel = "W.json", description = "HistFactory workspace in pyhf's format.")
    Path workspace;

    @Option(names = "--measurement", paramLabel = "NAME", description = "Measurement (default: the first).")
    String measurement;

    @Option(names = "--templates", paramLabel = "T.h5", description = "A statistic's templates (infera-shift).")
    Path templates;

    @Option(names = "--analysis", paramLabel = "analysis.json", description = "Analysis with the benchmarks.")
    Path analysisFile;

    @Option(
            names = "--benchmark",
            paramLabel = "K",
            defaultValue = "all",
            description = "Benchmark id of the analysis, or all (default: ${DEFAULT-VALUE}).")
    String benchmark;

    @Option(names = "--pseudo-data", description = "Run on one pseudo-dataset instead of the model's data.")
    boolean pseudoData;

    @Option(
            names = "--seed",
            paramLabel = "SEED",
            defaultValue = "42",
            description = "The run's seed, from which the pseudo-data seed derives (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--top", paramLabel = "N", defaultValue = "20", description = "Nuisances in the ranking plot.")
    int top;

    @Option(
            names = "--scan-points",
            paramLabel = "N",
            defaultValue = "21",
            description = "Grid points per axis of the 2-D scan; 0: no scan (default: ${DEFAULT-VALUE}).")
    int scanPoints;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "1", description = "Threads of the impacts.")
    int threads;

    @Option(
            names = {"-o", "--out"},
            required = true,
            paramLabel = "DIR",
            description = "Output directory, written whole when complete.")
    Path out;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    /** One model to diagnose: its name, workspace, model, identity and the sub-directory it goes to. */
    private record Source(String name, Workspace workspace, Model model, String fingerprint, String dir) {}

    @Override
    public Integer call() throws IOException {
        Checks.count("--top", top, 10_000);
        Checks.count("--threads", threads, 1024);
        if (scanPoints != 0) Checks.count("--scan-points", scanPoints, 500);
        if (scanPoints == 1) throw new InputException.BadOption("--scan-points", "--scan-points must be 0 or ≥ 2");
        List<Source> sources = sources();
        boolean converged = true;
        List<Diagnosis> results = new ArrayList<>();
        for (Source s : sources) {
            Diagnosis d = diagnose(s);
            converged &= d.converged;
            results.add(d);
        }
        AtomicOutput.writeDirectory(out, dir -> {
            for (Diagnosis d : results)
                d.writeInto(d.source.dir().isEmpty() ? dir : Files.createDirectory(dir.resolve(d.source.dir())));
        });
        return org.infera.fit.histfactory.FitStatus.exitCode(
                converged, "diagnostics", spec.commandLine().getErr());
    }

    private List<Source> sources() {
        if ((workspace == null) == (templates == null))
            throw new InputException.BadOption("--workspace", "--workspace: give either --workspace or --templates");
        if (workspace != null) {
            Workspace w = WorkspaceReader.read(workspace);
            Model m = ModelBuilder.build(w, measurement, workspace.toString());
            String name = workspace.getFileName().toString().replaceFirst("\\.json$", "");
            return List.of(new Source(name, w, m, Fingerprint.of(workspace, measurement), ""));
        }
        if (analysisFile == null)
            throw new InputException.BadOption("--analysis", "--analysis is required with --templates");
        Analysis analysis = Analysis.read(analysisFile);
        TemplatesFile t = TemplatesFile.read(templates);
        t.requireMatches(analysis, templates, analysisFile);
        List<Source> out = new ArrayList<>();
        for (Analysis.Benchmark b : analysis.benchmarks()) {
            if (!benchmark.equals("all") && !benchmark.equals(String.valueOf(b.id()))) continue;
            Workspace w = TemplatesWorkspace.of(t, b, templates.toString());
            Model m = TemplatesWorkspace.model(w, templates.toString());
            String name = t.statistic() + "_bm" + b.id();
            out.add(new Source(name, w, m, Fingerprint.of(templates, analysisFile + "#" + b.id()), "bm" + b.id()));
        }
        if (out.isEmpty())
            throw new InputException.BadOption(
                    "--benchmark",
                    "--benchmark '" + benchmark + "' is not a benchmark of " + analysisFile + " (ids: "
                            + analysis.benchmarks().stream()
                                    .map(Analysis.Benchmark::id)
                                    .toList() + ", or all)");
        return out;
    }

    /** Everything computed for one model, ready to be written. */
    private final class Diagnosis {
        Source source;
        Dataset data;
        long pseudoSeed;
        PostFit fit;
        ImpactsFile.Document impacts;
        GoodnessOfFit gof;
        Scan2d.Grid grid;
        ObjectNode summary;
        boolean converged;

        void writeInto(Path dir) throws IOException {
            if (pseudoData) {
                ObjectNode draw = Json.object();
                draw.put("seed", pseudoSeed);
                Json.numbers(draw.putArray("main"), data.main());
                Json.numbers(draw.putArray("aux"), data.aux());
                Tables.writeJson(dir.resolve("pseudo_data.json"), draw);
                if (source.dir().isEmpty())
                    WorkspaceWriter.write(
                            PseudoDataWorkspace.of(source.workspace(), measurement, source.model(), data),
                            dir.resolve("data.json"));
            }
            PullsCommand.writeInto(Files.createDirectory(dir.resolve("pulls")), fit, Pulls.of(fit));
            CorrelationsCommand.writeInto(Files.createDirectory(dir.resolve("correlations")), fit);
            Tables.writeJson(Files.createDirectory(dir.resolve("gof")).resolve("gof.json"), GofCommand.json(gof));
            YieldsCommand.writeInto(Files.createDirectory(dir.resolve("yields")), fit);
            ImpactsCommand.writeInto(Files.createDirectory(dir.resolve("impacts")), impacts, top);
            if (grid != null) Scan2dCommand.writeInto(Files.createDirectory(dir.resolve("scan2d")), fit, grid);
            Tables.writeJson(dir.resolve("summary.json"), summary);
        }
    }

    private Diagnosis diagnose(Source s) {
        Diagnosis d = new Diagnosis();
        d.source = s;
        Model m = s.model();
        d.data = ModelBuilder.observed(s.workspace(), m);
        d.pseudoSeed = Rng.derivedSeed(seed, nameIndex(s.name()));
        if (pseudoData)
            d.data = PseudoDataWorkspace.draw(m, PostFit.of(m, d.data).best().values(), d.pseudoSeed);
        d.fit = PostFit.of(m, d.data);
        List<Impacts.Row> rows = Impacts.of(d.fit, d.fit.nuisances(), threads);
        d.impacts = ImpactsFile.document(ImpactsFile.FULL, s.fingerprint(), d.fit, rows);
        d.gof = GoodnessOfFit.of(d.fit);
        d.grid = scanPoints == 0 ? null : scan(d.fit, rows);
        d.converged = d.fit.best().converged()
                && rows.stream().allMatch(Impacts.Row::converged)
                && (d.grid == null || d.grid.converged());
        ObjectNode summary = Json.object();
        summary.put("name", s.name());
        summary.put("data", pseudoData ? "pseudo-data" : "observed");
        if (pseudoData) {
            summary.put("seed", seed);
            summary.put("pseudo_data_seed", d.pseudoSeed);
        }
        summary.put("poi", m.poiName());
        summary.put("poi_best", d.fit.best().values()[m.poi()]);
        Tables.put(summary, "poi_error", d.fit.error(m.poi()));
        summary.put("twice_nll", d.fit.best().twiceNll());
        summary.put("nuisances", rows.size());
        summary.set("gof", GofCommand.json(d.gof));
        summary.put("converged", d.converged);
        d.summary = summary;
        return d;
    }

    /** The POI against the nuisance of largest post-fit impact, ±3σ_postfit of each (within bounds). */
    private Scan2d.Grid scan(PostFit fit, List<Impacts.Row> impacts) {
        if (impacts.isEmpty()) return null;
        String name = impacts.stream()
                .max(Comparator.comparingDouble(Impacts.Row::rank))
                .get()
                .name();
        int poi = fit.model().poi(), nuisance = fit.names().indexOf(name);
        double[] xs = axis(fit, poi), ys = axis(fit, nuisance);
        return xs == null || ys == null ? null : Scan2d.scan(fit, poi, nuisance, xs, ys);
    }

    private double[] axis(PostFit fit, int i) {
        double best = fit.best().values()[i], sigma = fit.error(i);
        if (!(sigma > 0) || !Double.isFinite(sigma)) return null;
        double lo = Math.max(fit.model().lowerBounds()[i], best - 3 * sigma);
        double hi = Math.min(fit.model().upperBounds()[i], best + 3 * sigma);
        if (!(hi > lo)) return null;
        double[] v = new double[scanPoints];
        for (int k = 0; k < scanPoints; k++) v[k] = lo + (hi - lo) * k / (scanPoints - 1);
        return v;
    }

    /** A stable index from a model's name (CRC-32), so each model of a run gets its own stream. */
    static long nameIndex(String name) {
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(name.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return crc.getValue();
    }
}
