package org.infera.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
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
 * params/sally-gaussian.yaml on tiny data: SALLY on the Gaussian toy through Nextflow, its expected limits from
 * weighted events at the grid and their coverage from event-level pseudo-experiments (fresh events simulated at θ,
 * scored by the replica's network). The expected 95% CL interval cannot be narrower than the Fisher bound
 * θ ± sqrt(3.84 / (0.2 L)), computed here.
 */
class GaussianSallyPipelineIT {
    @TempDir
    static Path tmp;

    @Test
    void sallyLimitsOfTheGaussianToyAndTheirEventLevelCoverage() throws Exception {
        Path launch = tmp.resolve("gaussian"), outdir = launch.resolve("results");
        long start = System.nanoTime();
        int code = NextflowRun.run(
                launch,
                "-params-file",
                NextflowRun.REPO.resolve("params/sally-gaussian.yaml").toString(),
                "--events",
                "4000",
                "--draws",
                "4000",
                "--sally_epochs",
                "3",
                "--replicas",
                "1",
                "--coverage",
                "100",
                "--outdir",
                outdir.toString());
        assertEquals(0, code, NextflowRun.console(launch));
        double seconds = (System.nanoTime() - start) / 1e9;
        Map<String, List<String>> trace = NextflowRun.trace(outdir);
        assertEquals(List.of("COMPLETED", "COMPLETED"), trace.get("SIMULATE_SAMPLES"), "score samples per shard");
        assertEquals(List.of("COMPLETED"), trace.get("SIMULATE_PSEUDO"), "one task for all pseudo-experiments");
        assertEquals(List.of("COMPLETED"), trace.get("SHIFT_PSEUDO_SCORES"));
        assertNull(trace.get("AUGMENT"), "not morphable: nothing to augment at θ");
        assertNull(trace.get("FISHER"), "no Fisher information from weights known at the grid only");

        JsonNode limits = new ObjectMapper()
                .readTree(outdir.resolve("sally/limits/limits_r0.json").toFile());
        JsonNode coverage = limits.get("coverage");
        assertEquals("events", coverage.get("pseudo_experiments").asText());
        assertEquals(100, coverage.get("toys").asInt());
        for (JsonNode level : coverage.get("levels"))
            assertFalse(level.get("flagged").asBoolean(), "coverage within ±3σ of its binomial band: " + level);

        JsonNode summary = new ObjectMapper()
                .readTree(outdir.resolve("sally/summary/summary.json").toFile());
        double lo = summary.at("/limits/theta/histogram_slice/0").asDouble(),
                hi = summary.at("/limits/theta/histogram_slice/1").asDouble();
        double bound = Math.sqrt(3.841 / (0.2 * 100)); // 0.438
        System.out.printf(
                "GaussianSallyPipelineIT: %.0f s; 95%% CL slice [%.3f, %.3f] against the Fisher bound ±%.3f; "
                        + "coverage %s%n",
                seconds, lo, hi, bound, coverage.get("levels"));
        assertTrue(hi >= bound - 0.05 && hi < 1.5 * bound, "upper end " + hi);
        assertTrue(-lo >= bound - 0.05 && -lo < 1.5 * bound, "lower end " + lo);
        String md = Files.readString(outdir.resolve("sally/summary/summary.md"));
        assertTrue(md.contains("event-level pseudo-experiments"), md);
    }
}
