package org.infera.fit.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import org.infera.core.histfactory.infer.Likelihood;
import org.infera.core.histfactory.infer.Mle;
import org.infera.core.histfactory.interp.InterpCodes;
import org.infera.core.histfactory.model.Model;
import org.infera.core.histfactory.model.ModelBuilder;
import org.infera.core.histfactory.spec.Workspace;
import org.infera.core.histfactory.spec.WorkspaceWriter;
import org.infera.fit.FitCommand;

/**
 * Benchmark (bench/impacts.sh, not a unit test): {@code infera-fit impacts} of the (bins, nuisances) synthetic
 * workspace of the fit-engine benchmark (default 1000 × 100), the whole command (workspace read, best fit, four
 * refits per nuisance, tables and ranking plot), beside the time of one fit of the same workspace measured in the
 * same run after JVM warm-up.
 */
public final class ImpactsBenchmark {
    private ImpactsBenchmark() {}

    public static void main(String[] args) throws Exception {
        int bins = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int nuisances = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        String threads = args.length > 2 ? args[2] : "2";
        Workspace w = SyntheticWorkspaces.bumpOnFallingBackground(bins, nuisances);
        Path dir = Files.createTempDirectory("infera-impacts-bench");
        Path ws = dir.resolve("workspace.json");
        WorkspaceWriter.write(w, ws);
        Model m = ModelBuilder.build(w, null, "bench", InterpCodes.NORMSYS_DEFAULT, InterpCodes.HISTOSYS_DEFAULT);
        Likelihood l = new Likelihood(m, ModelBuilder.observed(w, m));
        for (int i = 0; i < 3; i++) Mle.fit(l); // warm-up
        int repeats = 5;
        long t0 = System.nanoTime();
        for (int i = 0; i < repeats; i++) Mle.fit(l);
        double fit = (System.nanoTime() - t0) / 1e9 / repeats;
        long t1 = System.nanoTime();
        int code = org.infera.core.cli.StepMain.execute(
                new FitCommand(),
                "impacts",
                "--workspace",
                ws.toString(),
                "--threads",
                threads,
                "-o",
                dir.resolve("impacts").toString());
        double impacts = (System.nanoTime() - t1) / 1e9;
        System.out.printf(
                "impacts of the (%d bins, %d nuisances) synthetic workspace on %s threads: %.2f s (exit %d); one fit "
                        + "of it: %.3f s; ratio %.0f fits%n",
                bins, nuisances, threads, impacts, code, fit, impacts / fit);
        System.out.println("output: " + dir.resolve("impacts"));
    }
}
