package org.infera.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The score workflow with --ratio_loss alices on tiny EFT-toy data: beside SALLY, ratio samples with θ0 flat over the
 * limits grid, one ALICES estimator, its log r̂ at every grid point and its expected limits, a RATIO column of the
 * summary table on the same grid and luminosity. Tiny data (20k events, 10^5 ratio samples, 30 epochs: with 2·10^4
 * samples and 10 epochs ALICES is far from trained and q's minimum lies at the edge of the grid): the slices are
 * checked against the truth Fisher ellipse loosely (the measured EFT numbers are in docs/usage.md); --ratio_loss with
 * the Gaussian toy, whose
 * weights exist at the grid only, stops before any task.
 */
class RatioPipelineIT {
    @TempDir
    Path tmp;

    @Test
    void ratioLimitsAreAColumnOfTheScoreSummary() throws Exception {
        Path launch = tmp.resolve("ratio");
        long start = System.nanoTime();
        int code = NextflowRun.run(
                launch,
                "-params-file",
                NextflowRun.REPO.resolve("params/sally-eft.yaml").toString(),
                "--events",
                "20000",
                "--draws",
                "100000",
                "--sally_epochs",
                "10",
                "--ratio_loss",
                "alices",
                "--replicas",
                "1",
                "--limits_grid=-0.5:0.5:21,-1:1:21",
                "--outdir",
                launch.resolve("results").toString());
        assertEquals(0, code, NextflowRun.console(launch));
        var trace = NextflowRun.trace(launch.resolve("results"));
        for (String step : List.of("AUGMENT_RATIO", "TRAIN_RATIO", "SHIFT_LOG_RATIOS", "LIMITS_RATIO"))
            assertTrue(trace.containsKey(step), step + " ran: " + trace.keySet());
        assertEquals(List.of("COMPLETED"), trace.get("AUGMENT_RATIO"), "one file of ratio samples per replica");
        ObjectMapper json = new ObjectMapper();
        JsonNode limits = json.readTree(
                launch.resolve("results/sally/limits/limits_ratio_r0.json").toFile());
        assertEquals("ratio", limits.get("method").asText());
        assertEquals("alices", limits.get("estimator").asText());
        assertEquals(21 * 21, limits.get("grid").size());
        assertTrue(Files.isRegularFile(launch.resolve("results/models/model_ratio_r0/weights.params")));
        JsonNode summary = json.readTree(
                launch.resolve("results/sally/summary/summary.json").toFile());
        for (String p : new String[] {"theta1", "theta2"}) {
            double half =
                    summary.at("/limits/" + p + "/fisher_half_width_truth").asDouble();
            double lo = summary.at("/limits/" + p + "/ratio_slice/0").asDouble(),
                    hi = summary.at("/limits/" + p + "/ratio_slice/1").asDouble();
            System.out.printf(
                    "RatioPipelineIT: sally-eft (tiny) with ALICES in %.1f s: 95%% CL slice of %s [%.3f, %.3f], "
                            + "truth Fisher ±%.3f%n",
                    (System.nanoTime() - start) / 1e9, p, lo, hi, half);
            assertEquals(half, hi, 0.5 * half, p + ": upper end of the ratio slice");
            assertEquals(-half, lo, 0.5 * half, p + ": lower end of the ratio slice");
        }
        assertTrue(Files.readString(launch.resolve("results/sally/summary/summary.md"))
                .contains("RATIO: slice"));
    }

    @Test
    void theGaussianToyIsRefusedBeforeAnyTask() throws Exception {
        Path launch = tmp.resolve("gauss");
        int code = NextflowRun.run(
                launch,
                "-params-file",
                NextflowRun.REPO.resolve("params/sally-gaussian.yaml").toString(),
                "--ratio_loss",
                "alices",
                "--outdir",
                launch.resolve("results").toString());
        assertNotEquals(0, code);
        assertTrue(
                NextflowRun.console(launch).contains("--ratio_loss needs morphable weighted events"),
                NextflowRun.console(launch));
    }
}
