package org.infera.fit.histfactory;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.infera.core.cli.InputException;
import org.infera.core.data.ToyShardFile;
import org.infera.core.histfactory.infer.TestStatistic;
import org.infera.core.histfactory.infer.ToyCalculator;
import org.infera.core.histfactory.infer.ToyHypotest;
import org.infera.core.histfactory.infer.ToyStatistics;
import org.infera.core.histfactory.infer.ToyUpperLimit;

/**
 * Toy-based runs of hypotest and upper-limit: computing a range of toys, and the JSON of a whole run. The JSON
 * comes from the run's toys alone (a {@link ToyShardFile} of all of them), so a merge of shards prints the same
 * bytes as one unsharded run.
 */
final class ToyRuns {
    private ToyRuns() {}

    /** The toys of the range the options ask for, at each μ, with what identifies their run. */
    static ToyShardFile compute(
            WorkspaceOptions ws, ToyOptions toys, TestStatistic statistic, double[] mus, String command, double level) {
        long[] range = toys.range();
        ToyCalculator calc = new ToyCalculator(ws.model(), ws.observed(), statistic);
        ToyStatistics s = calc.toys(mus, toys.seed, range[0], (int) range[1]);
        ToyShardFile.Run run = new ToyShardFile.Run(
                command,
                sha256(ws),
                ws.workspace().measurement(ws.measurement).name(),
                ws.normsys + "/" + ws.histosys,
                ws.model().poiName(),
                toys.toys,
                level,
                calc.converged());
        ToyShardFile file = new ToyShardFile(run, s);
        if (toys.out != null) file.write(toys.out);
        return file;
    }

    /** The result of a whole run: hypotest or upper-limit JSON as its command prints it. */
    static ObjectNode json(ToyShardFile whole) {
        ToyStatistics s = whole.statistics();
        ObjectNode out = Json.object();
        out.put("poi", whole.run().poi());
        if (whole.run().command().equals("hypotest")) {
            ToyHypotest h = ToyHypotest.of(s, 0);
            out.put("poi_value", h.poiValue());
            out.put("test_stat_name", s.statistic().label());
            out.put("test_stat", h.testStat());
            header(out, whole);
            if (s.statistic() == TestStatistic.Q0) {
                put(out, "p0_obs", h.clsb(), h.clsbError());
                Json.numbers(out.putArray("p0_exp"), h.expected());
                Json.numbers(out.putArray("p0_exp_mc_error"), h.expectedError());
            } else {
                put(out, "cls_obs", h.cls(), h.clsError());
                Json.numbers(out.putArray("cls_exp"), h.expected());
                Json.numbers(out.putArray("cls_exp_mc_error"), h.expectedError());
                put(out, "clsb", h.clsb(), h.clsbError());
                put(out, "clb", h.clb(), h.clbError());
            }
        } else {
            out.put("level", whole.run().level());
            header(out, whole);
            ToyHypotest[] grid = new ToyHypotest[s.poiValues().length];
            for (int j = 0; j < grid.length; j++) grid[j] = ToyHypotest.of(s, j);
            ToyUpperLimit limit = ToyUpperLimit.compute(grid, whole.run().level());
            put(out, "obs", limit.observed(), limit.observedError());
            Json.numbers(out.putArray("exp"), limit.expected());
            Json.numbers(out.putArray("exp_mc_error"), limit.expectedError());
            Json.numbers(out.putArray("scan"), s.poiValues());
            ArrayNode cls = out.putArray("cls_obs"), clsError = out.putArray("cls_obs_mc_error");
            ArrayNode exp = out.putArray("cls_exp");
            for (ToyHypotest h : grid) {
                Json.numbers(cls, new double[] {h.cls()});
                Json.numbers(clsError, new double[] {h.clsError()});
                Json.numbers(exp.addArray(), h.expected());
            }
            if (limit.problem() != null) out.put("problem", limit.problem());
        }
        out.put("converged", whole.run().fitsConverged());
        return out;
    }

    /**
     * Prints what a toy-based command prints: for a shard, where it went; for a whole run, its JSON. Returns the
     * exit code (3 where a fit to the observed data did not converge or a limit was not found).
     */
    static int print(ToyShardFile run, ToyOptions toys, String what, picocli.CommandLine cli) {
        ObjectNode out;
        boolean ok;
        if (toys.toyRange != null) {
            out = Json.object();
            out.put("shard", toys.out.toString());
            out.put("first_toy", run.statistics().firstToy());
            out.put("count", run.count());
            out.put("converged", run.run().fitsConverged());
            ok = run.run().fitsConverged();
        } else {
            out = json(run);
            ok = complete(out);
        }
        Json.print(cli.getOut(), out);
        return FitStatus.exitCode(
                ok,
                what,
                out.has("problem") ? out.get("problem").asText() : "a fit to the observed data did not converge",
                cli.getErr());
    }

    /** Whether the whole run's numbers are all there (fits converged, every limit found). */
    static boolean complete(ObjectNode json) {
        return json.get("converged").asBoolean() && !json.has("problem");
    }

    private static void header(ObjectNode out, ToyShardFile whole) {
        out.put("calculator", "toys");
        out.put("toys", whole.run().toys());
        out.put("seed", whole.statistics().seed());
        long failed = 0;
        for (long f : whole.statistics().failedFits()) failed += f;
        out.put("failed_toy_fits", failed);
    }

    private static void put(ObjectNode out, String key, double value, double error) {
        if (Double.isFinite(value)) out.put(key, value);
        else out.putNull(key);
        if (Double.isFinite(error)) out.put(key + "_mc_error", error);
        else out.putNull(key + "_mc_error");
    }

    private static String sha256(WorkspaceOptions ws) {
        try {
            byte[] bytes = Files.readAllBytes(ws.workspace);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (IOException e) {
            throw new InputException.FileProblem(ws.workspace, "file", "cannot be read: " + e.getMessage());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
