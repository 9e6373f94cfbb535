package org.infera.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher (bin/infera-step) keeps stdout for what a step prints there (infera-fit fisher's JSON, which the
 * pipeline saves as a file): the JVM writes its own warnings to stdout by default, and one such line
 * ("[0.005s][warning]…") made a FISHER task's rate.json unreadable under podman on CI.
 */
class LauncherStdoutTest {
    @Test
    void jvmWarningsGoToStderrAndStdoutKeepsTheStepsOutput(@TempDir Path tmp) throws Exception {
        // -XX:+UseLargePages makes the JVM warn wherever no large pages are configured (most machines)
        Output plain = run(tmp, Map.of(), "java", "-XX:+UseLargePages", "-version");
        assumeTrue(plain.stdout.contains("[warning]"), "the JVM does not warn here (large pages configured)");
        assumeTrue(
                Files.isRegularFile(NextflowRun.REPO.resolve("steps-java/fit/target/infera-fit.jar")),
                "infera-fit is not built");

        Output step = run(
                tmp,
                Map.of("INFERA_JAVA_OPTS", "-XX:+UseLargePages"),
                NextflowRun.REPO.resolve("bin/infera-fit").toString(),
                "--version");
        assertEquals(0, step.code, step.stderr);
        assertFalse(step.stdout.contains("[warning]"), step.stdout);
        assertTrue(step.stdout.startsWith("infera "), step.stdout);
        assertTrue(step.stderr.contains("[warning]"), "the JVM's warning is kept, on stderr: " + step.stderr);
    }

    private record Output(int code, String stdout, String stderr) {}

    private static Output run(Path tmp, Map<String, String> env, String... command)
            throws IOException, InterruptedException {
        Path out = tmp.resolve("stdout"), err = tmp.resolve("stderr");
        ProcessBuilder pb = new ProcessBuilder(List.of(command))
                .redirectOutput(out.toFile())
                .redirectError(err.toFile());
        pb.environment().putAll(env);
        Process p = pb.start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "timed out: " + String.join(" ", command));
        return new Output(
                p.exitValue(),
                Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }
}
