package org.infera.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every step in its own image, built and run for real with podman: containers/build.sh builds the five
 * step images from their recipes on the Java 17 base (localhost/infera-base:jre17 from
 * containers/make-base.sh, or INFERA_CONTAINER_BASE), the test analysis runs under `-profile test,podman`
 * with each task's `podman run` naming its step's image, its results equal the same analysis run without
 * containers byte for byte, `-resume` caches every task, and an external generator runs in an image
 * without Java or infera while infera's image validates its output. Skipped (with the reason) where
 * podman cannot run the base image; INFERA_REQUIRE_CONTAINERS=1 (.ci/run sets it) makes that a failure.
 */
@EnabledIf("podmanRunsTheBase")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ContainerIT {
    @TempDir
    static Path tmp;

    static final String BASE = System.getenv().getOrDefault("INFERA_CONTAINER_BASE", "localhost/infera-base:jre17");
    static final String REGISTRY = "localhost/infera";
    static final String TAG = "it";
    static final String GENERATOR = REGISTRY + "/test-generator:" + TAG;
    static final String[] IMAGES = {"--container_registry", REGISTRY, "--container_tag", TAG};

    /** The image each process must run in. */
    static final Map<String, String> IMAGE_OF = Map.ofEntries(
            Map.entry("SIMULATE", "infera-simulate"),
            Map.entry("VALIDATE_EVENTS", "infera-simulate"),
            Map.entry("AUGMENT", "infera-augment"),
            Map.entry("TRAIN", "infera-train"),
            Map.entry("SHIFT", "infera-shift"),
            Map.entry("SHIFT_SCORES", "infera-shift"),
            Map.entry("FIT", "infera-fit"),
            Map.entry("FIT_DIAGNOSTICS", "infera-fit"),
            Map.entry("FISHER", "infera-fit"),
            Map.entry("LIMITS", "infera-fit"),
            Map.entry("SALLY_SUMMARY", "infera-fit"));

    static boolean podmanRunsTheBase() {
        Result r = command(120, "podman", "run", "--rm", "--pull=never", "--network=none", BASE, "java", "-version");
        if (r.code == 0) return true;
        String why = "ContainerIT: skipped, podman cannot run " + BASE + " ("
                + r.out.strip().lines().reduce((a, b) -> b).orElse("no podman")
                + "). Install podman (with runc), make the base with containers/make-base.sh, and where cgroups are "
                + "hybrid or"
                + " rlimits cannot be raised eval \"$(containers/podman-settings.sh DIR)\" first (see .ci/run).";
        if (System.getenv("INFERA_REQUIRE_CONTAINERS") != null)
            throw new AssertionError(why.replace("skipped", "required (INFERA_REQUIRE_CONTAINERS) but"));
        System.out.println(why);
        return false;
    }

    @Test
    @Order(1)
    void everyStepImageBuildsFromItsRecipeAndFindsLibtorchOffline() throws Exception {
        long start = System.nanoTime();
        Result build = command(
                1200,
                Map.of("INFERA_SKIP_BUILD", "1"),
                NextflowRun.REPO.resolve("containers/build.sh").toString(),
                "--engine",
                "podman",
                "--base",
                BASE,
                "--registry",
                REGISTRY,
                "--tag",
                TAG);
        assertEquals(0, build.code, build.out);
        System.out.printf(
                "ContainerIT: five step images built in %.1f s on %s:%n%s",
                (System.nanoTime() - start) / 1e9, BASE, build.out);
        // DJL finds libtorch in the image, without a network and with the image read-only (nothing downloaded or
        // unpacked)
        for (String step : List.of("train", "shift")) {
            Result engine = command(
                    300,
                    "podman",
                    "run",
                    "--rm",
                    "--network=none",
                    "--read-only",
                    REGISTRY + "/infera-" + step + ":" + TAG,
                    "sh",
                    "-c",
                    "java -Dai.djl.offline=true -cp \"/opt/infera/lib/infera-" + step + "/*:/opt/infera/lib/infera-"
                            + step + "/lib/*\" org.infera.nn.EngineCommand");
            assertEquals(0, engine.code, step + ": " + engine.out);
            assertTrue(engine.out.contains("engine: PyTorch"), step + ": " + engine.out);
        }
        // simulate, augment and fit carry no libtorch (the fit reads what shift wrote, never a network)
        for (String step : List.of("simulate", "augment", "fit")) {
            Result ls = command(
                    120,
                    "podman",
                    "run",
                    "--rm",
                    REGISTRY + "/infera-" + step + ":" + TAG,
                    "sh",
                    "-c",
                    "ls /opt/infera/lib/infera-" + step + "/lib; infera-" + step + " --version");
            assertEquals(0, ls.code, ls.out);
            assertFalse(ls.out.contains("pytorch"), step + ": " + ls.out);
            assertTrue(ls.out.contains("infera 0.1.0"), ls.out);
        }
    }

    @Test
    @Order(2)
    void theTestAnalysisRunsInItsImagesWithTheResultsOfARunWithoutContainers() throws Exception {
        long start = System.nanoTime();
        int host = NextflowRun.run(
                tmp.resolve("host"),
                concat(
                        new String[] {
                            "-profile",
                            "test",
                            "--outdir",
                            tmp.resolve("host/results").toString()
                        },
                        ONE));
        assertEquals(0, host, NextflowRun.console(tmp.resolve("host")));
        double hostSeconds = (System.nanoTime() - start) / 1e9;
        start = System.nanoTime();
        Path launch = tmp.resolve("podman");
        int code = NextflowRun.run(
                launch,
                withImages(concat(
                        new String[] {
                            "-profile",
                            "test,podman",
                            "--outdir",
                            launch.resolve("results").toString()
                        },
                        ONE)));
        assertEquals(0, code, NextflowRun.console(launch));
        System.out.printf(
                "ContainerIT: the test analysis in %.1f s without containers, %.1f s under -profile test,podman%n",
                hostSeconds, (System.nanoTime() - start) / 1e9);

        assertEquals(
                11,
                assertEveryTaskRanInItsImage(launch.resolve("results"), Map.of()),
                "2 simulations, 2 augmentations, 2 trainings, 2 shifts, 1 fit, 2 fit diagnostics");
        // the same bytes: events, samples, models, templates, fit tables, workspaces and plots
        Map<String, byte[]> inHost = files(tmp.resolve("host/results")), inPodman = files(launch.resolve("results"));
        TreeSet<String> missing = new TreeSet<>(inHost.keySet()), extra = new TreeSet<>(inPodman.keySet());
        missing.removeAll(inPodman.keySet());
        extra.removeAll(inHost.keySet());
        assertEquals(Set.of(), missing, "results of the run without containers that the run under podman lacks");
        assertEquals(Set.of(), extra, "results only the run under podman has");
        List<String> differ = new ArrayList<>();
        inHost.forEach((f, bytes) -> {
            if (!java.util.Arrays.equals(bytes, inPodman.get(f))) differ.add(f);
        });
        assertEquals(List.of(), differ, "results that differ between the run in containers and the run without");
        System.out.printf("ContainerIT: %d result files byte-identical with and without containers%n", inHost.size());
    }

    @Test
    @Order(3)
    void resumeUnderPodmanCachesEveryTask() throws Exception {
        Path launch = tmp.resolve("podman");
        long start = System.nanoTime();
        assertEquals(
                0,
                NextflowRun.run(
                        launch,
                        withImages(concat(
                                new String[] {
                                    "-profile",
                                    "test,podman",
                                    "--outdir",
                                    launch.resolve("results").toString(),
                                    "-resume"
                                },
                                ONE))),
                NextflowRun.console(launch));
        System.out.printf("ContainerIT: -resume under podman in %.1f s%n", (System.nanoTime() - start) / 1e9);
        Map<String, List<String>> trace = NextflowRun.trace(launch.resolve("results"));
        assertEquals(11, trace.values().stream().mapToInt(List::size).sum(), trace.toString());
        trace.forEach((process, statuses) -> statuses.forEach(s -> assertEquals("CACHED", s, process)));
    }

    @Test
    @Order(4)
    void aGeneratorRunsInItsOwnImageWithoutInferaAndInferaValidatesItsOutput() throws Exception {
        // the user's generator image: Debian, a shell script that writes events files, no Java, no infera
        Path context = Files.createDirectories(tmp.resolve("generator-image/shards"));
        for (int s = 0; s < 2; s++) {
            assertEquals(
                    0,
                    org.infera.core.cli.StepMain.execute(
                            new org.infera.simulate.SimulateCommand(),
                            "eft-toy",
                            "--events",
                            "20000",
                            "--seed",
                            "7",
                            "--shards",
                            "2",
                            "--shard",
                            String.valueOf(s),
                            "-o",
                            context.resolve("shard_" + s + ".h5").toString()));
        }
        Files.copy(
                NextflowRun.REPO.resolve("containers/test-generator/generate.sh"),
                context.getParent().resolve("generate.sh"));
        Result build = command(
                600,
                "podman",
                "build",
                "-q",
                "--build-arg",
                "BASE=" + BASE,
                "-t",
                GENERATOR,
                "-f",
                NextflowRun.REPO.resolve("containers/test-generator/Dockerfile").toString(),
                context.getParent().toString());
        assertEquals(0, build.code, build.out);
        Result java = command(
                120,
                "podman",
                "run",
                "--rm",
                GENERATOR,
                "sh",
                "-c",
                // Only stdout, so podman's separate stderr stream cannot reorder the answer.
                "if command -v java >/dev/null 2>&1 || [ -e /opt/infera ]; then echo found; else echo neither; fi");
        assertEquals(
                "neither",
                java.out.strip().lines().reduce((a, b) -> b).orElse(""),
                "the generator image has no Java and no infera");

        String[] common = {
            "-profile",
            "podman",
            "-params-file",
            NextflowRun.REPO.resolve("params/sally-eft.yaml").toString(),
            "--events",
            "20000",
            "--draws",
            "4000",
            "--sally_epochs",
            "3",
            "--replicas",
            "1",
            "--limits_grid=-0.5:0.5:5,-1:1:5",
            "--generator_container",
            GENERATOR
        };
        Path launch = tmp.resolve("generator");
        long start = System.nanoTime();
        assertEquals(
                0,
                NextflowRun.run(
                        launch,
                        withImages(concat(
                                common,
                                "--generator",
                                "generate {seed} {shard} {output}",
                                "--outdir",
                                launch.resolve("results").toString()))),
                NextflowRun.console(launch));
        System.out.printf(
                "ContainerIT: sally-eft (tiny) from a generator image under podman in %.1f s%n",
                (System.nanoTime() - start) / 1e9);
        int tasks = assertEveryTaskRanInItsImage(launch.resolve("results"), Map.of("GENERATE", GENERATOR));
        Map<String, List<String>> trace = NextflowRun.trace(launch.resolve("results"));
        assertEquals(List.of("COMPLETED", "COMPLETED"), trace.get("GENERATE"), "one generator task per shard");
        assertEquals(
                List.of("COMPLETED", "COMPLETED"),
                trace.get("VALIDATE_EVENTS"),
                "each shard validated in infera's image");
        assertEquals(
                new TreeSet<>(List.of(
                        "GENERATE",
                        "VALIDATE_EVENTS",
                        "AUGMENT",
                        "TRAIN",
                        "SHIFT_SCORES",
                        "FISHER",
                        "LIMITS",
                        "SALLY_SUMMARY")),
                trace.keySet());
        // generate, validate, augment: one per shard; train, shift scores, fisher, limits, summary: one each
        assertEquals(2 + 2 + 2 + 1 + 1 + 1 + 1 + 1, tasks);
        assertTrue(Files.readString(launch.resolve("results/sally/summary/summary.md"))
                .contains("SALLY (kinematics + rate)"));
        // the generated shards are the generator's files, unchanged by their validation
        Path work = launch.resolve("work");
        for (int s = 0; s < 2; s++) {
            String name = String.format("events_shard%05d.h5", s);
            try (Stream<Path> found =
                    // the generator's output, not SHIFT_SCORES's scores file of the same name (in scores_r<k>/)
                    Files.walk(work)
                            .filter(p -> p.getFileName().toString().equals(name)
                                    && !Files.isSymbolicLink(p)
                                    && !p.getParent().getFileName().toString().startsWith("scores_r"))) {
                Path made = found.findFirst().orElseThrow();
                assertArrayEquals(
                        Files.readAllBytes(context.resolve("shard_" + s + ".h5")), Files.readAllBytes(made), name);
            }
        }

        Path bad = tmp.resolve("generator-bad");
        int code = NextflowRun.run(
                bad,
                withImages(concat(
                        common,
                        "--generator",
                        "echo 'not events' > {output}",
                        "--outdir",
                        bad.resolve("results").toString())));
        String console = NextflowRun.console(bad);
        assertTrue(code != 0, console);
        assertTrue(console.contains("not an HDF5 file"), console);
        assertTrue(console.contains("VALIDATE_EVENTS"), console);
        assertFalse(console.contains("AUGMENT ("), "nothing uses a bad generator output: " + console);
    }

    /**
     * Asserts that every task of a run was started by `podman run` with its process's image (from the
     * `.command.run` in its work directory) and returns how many tasks there were.
     */
    static int assertEveryTaskRanInItsImage(Path outdir, Map<String, String> others) throws IOException {
        List<String> names = NextflowRun.traceColumn(outdir, "name"),
                workdirs = NextflowRun.traceColumn(outdir, "workdir");
        for (int i = 0; i < names.size(); i++) {
            String process = NextflowRun.process(names.get(i));
            String image = others.containsKey(process)
                    ? others.get(process)
                    : REGISTRY + "/" + IMAGE_OF.get(process) + ":" + TAG;
            assertTrue(
                    IMAGE_OF.containsKey(process) || others.containsKey(process),
                    "a process without an image: " + process);
            String run = Files.readString(Path.of(workdirs.get(i)).resolve(".command.run"));
            String podman = run.lines()
                    .filter(l -> l.contains("podman run"))
                    .findFirst()
                    .orElse("");
            assertTrue(
                    podman.contains(" " + image + " "),
                    names.get(i) + " ran without podman in " + image + ": " + podman);
        }
        return names.size();
    }

    /**
     * Every file of a results directory by relative path, without the run reports (timings differ) and
     * params.json (it records the run's own --outdir); versions.yml without its Java line (the image's
     * Java runtime is not the host's; infera, DJL and libtorch must agree).
     */
    static Map<String, byte[]> files(Path dir) throws IOException {
        Map<String, byte[]> out = new TreeMap<>();
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path f : (Iterable<Path>) all.filter(Files::isRegularFile)::iterator) {
                String rel = dir.relativize(f).toString();
                if (rel.startsWith("pipeline_info/") && !rel.equals("pipeline_info/versions.yml")
                        || rel.equals("params.json")) continue;
                if (rel.equals("pipeline_info/versions.yml")) {
                    String kept = String.join(
                            "\n",
                            Files.readAllLines(f).stream()
                                    .filter(l -> !l.strip().startsWith("java:"))
                                    .toList());
                    out.put(rel, kept.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                    continue;
                }
                out.put(rel, Files.readAllBytes(f));
            }
        }
        return out;
    }

    /**
     * One replica of the test profile: every step's image still runs (each statistic trains, shifts and is
     * diagnosed once), at about half the tasks of two replicas, which add nothing a container could break.
     */
    static final String[] ONE = {"--replicas", "1"};

    static String[] withImages(String... args) {
        return concat(args, IMAGES);
    }

    static String[] concat(String[] a, String... b) {
        return Stream.concat(Stream.of(a), Stream.of(b)).toArray(String[]::new);
    }

    record Result(int code, String out) {}

    static Result command(int seconds, String... cmd) {
        return command(seconds, Map.of(), cmd);
    }

    /** Runs a command to completion (stdout and stderr together); code -1 if it cannot start or time runs out. */
    static Result command(int seconds, Map<String, String> env, String... cmd) {
        try {
            ProcessBuilder pb =
                    new ProcessBuilder(cmd).redirectErrorStream(true).directory(NextflowRun.REPO.toFile());
            pb.environment().putAll(env);
            Path log = Files.createTempFile("container-it", ".log");
            pb.redirectOutput(log.toFile());
            Process p = pb.start();
            boolean done = p.waitFor(seconds, TimeUnit.SECONDS);
            if (!done) p.destroyForcibly().waitFor();
            String out = Files.readString(log, StandardCharsets.UTF_8);
            Files.delete(log);
            return new Result(done ? p.exitValue() : -1, out);
        } catch (IOException e) {
            return new Result(-1, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(-1, e.toString());
        }
    }
}
