package org.infera.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.infera.augment.AugmentCommand;
import org.infera.core.cli.StepMain;
import org.infera.simulate.SimulateCommand;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same seed trains the same bytes whatever the garbage collector does. With a tiny young generation
 * the JVM collects every few hundred kilobytes, so the cleaner of direct buffers runs between the
 * forward and backward passes of a batch: when a constant's tensor lived in such a buffer (DJL's
 * {@code mul(Number)} and kin), the backward pass read freed memory and each run trained a different
 * network. Classifier, INFERNO and neos trainings go through bin/infera-train, as the pipeline runs
 * them, with INFERA_JAVA_OPTS.
 */
class TrainingReproducibilityIT {
    private static final String GC_EVERY_FEW_BATCHES = "-XX:+UseSerialGC -Xmn1m -Xmx64m";

    @TempDir
    static Path dir;

    static Path samples;
    static Path blobs;

    @BeforeAll
    static void samples() {
        samples = samples("inferno-paper", 4000);
        blobs = samples("neos-blobs", 8000);
    }

    private static Path samples(String model, int events) {
        Path file = dir.resolve(model + "_events.h5"), out = dir.resolve(model + "_samples.h5");
        assertEquals(
                0,
                StepMain.execute(
                        new SimulateCommand(),
                        model,
                        "--events",
                        String.valueOf(events),
                        "--seed",
                        "3",
                        "-o",
                        file.toString()));
        assertEquals(
                0,
                StepMain.execute(new AugmentCommand(), "split", "--seed", "3", "-o", out.toString(), file.toString()));
        return out;
    }

    @Test
    void classifierBytesDoNotDependOnTheGarbageCollector() throws Exception {
        assertSameBytesUnderGcPressure(
                "classifier", "--hidden", "32,32", "--epochs", "10", "--batch-size", "128", "--patience", "20");
    }

    @Test
    void infernoBytesDoNotDependOnTheGarbageCollector() throws Exception {
        assertSameBytesUnderGcPressure(
                "inferno",
                "--analysis",
                NextflowRun.REPO.resolve("params/analysis/inferno-paper.json").toString(),
                "--benchmark",
                "4",
                "--hidden",
                "32,32",
                "--epochs",
                "6",
                "--batch-size",
                "200");
    }

    @Test
    void neosBytesDoNotDependOnTheGarbageCollector() throws Exception {
        assertSameBytesUnderGcPressure(
                blobs,
                "neos",
                "--analysis",
                NextflowRun.REPO.resolve("params/analysis/neos-blobs.json").toString(),
                "--benchmark",
                "0",
                "--epochs",
                "4");
    }

    private static void assertSameBytesUnderGcPressure(String kind, String... options) throws Exception {
        assertSameBytesUnderGcPressure(samples, kind, options);
    }

    private static void assertSameBytesUnderGcPressure(Path samples, String kind, String... options) throws Exception {
        byte[] reference = train(samples, kind, "", "plain", options);
        for (int run = 0; run < 2; run++) {
            assertArrayEquals(
                    reference,
                    train(samples, kind, GC_EVERY_FEW_BATCHES, "gc" + run, options),
                    kind + " trained under " + GC_EVERY_FEW_BATCHES + " (run " + run + ") differs from the plain run");
        }
    }

    private static byte[] train(Path samples, String kind, String javaOptions, String name, String... options)
            throws Exception {
        Path out = dir.resolve(kind + "_" + name);
        List<String> command = new ArrayList<>(List.of(
                NextflowRun.REPO.resolve("bin/infera-train").toString(),
                kind,
                "--samples",
                samples.toString(),
                "--seed",
                "1",
                "-o",
                out.toString()));
        command.addAll(List.of(options));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("INFERA_JAVA_OPTS", javaOptions);
        Process p = pb.start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), log);
        return Files.readAllBytes(out.resolve("weights.params"));
    }
}
