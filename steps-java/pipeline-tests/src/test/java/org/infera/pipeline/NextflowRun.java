package org.infera.pipeline;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Runs ./nextflow (the project's launcher) on main.nf from a launch directory, as a user would. */
final class NextflowRun {
    static final Path REPO =
            Path.of(System.getProperty("infera.repo", "../..")).toAbsolutePath().normalize();

    private NextflowRun() {}

    static ProcessBuilder builder(Path launchDir, String... args) throws IOException {
        Files.createDirectories(launchDir);
        List<String> cmd = new ArrayList<>(List.of(
                REPO.resolve("nextflow").toString(),
                "run",
                REPO.resolve("main.nf").toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd)
                .directory(launchDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(launchDir.resolve("console.log").toFile());
        pb.environment().put("INFERA_SKIP_BUILD", "1"); // mvn verify has just built the steps
        pb.environment().put("NXF_ANSI_LOG", "false");
        return pb;
    }

    /** Runs to completion and returns the exit code; the console output is in launchDir/console.log. */
    static int run(Path launchDir, String... args) throws IOException, InterruptedException {
        Process p = builder(launchDir, args).start();
        if (!p.waitFor(10, TimeUnit.MINUTES)) {
            killTree(p);
            throw new AssertionError("nextflow did not finish in 10 minutes; see " + launchDir.resolve("console.log"));
        }
        return p.exitValue();
    }

    static String console(Path launchDir) throws IOException {
        return Files.readString(launchDir.resolve("console.log"), StandardCharsets.UTF_8);
    }

    /**
     * Kills a process and everything it started, as a lost node would: its descendants, and any step
     * executable that a dying task shell had just forked (such a JVM is re-parented before the
     * descendants can be listed, and would otherwise go on training beside the resumed run).
     */
    static void killTree(Process p) throws InterruptedException {
        java.time.Instant started = p.info().startInstant().orElse(java.time.Instant.EPOCH);
        List<ProcessHandle> all = new ArrayList<>(p.descendants().toList());
        p.destroyForcibly();
        all.forEach(ProcessHandle::destroyForcibly);
        p.waitFor(30, TimeUnit.SECONDS);
        ProcessHandle.allProcesses()
                .filter(h -> h.info()
                        .commandLine()
                        .orElse("")
                        .contains(REPO.resolve("steps-java").toString()))
                .filter(h ->
                        h.info().startInstant().map(t -> !t.isBefore(started)).orElse(false))
                .forEach(h -> {
                    h.destroyForcibly();
                    all.add(h);
                });
        for (ProcessHandle h : all)
            h.onExit().completeOnTimeout(h, 30, TimeUnit.SECONDS).join();
    }

    /** Process name (e.g. "TRAIN") → statuses of its tasks, from the run's trace file. */
    static Map<String, List<String>> trace(Path outdir) throws IOException {
        List<String> lines = Files.readAllLines(outdir.resolve("pipeline_info/trace.tsv"));
        List<String> header = List.of(lines.get(0).split("\t"));
        int name = header.indexOf("name"), status = header.indexOf("status");
        Map<String, List<String>> out = new TreeMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split("\t");
            out.computeIfAbsent(process(f[name]), k -> new ArrayList<>()).add(f[status]);
        }
        return out;
    }

    /**
     * The step of a trace row's task name, "BINNED:TRAIN (inferno-paper classifier r0)" → "TRAIN": the
     * name is qualified by the workflows that call the step, the step alone is what a test asks about.
     */
    static String process(String taskName) {
        String qualified = taskName.split(" ")[0];
        return qualified.substring(qualified.lastIndexOf(':') + 1);
    }

    /**
     * Starts a run and kills it (as a lost node would) once a TRAIN task is running; {@code afterKill} cleans up what
     * the kill leaves.
     */
    static void killDuringTraining(Path launchDir, Runnable afterKill, String... args) throws Exception {
        Process p = builder(launchDir, args).start();
        try {
            waitForRunningTraining(launchDir.resolve("work"), p);
        } finally {
            killTree(p);
            afterKill.run();
        }
    }

    /** One column of the run's trace file (e.g. "native_id": the executor's job id), row by row. */
    static List<String> traceColumn(Path outdir, String field) throws IOException {
        List<String> lines = Files.readAllLines(outdir.resolve("pipeline_info/trace.tsv"));
        int column = List.of(lines.get(0).split("\t")).indexOf(field);
        List<String> out = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) out.add(line.split("\t")[column]);
        return out;
    }

    /** Waits until a TRAIN task has started (its .command.begin exists) and has not finished. */
    static void waitForRunningTraining(Path work, Process p) throws Exception {
        long deadline = System.nanoTime() + 300_000_000_000L;
        while (System.nanoTime() < deadline) {
            assertTrue(p.isAlive(), "nextflow ended before training started");
            if (Files.isDirectory(work)) {
                try (Stream<Path> files = Files.walk(work, 3)) {
                    boolean running = files.filter(
                                    f -> f.getFileName().toString().equals(".command.begin"))
                            .map(Path::getParent)
                            .anyMatch(d -> isTrain(d) && !Files.exists(d.resolve(".exitcode")));
                    if (running) return;
                } catch (java.io.UncheckedIOException e) {
                    // a task renamed or removed a file while we walked the work directory: look again
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no TRAIN task started within 5 minutes");
    }

    static boolean isTrain(Path taskDir) {
        try {
            return Files.readString(taskDir.resolve(".command.sh")).contains("infera-train");
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
