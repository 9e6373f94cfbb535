package org.infera.pipeline;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/** Runs ./nextflow (the project's launcher) on main.nf from a launch directory, as a user would. */
final class NextflowRun {
    static final Path REPO = Path.of(System.getProperty("infera.repo", "../..")).toAbsolutePath().normalize();

    private NextflowRun() {}

    static ProcessBuilder builder(Path launchDir, String... args) throws IOException {
        Files.createDirectories(launchDir);
        List<String> cmd = new ArrayList<>(List.of(REPO.resolve("nextflow").toString(), "run", REPO.resolve("main.nf").toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(launchDir.toFile()).redirectErrorStream(true)
                .redirectOutput(launchDir.resolve("console.log").toFile());
        pb.environment().put("INFERA_SKIP_BUILD", "1");   // mvn verify has just built the steps
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
                .filter(h -> h.info().commandLine().orElse("").contains(REPO.resolve("steps-java").toString()))
                .filter(h -> h.info().startInstant().map(t -> !t.isBefore(started)).orElse(false))
                .forEach(h -> {
                    h.destroyForcibly();
                    all.add(h);
                });
        for (ProcessHandle h : all) h.onExit().completeOnTimeout(h, 30, TimeUnit.SECONDS).join();
    }

    /** Process name (e.g. "TRAIN") → statuses of its tasks, from the run's trace file. */
    static Map<String, List<String>> trace(Path outdir) throws IOException {
        List<String> lines = Files.readAllLines(outdir.resolve("pipeline_info/trace.tsv"));
        List<String> header = List.of(lines.get(0).split("\t"));
        int name = header.indexOf("name"), status = header.indexOf("status");
        Map<String, List<String>> out = new TreeMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split("\t");
            String process = f[name].split(" ")[0];
            out.computeIfAbsent(process, k -> new ArrayList<>()).add(f[status]);
        }
        return out;
    }
}
