package org.infera.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.infera.nn.onnx.OnnxRuntimeCheck;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The `test` analysis end to end through Nextflow with the real step executables: a full run, a
 * resumed run (every task cached), a fit-only parameter change (only FIT re-runs), and a run killed
 * during training then resumed (finished work cached, the training re-run, the same precision).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PipelineIT {
    @TempDir
    static Path tmp;

    static Path launch() {
        return tmp.resolve("run");
    }

    static Path outdir() {
        return tmp.resolve("run/results");
    }

    static final String[] TEST = {"-profile", "test"};

    @Test
    @Order(1)
    void testProfileRunsEndToEnd() throws Exception {
        long start = System.nanoTime();
        int code = NextflowRun.run(launch(), "-profile", "test", "--outdir", outdir().toString());
        double seconds = (System.nanoTime() - start) / 1e9;
        assertEquals(0, code, NextflowRun.console(launch()));
        System.out.printf("PipelineIT: test profile end to end in %.1f s%n", seconds);

        List<String> csv = Files.readAllLines(outdir().resolve("fit/benchmarks.csv"));
        assertEquals("statistic,benchmark,sigma_fisher,width_profile", csv.get(0));
        assertEquals(1 + 3 * 5, csv.size(), "analytic, classifier and inferno_bm4 on benchmarks 0-4");
        Map<String, double[]> sigma = new java.util.TreeMap<>();
        for (String line : csv.subList(1, csv.size())) {
            String[] row = line.split(",", -1);
            int b = Integer.parseInt(row[1]);
            double s = Double.parseDouble(row[2]);
            sigma.computeIfAbsent(row[0], k -> new double[5])[b] = s;
            if (row[0].equals("analytic")) {
                assertEquals("", row[3], "no binned profile for the analytic row");
                continue;
            }
            double width = Double.parseDouble(row[3]);
            // Tiny data, so loose physical bounds: above the analytic limit's 14.7, well below a useless statistic.
            assertTrue(s > 14 && s < 60, row[0] + " BM" + b + " sigma " + s);
            assertEquals(s, width, 0.05 * s, "profile width near the Fisher sigma on BM" + b);
            assertTrue(Files.size(outdir().resolve("fit/scans/" + row[0] + "_bm" + b + ".png")) > 1000);
            // a fit's workspace is published in pyhf's format where pyhf states the fitted model (no floating
            // nuisance: benchmark 0), every fit's CLs curve
            assertEquals(
                    b == 0,
                    Files.exists(outdir().resolve("fit/workspaces/" + row[0] + "_bm" + b + ".json")),
                    row[0] + " BM" + b);
            assertTrue(Files.size(outdir().resolve("fit/cls/" + row[0] + "_bm" + b + ".png")) > 1000);
        }
        assertEquals(
                1 + 2 * 5,
                Files.readAllLines(outdir().resolve("fit/limits.csv")).size(),
                "expected limits of each statistic on each benchmark");
        for (int b = 0; b < 5; b++) {
            for (String statistic : List.of("classifier", "inferno_bm4")) {
                assertTrue(
                        sigma.get("analytic")[b] < sigma.get(statistic)[b],
                        "no statistic beats the analytic limit: " + statistic + " BM" + b);
            }
        }
        for (int r = 0; r < 2; r++) {
            for (String statistic : List.of("classifier", "inferno_bm4")) {
                Path model = outdir().resolve("models/model_" + statistic + "_r" + r);
                assertTrue(Files.isRegularFile(model.resolve("weights.params")));
                OnnxRuntimeCheck.assertOnnxRuntimeAgreesWithDjl(model, r); // the network other tools load
                assertTrue(
                        Files.isRegularFile(outdir().resolve("templates/templates_" + statistic + "_r" + r + ".h5")));
            }
        }
        assertEquals(
                1 + 2 * 2 * 5 + 5,
                Files.readAllLines(outdir().resolve("fit/benchmarks_replicas.csv"))
                        .size());
        String versions = Files.readString(outdir().resolve("pipeline_info/versions.yml"));
        assertTrue(
                versions.contains("infera: 0.1.0")
                        && versions.contains("java: 17")
                        && versions.contains("djl: ")
                        && versions.contains("libtorch: "),
                versions);
        // the run explains itself: what it was (the test profile's tiny data said so), its files, its parameters
        assertTrue(
                Files.readString(outdir().resolve("fit/benchmarks.md")).contains("**Test profile: tiny data"),
                "the table says it is the test profile");
        String readme = Files.readString(outdir().resolve("README.md"));
        assertTrue(
                readme.contains("This is the test profile")
                        && readme.contains("`fit/`")
                        && !readme.contains(NextflowRun.REPO.toString()),
                readme);
        var params = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(outdir().resolve("params.json").toFile());
        assertEquals(6000, params.get("events").asInt());
        assertEquals(
                "params/analysis/inferno-paper.json", params.get("analysis").asText());
        Map<String, List<String>> trace = NextflowRun.trace(outdir());
        assertEquals(
                List.of("COMPLETED", "COMPLETED", "COMPLETED", "COMPLETED"),
                trace.get("SIMULATE"),
                "two replicas of two shards in the test profile");
        // fit diagnostics of every statistic and benchmark on one pseudo-dataset (issue 18)
        FitDiagnosticsChecks.check(outdir(), List.of("classifier", "inferno_bm4"), 5);
    }

    @Test
    @Order(2)
    void resumeReportsEveryTaskCached() throws Exception {
        long start = System.nanoTime();
        assertEquals(
                0,
                NextflowRun.run(launch(), "-profile", "test", "--outdir", outdir().toString(), "-resume"),
                NextflowRun.console(launch()));
        System.out.printf("PipelineIT: -resume of a finished run in %.1f s%n", (System.nanoTime() - start) / 1e9);
        Map<String, List<String>> trace = NextflowRun.trace(outdir());
        assertEquals(
                4 + 4 + 4 + 4 + 1 + 2,
                trace.values().stream().mapToInt(List::size).sum(),
                trace.toString());
        trace.forEach((process, statuses) -> statuses.forEach(s -> assertEquals("CACHED", s, process)));
        // the first run's report is kept beside the resumed run's
        try (var reports = Files.list(outdir().resolve("pipeline_info"))) {
            assertTrue(
                    reports.filter(f -> f.getFileName().toString().startsWith("report_"))
                                    .count()
                            >= 2,
                    "one report per run");
        }
    }

    @Test
    @Order(3)
    void changingAFitOnlyParameterReRunsOnlyTheFit() throws Exception {
        assertEquals(
                0,
                NextflowRun.run(
                        launch(),
                        "-profile",
                        "test",
                        "--outdir",
                        outdir().toString(),
                        "-resume",
                        "--scan_points",
                        "21"),
                NextflowRun.console(launch()));
        Map<String, List<String>> trace = NextflowRun.trace(outdir());
        assertEquals(List.of("COMPLETED"), trace.get("FIT"));
        for (String p : List.of("SIMULATE", "AUGMENT", "TRAIN", "SHIFT")) {
            trace.get(p).forEach(s -> assertEquals("CACHED", s, p));
        }
    }

    /**
     * --coverage 50 on the finished run: only the pseudo-experiments (one task per statistic and replica) and
     * the coverage fit run; every cell (statistic, benchmark, truth) has 50 event-level and 50 template-level
     * intervals, and the machinery check (pseudo-data from the fitted models' own templates) covers.
     */
    @Test
    @Order(4)
    void coverageRunsOnTheFinishedRunAndTheMachineryCovers() throws Exception {
        long start = System.nanoTime();
        assertEquals(
                0,
                NextflowRun.run(
                        launch(), "-profile", "test", "--outdir", outdir().toString(), "-resume", "--coverage", "50"),
                NextflowRun.console(launch()));
        System.out.printf("PipelineIT: --coverage 50 on a finished run in %.1f s%n", (System.nanoTime() - start) / 1e9);
        Map<String, List<String>> trace = NextflowRun.trace(outdir());
        assertEquals(List.of("COMPLETED", "COMPLETED", "COMPLETED", "COMPLETED"), trace.get("PSEUDO_EXPERIMENTS"));
        assertEquals(List.of("COMPLETED"), trace.get("COVERAGE"));
        for (String p : List.of("SIMULATE", "AUGMENT", "TRAIN", "SHIFT"))
            trace.get(p).forEach(s -> assertEquals("CACHED", s, p));
        List<String> csv = Files.readAllLines(outdir().resolve("fit/coverage/coverage.csv"));
        List<String> header = List.of(csv.get(0).split(","));
        // 2 statistics × (BM0–2 nominal; BM3 nominal, r ±1σ, λ ±1σ; BM4 those and b ±1σ) × 2 levels
        assertEquals(1 + 2 * (3 + 5 + 7) * 2, csv.size());
        int flaggedTemplateCells = 0;
        for (String line : csv.subList(1, csv.size())) {
            String[] row = line.split(",", -1);
            assertEquals("50", row[header.indexOf("n")], line);
            double coverage = Double.parseDouble(row[header.indexOf("coverage")]);
            // event level: the test profile's undertrained statistics may under-cover (a finding, not a failure)
            assertTrue(coverage >= 0 && coverage <= 1 && (row[0].equals("event") || coverage > 0.4), line);
            if (row[0].equals("template") && row[header.indexOf("flagged")].equals("true")) flaggedTemplateCells++;
        }
        // 30 independent cells at ±3σ: one flagged by chance has probability 8%, two 0.3%
        assertTrue(flaggedTemplateCells <= 1, "the machinery check under-covers in " + flaggedTemplateCells + " cells");
        assertEquals(
                1 + 2 * (3 + 5 + 7) * 50 * 2,
                Files.readAllLines(outdir().resolve("fit/coverage/experiments.csv"))
                        .size());
        assertTrue(Files.size(outdir().resolve("fit/coverage/coverage.png")) > 1000);
        assertTrue(Files.isRegularFile(outdir().resolve("fit/benchmarks.csv")), "FIT's fit/ kept beside fit/coverage/");
        String readme = Files.readString(outdir().resolve("README.md"));
        assertTrue(readme.contains("## Coverage") && readme.contains("template level: χ²"), readme);
    }

    @Test
    @Order(5)
    void runKilledDuringTrainingResumesToIdenticalResults() throws Exception {
        Path launch = tmp.resolve("killed");
        Path outdir = launch.resolve("results");
        NextflowRun.killDuringTraining(launch, () -> {}, "-profile", "test", "--outdir", outdir.toString());
        assertFalse(Files.exists(outdir.resolve("fit/benchmarks.csv")), "killed before the fit");

        assertEquals(
                0,
                NextflowRun.run(launch, "-profile", "test", "--outdir", outdir.toString(), "-resume"),
                NextflowRun.console(launch));
        Map<String, List<String>> trace = NextflowRun.trace(outdir);
        // The training that was killed had its samples: that augmentation finished and is not redone.
        assertTrue(trace.get("AUGMENT").contains("CACHED"), "finished work is not redone: " + trace);
        assertTrue(trace.get("TRAIN").contains("COMPLETED"), "the interrupted training runs again: " + trace);
        // Compared with the uninterrupted run (test 1): the same seeds give the same bytes, models included
        // (README, Reproducibility), so the results are identical, not just close.
        assertEquals(0, NextflowRun.run(launch, "-profile", "test", "--outdir", outdir.toString(), "-resume"));
        for (int r = 0; r < 2; r++) {
            for (String statistic : List.of("classifier", "inferno_bm4")) {
                String model = "models/model_" + statistic + "_r" + r + "/weights.params";
                assertTrue(Files.isRegularFile(outdir.resolve(model)), model);
                assertArrayEquals(
                        Files.readAllBytes(tmp.resolve("run/results").resolve(model)),
                        Files.readAllBytes(outdir.resolve(model)),
                        model + " of the killed-and-resumed run differs from the uninterrupted run's");
            }
        }
        assertEquals(
                Files.readString(tmp.resolve("run/results/fit/benchmarks.csv")),
                Files.readString(outdir.resolve("fit/benchmarks.csv")));
    }

    @Test
    @Order(6)
    void stubRunExercisesTheWiring() throws Exception {
        Path launch = tmp.resolve("stub");
        assertEquals(
                0,
                NextflowRun.run(
                        launch,
                        "-profile",
                        "test",
                        "-stub-run",
                        "--statistics",
                        "classifier,inferno_bm4,pivot",
                        "--outdir",
                        launch.resolve("results").toString()),
                NextflowRun.console(launch));
        assertTrue(Files.isRegularFile(launch.resolve("results/fit/benchmarks.csv")));
        assertTrue(NextflowRun.console(launch).contains("pivot r1"), "the pivot's trainings ran");
        // a selector of a process that does not run (toys, coverage) makes Nextflow warn: a newcomer's first worry
        assertFalse(
                NextflowRun.console(launch).contains("no process matching config selector"),
                NextflowRun.console(launch));
    }

    @Test
    @Order(7)
    void neosParamsFileRunsEndToEndAndBeatsTheClassifier() throws Exception {
        Path launch = tmp.resolve("neos");
        long start = System.nanoTime();
        int code = NextflowRun.run(
                launch,
                "-params-file",
                NextflowRun.REPO.resolve("params/neos-blobs.yaml").toString(),
                "--events",
                "4000",
                "--replicas",
                "1",
                "--neos_epochs",
                "8",
                "--epochs",
                "15",
                "--outdir",
                launch.resolve("results").toString());
        assertEquals(0, code, NextflowRun.console(launch));
        var summary = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(launch.resolve("results/neos/summary.json").toFile());
        double neos = summary.get("neos").asDouble(),
                classifier = summary.get("classifier").asDouble();
        System.out.printf(
                "PipelineIT: neos-blobs (tiny) in %.1f s: expected CLs of mu = 1: neos %.3g, classifier %.3g%n",
                (System.nanoTime() - start) / 1e9, neos, classifier);
        assertTrue(neos > 0 && neos < 0.01, "neos expected CLs " + neos);
        assertTrue(neos < classifier, "neos " + neos + " below the classifier " + classifier + " with the same bins");
        for (String f : List.of(
                "neos/cls.png",
                "neos/summary.md",
                "models/model_neos_bm0_r0/output_plane.png",
                "models/model_neos_bm0_r0/histograms.png",
                "fit/cls/neos_bm0_bm0.png",
                "fit/workspaces/README.md")) {
            assertTrue(Files.size(launch.resolve("results").resolve(f)) > 100, f);
        }
        OnnxRuntimeCheck.assertOnnxRuntimeAgreesWithDjl(launch.resolve("results/models/model_neos_bm0_r0"), 0);
    }

    @Test
    @Order(8)
    void sallyParamsFileRunsEndToEnd() throws Exception {
        Path launch = tmp.resolve("sally");
        long start = System.nanoTime();
        int code = NextflowRun.run(
                launch,
                "-params-file",
                NextflowRun.REPO.resolve("params/sally-eft.yaml").toString(),
                "--events",
                "20000",
                "--draws",
                "20000",
                "--sally_epochs",
                "10",
                "--replicas",
                "1",
                "--limits_grid=-0.5:0.5:41,-1:1:41",
                "--outdir",
                launch.resolve("results").toString());
        assertEquals(0, code, NextflowRun.console(launch));
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        var truth = json.readTree(
                        launch.resolve("results/sally/fisher_r0/truth.json").toFile())
                .get("fisher");
        var sally = json.readTree(
                        launch.resolve("results/sally/fisher_r0/sally.json").toFile())
                .get("fisher");
        System.out.printf(
                "PipelineIT: sally-eft (tiny) in %.1f s: Fisher information at the SM for L = 100: truth %.1f, %.1f; "
                        + "SALLY %.1f, %.1f%n",
                (System.nanoTime() - start) / 1e9,
                truth.get(0).get(0).asDouble(),
                truth.get(1).get(1).asDouble(),
                sally.get(0).get(0).asDouble(),
                sally.get(1).get(1).asDouble());
        // closed form for L = 100: diag(800/3, 3200/45); SALLY cannot exceed the truth by more than its fluctuation
        assertEquals(800.0 / 3, truth.get(0).get(0).asDouble(), 0.05 * 800.0 / 3);
        for (int a = 0; a < 2; a++) {
            assertTrue(
                    sally.get(a).get(a).asDouble() < 1.02 * truth.get(a).get(a).asDouble());
            assertTrue(
                    sally.get(a).get(a).asDouble() > 0.7 * truth.get(a).get(a).asDouble());
        }
        assertTrue(Files.isRegularFile(launch.resolve("results/models/model_sally_r0/weights.params")));
        OnnxRuntimeCheck.assertOnnxRuntimeAgreesWithDjl(launch.resolve("results/models/model_sally_r0"), 0);
        // the summary table: the score-histogram limits agree with SALLY's Fisher information
        var summary = json.readTree(
                launch.resolve("results/sally/summary/summary.json").toFile());
        for (String p : new String[] {"theta1", "theta2"}) {
            double half =
                    summary.at("/limits/" + p + "/fisher_half_width_sally").asDouble();
            double lo = summary.at("/limits/" + p + "/histogram_slice/0").asDouble(),
                    hi = summary.at("/limits/" + p + "/histogram_slice/1").asDouble();
            System.out.printf(
                    "PipelineIT: sally-eft (tiny) 95%% CL slice of %s: histograms [%.3f, %.3f], SALLY Fisher ±%.3f%n",
                    p, lo, hi, half);
            assertEquals(half, hi, 0.3 * half + 0.05, p + ": upper end of the slice");
            assertEquals(-half, lo, 0.3 * half + 0.05, p + ": lower end of the slice");
            // SALLINO's 1-D histograms of the projected score: the same region to within the binning's difference
            double sallinoLo = summary.at("/limits/" + p + "/sallino_slice/0").asDouble(),
                    sallinoHi = summary.at("/limits/" + p + "/sallino_slice/1").asDouble();
            assertEquals(hi, sallinoHi, 0.3 * half, p + ": SALLINO's upper end");
            assertEquals(lo, sallinoLo, 0.3 * half, p + ": SALLINO's lower end");
        }
        assertTrue(Files.readString(launch.resolve("results/sally/summary/summary.md"))
                .contains("SALLY (kinematics + rate)"));
        assertTrue(Files.isRegularFile(launch.resolve("results/sally/limits/limits_r0.png")));
        assertTrue(Files.isRegularFile(launch.resolve("results/sally/limits/limits_sallino_r0.png")));
    }

    @Test
    @Order(9)
    void externalEventsReplaceTheSimulationAndBadOnesStopBeforeTraining() throws Exception {
        Path launch = tmp.resolve("external");
        Path data = java.nio.file.Files.createDirectories(launch.resolve("data"));
        // two shards of an external generator's weighted events (here our EFT toy, in MadMiner's layout)
        for (int s = 0; s < 2; s++) {
            assertEquals(
                    0,
                    org.infera.core.cli.StepMain.execute(
                            new org.infera.simulate.SimulateCommand(),
                            "eft-toy",
                            "--events",
                            "20000",
                            "--seed",
                            "3",
                            "--shards",
                            "2",
                            "--shard",
                            String.valueOf(s),
                            "-o",
                            data.resolve("gen_" + s + ".h5").toString()));
        }
        String[] common = {
            "-params-file",
            NextflowRun.REPO.resolve("params/sally-eft.yaml").toString(),
            "--draws",
            "10000",
            "--sally_epochs",
            "5",
            "--replicas",
            "1"
        };
        String[] good = java.util.stream.Stream.concat(
                        java.util.Arrays.stream(common),
                        java.util.stream.Stream.of(
                                "--events_files",
                                data.resolve("gen_*.h5").toString(),
                                "--outdir",
                                launch.resolve("results").toString()))
                .toArray(String[]::new);
        assertEquals(0, NextflowRun.run(launch, good), NextflowRun.console(launch));
        Map<String, List<String>> trace = NextflowRun.trace(launch.resolve("results"));
        assertEquals(null, trace.get("SIMULATE"), "no simulation when events are given");
        assertTrue(Files.isRegularFile(launch.resolve("results/sally/fisher_r0/sally.json")));

        Path bad = tmp.resolve("external-bad");
        Files.createDirectories(bad.resolve("data"));
        Files.writeString(bad.resolve("data/gen_0.h5"), "x1,x2\n0.1,0.2\n");
        String[] wrong = java.util.stream.Stream.concat(
                        java.util.Arrays.stream(common),
                        java.util.stream.Stream.of(
                                "--events_files",
                                bad.resolve("data/gen_*.h5").toString(),
                                "--outdir",
                                bad.resolve("results").toString()))
                .toArray(String[]::new);
        assertTrue(NextflowRun.run(bad, wrong) != 0);
        String console = NextflowRun.console(bad);
        assertTrue(console.contains("not an HDF5 file"), console);
        assertFalse(console.contains("TRAIN ("), "nothing trains on a bad input: " + console);
    }

    @Test
    @Order(10)
    void aGeneratorCommandTemplateMakesTheShardsAndItsBadOutputIsCaught() throws Exception {
        String[] common = {
            "-params-file",
            NextflowRun.REPO.resolve("params/sally-eft.yaml").toString(),
            "--events",
            "20000",
            "--draws",
            "10000",
            "--sally_epochs",
            "5",
            "--replicas",
            "1"
        };
        Path launch = tmp.resolve("generator");
        // "the user's generator": any command that writes {output}; here infera-simulate stands in for it
        String[] good = java.util.stream.Stream.concat(
                        java.util.Arrays.stream(common),
                        java.util.stream.Stream.of(
                                "--generator",
                                "infera-simulate eft-toy --events {events} --seed {seed} -o {output}",
                                "--outdir",
                                launch.resolve("results").toString()))
                .toArray(String[]::new);
        assertEquals(0, NextflowRun.run(launch, good), NextflowRun.console(launch));
        Map<String, List<String>> trace = NextflowRun.trace(launch.resolve("results"));
        assertEquals(List.of("COMPLETED", "COMPLETED"), trace.get("GENERATE"), "one generator task per shard");
        assertTrue(Files.isRegularFile(launch.resolve("results/sally/fisher_r0/truth.json")));

        Path bad = tmp.resolve("generator-bad");
        String[] wrong = java.util.stream.Stream.concat(
                        java.util.Arrays.stream(common),
                        java.util.stream.Stream.of(
                                "--generator",
                                "echo 'not events' > {output}",
                                "--outdir",
                                bad.resolve("results").toString()))
                .toArray(String[]::new);
        assertTrue(NextflowRun.run(bad, wrong) != 0);
        String console = NextflowRun.console(bad);
        assertTrue(console.contains("not an HDF5 file"), console);
        assertFalse(console.contains("AUGMENT ("), "nothing uses a bad generator output: " + console);
    }
}
