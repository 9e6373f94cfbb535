package org.infera.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;

/**
 * The test analysis through a real SLURM cluster (`-profile slurm,test`): every task an sbatch job
 * that SLURM ran to completion, a resumed run with every task cached, and a run killed mid-way whose
 * resume re-runs only the unfinished work. Runs where a cluster answers `sinfo` (.ci/run starts a
 * one-node cluster with .ci/slurm/start.sh); skipped elsewhere.
 */
@EnabledIf("clusterIsUp")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SlurmIT {
    @TempDir
    static Path tmp;

    static final String[] SLURM_TEST = {"-profile", "slurm,test"};

    static boolean clusterIsUp() {
        String state = command("sinfo", "-h", "-o", "%T");
        boolean up = state.contains("idle") || state.contains("mixed") || state.contains("allocated");
        if (!up)
            System.out.println("SlurmIT: skipped, no SLURM cluster answers sinfo (start one with .ci/slurm/start.sh)");
        return up;
    }

    static Path outdir() {
        return tmp.resolve("run/results");
    }

    @Test
    @Order(1)
    void theTestAnalysisRunsThroughSlurm() throws Exception {
        long start = System.nanoTime();
        int code = NextflowRun.run(tmp.resolve("run"), "-profile", "slurm,test", "--outdir", outdir().toString());
        assertEquals(0, code, NextflowRun.console(tmp.resolve("run")));
        double seconds = (System.nanoTime() - start) / 1e9;
        assertTrue(Files.isRegularFile(outdir().resolve("fit/benchmarks.csv")));
        // every task was a SLURM job, and SLURM saw it complete
        List<String> jobs = NextflowRun.traceColumn(outdir(), "native_id");
        assertEquals(
                19,
                jobs.size(),
                "tasks of the test analysis: 4 simulations and 4 augmentations (2 replicas × 2 shards), 4 trainings, 4 "
                        + "shifts, 1 fit, 2 fit diagnostics");
        for (String job : jobs) {
            assertTrue(job.matches("\\d+"), "a SLURM job id: " + job);
            String state = command("scontrol", "show", "job", job);
            assertTrue(state.contains("JobState=COMPLETED"), "job " + job + ": " + state);
        }
        System.out.printf(
                "SlurmIT: test profile through SLURM in %.1f s, %d sbatch jobs, all COMPLETED%n", seconds, jobs.size());
    }

    @Test
    @Order(2)
    void resumeOnTheClusterCachesEverything() throws Exception {
        assertEquals(
                0,
                NextflowRun.run(
                        tmp.resolve("run"), "-profile", "slurm,test", "--outdir", outdir().toString(), "-resume"));
        NextflowRun.trace(outdir())
                .forEach((process, statuses) -> statuses.forEach(s -> assertEquals("CACHED", s, process)));
    }

    @Test
    @Order(3)
    void aRunKilledMidWayResumesOnlyTheUnfinishedTasks() throws Exception {
        Path launch = tmp.resolve("killed");
        Path outdir = launch.resolve("results");
        // the head job is gone; its SLURM jobs are not children of it: cancel them as a lost head node's would be
        NextflowRun.killDuringTraining(
                launch, () -> command("scancel", "--me"), "-profile", "slurm,test", "--outdir", outdir.toString());
        assertFalse(Files.exists(outdir.resolve("fit/benchmarks.csv")), "killed before the fit");
        assertEquals(
                0,
                NextflowRun.run(launch, "-profile", "slurm,test", "--outdir", outdir.toString(), "-resume"),
                NextflowRun.console(launch));
        Map<String, List<String>> trace = NextflowRun.trace(outdir);
        assertTrue(
                trace.get("SIMULATE").stream().allMatch("CACHED"::equals),
                "simulation finished before the kill: " + trace);
        assertTrue(trace.get("AUGMENT").contains("CACHED"), "finished work is not redone: " + trace);
        assertTrue(trace.get("TRAIN").contains("COMPLETED"), "the interrupted training runs again: " + trace);
        assertEquals(List.of("COMPLETED"), trace.get("FIT"));
    }

    /** A command's standard output (empty if it cannot run). */
    static String command(String... cmd) {
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor(30, TimeUnit.SECONDS);
            return out;
        } catch (IOException | InterruptedException e) {
            return "";
        }
    }
}
