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

    /**
     * The test profile through SLURM, one replica and no diagnostics: every kind of task still is a job (9 of them),
     * the cluster's scheduling and polling, not the analysis, being what this class tests.
     */
    static final String[] SLURM_TEST = {"-profile", "slurm,test", "--replicas", "1", "--diagnostics", "false"};

    /**
     * The killed run keeps the test profile's two replicas. With one, the resume reused the work directory of a
     * cancelled training whose wrapper had written its exit code there (143, or 1), and Nextflow 24.10 took that
     * stale code for the new job's at its first poll, failing the run; a second -resume then ran it in a fresh
     * directory (docs/usage.md, "Running at scale").
     */
    static final String[] KILLED_TEST = {"-profile", "slurm,test"};

    static String[] concat(String[] a, String... b) {
        return java.util.stream.Stream.concat(java.util.Arrays.stream(a), java.util.Arrays.stream(b))
                .toArray(String[]::new);
    }

    /** {@link #SLURM_TEST} with the results in {@code outdir} and any further arguments. */
    static String[] slurmTest(Path outdir, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of(SLURM_TEST));
        args.addAll(List.of("--outdir", outdir.toString()));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

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
        int code = NextflowRun.run(tmp.resolve("run"), slurmTest(outdir()));
        assertEquals(0, code, NextflowRun.console(tmp.resolve("run")));
        double seconds = (System.nanoTime() - start) / 1e9;
        assertTrue(Files.isRegularFile(outdir().resolve("fit/benchmarks.csv")));
        // every task was a SLURM job, and SLURM saw it complete
        List<String> jobs = NextflowRun.traceColumn(outdir(), "native_id");
        assertEquals(
                9,
                jobs.size(),
                "tasks of the test analysis: 2 simulations and 2 augmentations (1 replica × 2 shards), 2 trainings, 2 "
                        + "shifts, 1 fit");
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
        assertEquals(0, NextflowRun.run(tmp.resolve("run"), slurmTest(outdir(), "-resume")));
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
                launch, SlurmIT::cancelEveryJob, concat(KILLED_TEST, "--outdir", outdir.toString()));
        assertFalse(Files.exists(outdir.resolve("fit/benchmarks.csv")), "killed before the fit");
        assertEquals(
                0,
                NextflowRun.run(launch, concat(KILLED_TEST, "--outdir", outdir.toString(), "-resume")),
                NextflowRun.console(launch));
        Map<String, List<String>> trace = NextflowRun.trace(outdir);
        assertTrue(
                trace.get("SIMULATE").stream().allMatch("CACHED"::equals),
                "simulation finished before the kill: " + trace);
        assertTrue(trace.get("AUGMENT").contains("CACHED"), "finished work is not redone: " + trace);
        assertTrue(trace.get("TRAIN").contains("COMPLETED"), "the interrupted training runs again: " + trace);
        assertEquals(List.of("COMPLETED"), trace.get("FIT"));
    }

    /**
     * Cancels this user's jobs and waits until SLURM has ended them. A cancelled job's wrapper still writes its
     * exit code into the task's work directory as it ends; a resume launched before that saw the code of the
     * cancelled job as its own task's (exit 1, nothing logged).
     */
    static void cancelEveryJob() {
        command("scancel", "--me");
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (!command("squeue", "-h", "--me").isBlank()) {
            assertTrue(System.nanoTime() < deadline, "SLURM still lists jobs 2 minutes after scancel");
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
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
