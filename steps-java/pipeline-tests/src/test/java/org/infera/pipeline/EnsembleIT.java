package org.infera.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * --ensemble 3 on the score method at tiny sizes (PipelineIT's sally-eft settings): three TRAIN tasks per replica
 * (members with derived seeds), SALLY's information from their mean score with each member's beside it, and the
 * summary's training uncertainty.
 */
class EnsembleIT {
    @TempDir
    static Path tmp;

    /** One replica of params/sally-eft.yaml at 10^4 events and draws, with the extra arguments: its results. */
    static Path sallyEft(Path launch, String... extra) throws Exception {
        List<String> args = new java.util.ArrayList<>(List.of(
                "-params-file",
                NextflowRun.REPO.resolve("params/sally-eft.yaml").toString(),
                "--events",
                "10000",
                "--draws",
                "10000",
                "--replicas",
                "1",
                "--outdir",
                launch.resolve("results").toString()));
        args.addAll(List.of(extra));
        assertEquals(0, NextflowRun.run(launch, args.toArray(new String[0])), NextflowRun.console(launch));
        return launch.resolve("results");
    }

    @Test
    void sallyEnsembleReportsTheTrainingUncertainty() throws Exception {
        Path results = sallyEft(
                tmp.resolve("ensemble"), "--sally_epochs", "3", "--ensemble", "3", "--limits_grid=-0.5:0.5:21,-1:1:21");
        Map<String, List<String>> trace = NextflowRun.trace(results);
        assertEquals(List.of("COMPLETED", "COMPLETED", "COMPLETED"), trace.get("TRAIN"), "one task per member");
        for (int k = 0; k < 3; k++)
            assertTrue(Files.isRegularFile(results.resolve("models/model_sally_r0_m" + k + "/weights.params")));
        JsonNode sally = new ObjectMapper()
                .readTree(results.resolve("sally/fisher_r0/sally.json").toFile());
        JsonNode ensemble = sally.get("ensemble");
        assertEquals(3, ensemble.get("members").asInt());
        for (int p = 0; p < 2; p++) {
            double[] member = new double[3];
            for (int k = 0; k < 3; k++)
                member[k] =
                        ensemble.at("/fisher_members/" + k + "/" + p + "/" + p).asDouble();
            double mean = (member[0] + member[1] + member[2]) / 3;
            double std = Math.sqrt(((member[0] - mean) * (member[0] - mean)
                            + (member[1] - mean) * (member[1] - mean)
                            + (member[2] - mean) * (member[2] - mean))
                    / 2);
            assertEquals(std, ensemble.at("/fisher_std/" + p + "/" + p).asDouble(), 1e-9 * mean);
            assertTrue(std > 0, "members are different trainings");
            // the mean score's kinematic information Σ w t̄ t̄ᵀ is at most the members' mean Σ w t_k t_kᵀ / K
            // (t ↦ t tᵀ is convex), and the rate part is the same for all
            double ensembleInformation = sally.at("/fisher/" + p + "/" + p).asDouble();
            assertTrue(ensembleInformation <= mean * (1 + 1e-12), ensembleInformation + " vs members' mean " + mean);
            System.out.printf(
                    "EnsembleIT: I_%d%d = %.2f ± %.2f (std over members %s)%n",
                    p, p, ensembleInformation, std, java.util.Arrays.toString(member));
        }
        String md = Files.readString(results.resolve("sally/summary/summary.md"));
        assertTrue(md.contains("Training uncertainty of SALLY: an ensemble of 3 trainings"), md);
        JsonNode summary = new ObjectMapper()
                .readTree(results.resolve("sally/summary/summary.json").toFile());
        assertEquals(3, summary.at("/ensemble/members").asInt());
        assertTrue(summary.at("/ensemble/sigma_std/theta1").asDouble() > 0);
    }

    @Test
    void ratioEnsembleTrainsItsMembersAndReportsTheSpreadOfTheirLimits() throws Exception {
        Path results = sallyEft(
                tmp.resolve("ratio-ensemble"),
                "--sally_epochs",
                "2",
                "--ratio_loss",
                "alices",
                "--ratio_epochs",
                "2",
                "--ensemble",
                "2",
                "--limits_grid=-0.5:0.5:11,-1:1:11");
        assertEquals(
                List.of("COMPLETED", "COMPLETED"), NextflowRun.trace(results).get("TRAIN_RATIO"));
        byte[] m0 = Files.readAllBytes(results.resolve("models/model_ratio_r0_m0/weights.params"));
        byte[] m1 = Files.readAllBytes(results.resolve("models/model_ratio_r0_m1/weights.params"));
        assertFalse(java.util.Arrays.equals(m0, m1), "members are different trainings");
        // the log-ratios the limits read are the two members' mean (LogRatiosCommandTest checks the mean itself)
        List<String> names = NextflowRun.traceColumn(results, "name");
        List<String> dirs = NextflowRun.traceColumn(results, "workdir");
        Path workdir = Path.of(dirs.get(names.indexOf(names.stream()
                .filter(n -> n.contains("SHIFT_LOG_RATIOS"))
                .findFirst()
                .orElseThrow())));
        try (var files = Files.list(workdir.resolve("log_ratios_r0"))) {
            List<Path> h5 = files.filter(f -> f.toString().endsWith(".h5")).toList();
            assertFalse(h5.isEmpty(), "log-ratios files in " + workdir);
            for (Path f : h5)
                assertEquals(
                        2, org.infera.core.data.EstimatedLogRatiosFile.read(f).members(), f.toString());
        }
        // each member's limits beside the mean's, and their spread in the summary (RatioLimitsTest and
        // SallySummaryCommandTest check the numbers)
        JsonNode limits = new ObjectMapper()
                .readTree(results.resolve("sally/limits/limits_ratio_r0.json").toFile());
        assertEquals(2, limits.at("/ensemble/p_values").size());
        JsonNode summary = new ObjectMapper()
                .readTree(results.resolve("sally/summary/summary.json").toFile());
        assertEquals(2, summary.at("/ratio_ensemble/members").asInt());
        assertEquals(2, summary.at("/ratio_ensemble/slice_std/theta1").size(), summary.toString()); // [lo, hi]
        assertTrue(Files.readString(results.resolve("sally/summary/summary.md"))
                .contains("Training uncertainty of RATIO"));
    }
}
