package org.infera.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.infera.augment.AugmentCommand;
import org.infera.core.cli.StepMain;
import org.infera.fit.FitCommand;
import org.infera.shift.ShiftCommand;
import org.infera.shift.TemplatesCommand;
import org.infera.simulate.SimulateCommand;
import org.infera.train.TrainCommand;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every step and sub-command over a table of bad inputs the test makes from real outputs of the steps:
 * truncated HDF5 files, datasets removed, retyped, reshaped or holding impossible values, files that do not
 * belong together, analysis definitions, workspaces, model directories and result JSON broken field by field,
 * output paths that are taken, and impossible option values. Each case must exit 2 with a message naming the
 * file (or option) and the field, print no stack trace, leave nothing new in its directory and change no
 * existing file.
 */
class BadInputTableTest {
    static final Path REPO =
            Path.of(System.getProperty("infera.repo", "../..")).toAbsolutePath().normalize();
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path root;

    static Path good;
    static Path events,
            events1,
            samples,
            analysis,
            model,
            templates,
            eft,
            score,
            sally,
            ratio,
            scores,
            sampleScores,
            fisherDir,
            limits,
            workspace,
            madminer,
            pseudo;

    /** One bad input: the step (a fresh command object), its arguments, what the message must name. */
    record Case(String name, Supplier<Object> step, List<String> args, String names, List<String> fields, Path dir) {}

    static final List<Case> CASES = new ArrayList<>();

    private record Run(int code, String out, String err) {}

    private static Run run(Object command, List<String> args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        PrintWriter o = new PrintWriter(out), e = new PrintWriter(err);
        int code = StepMain.execute(command, o, e, args.toArray(String[]::new));
        o.flush();
        e.flush();
        return new Run(code, out.toString(), err.toString());
    }

    private static String ok(Object command, String... args) {
        Run r = run(command, List.of(args));
        assertEquals(0, r.code(), "good input failed: " + List.of(args) + "\n" + r.err());
        return r.out();
    }

    @BeforeAll
    static void goodInputs() throws IOException {
        good = Files.createDirectories(root.resolve("good"));
        events = good.resolve("events_shard00000.h5");
        events1 = good.resolve("events_shard00001.h5");
        ok(
                new SimulateCommand(),
                "inferno-paper",
                "--events",
                "400",
                "--seed",
                "1",
                "--shards",
                "2",
                "--shard",
                "0",
                "-o",
                events.toString());
        ok(
                new SimulateCommand(),
                "inferno-paper",
                "--events",
                "400",
                "--seed",
                "1",
                "--shards",
                "2",
                "--shard",
                "1",
                "-o",
                events1.toString());
        samples = good.resolve("samples.h5");
        ok(
                new AugmentCommand(),
                "split",
                "--seed",
                "1",
                "-o",
                samples.toString(),
                events.toString(),
                events1.toString());
        analysis = Files.copy(REPO.resolve("params/analysis/inferno-paper.json"), good.resolve("analysis.json"));
        model = good.resolve("model");
        ok(
                new TrainCommand(),
                "classifier",
                "--samples",
                samples.toString(),
                "--seed",
                "1",
                "--epochs",
                "1",
                "--hidden",
                "4",
                "-o",
                model.toString());
        templates = good.resolve("templates.h5");
        ok(
                new TemplatesCommand(),
                "--model",
                model.toString(),
                "--samples",
                samples.toString(),
                "--analysis",
                analysis.toString(),
                "--bins",
                "4",
                "-o",
                templates.toString());
        // --coverage: event-level pseudo-experiments of the classifier (2 per cell), fitted by fit coverage
        pseudo = good.resolve("pseudo.h5");
        ok(
                new ShiftCommand(),
                "pseudo-experiments",
                "--model",
                model.toString(),
                "--analysis",
                analysis.toString(),
                "--statistic",
                "classifier",
                "--bins",
                "4",
                "--experiments",
                "2",
                "--seed",
                "1",
                "-o",
                pseudo.toString());
        eft = good.resolve("eft.h5");
        ok(new SimulateCommand(), "eft-toy", "--events", "600", "--seed", "1", "-o", eft.toString());
        ratio = good.resolve("ratio.h5");
        ok(
                new SimulateCommand(),
                "gaussian-toy-ratio",
                "--events",
                "400",
                "--theta0-points",
                "5",
                "--seed",
                "1",
                "-o",
                ratio.toString());
        score = good.resolve("score.h5");
        ok(
                new AugmentCommand(),
                "score",
                "--at",
                "0,0",
                "--draws",
                "400",
                "--seed",
                "1",
                "-o",
                score.toString(),
                eft.toString());
        sally = good.resolve("sally");
        ok(
                new TrainCommand(),
                "sally",
                "--samples",
                score.toString(),
                "--seed",
                "1",
                "--epochs",
                "1",
                "--hidden",
                "4",
                "-o",
                sally.toString());
        scores = good.resolve("scores");
        ok(
                new ShiftCommand(),
                "scores",
                "--model",
                sally.toString(),
                "--events",
                eft.toString(),
                "-o",
                scores.toString());
        sampleScores = good.resolve("sample-scores");
        ok(
                new ShiftCommand(),
                "scores",
                "--model",
                sally.toString(),
                "--samples",
                score.toString(),
                "-o",
                sampleScores.toString());
        fisherDir = Files.createDirectories(good.resolve("fisher_r0"));
        for (String mode : List.of("truth", "rate", "sally")) {
            Files.writeString(
                    fisherDir.resolve(mode + ".json"),
                    ok(
                            new FitCommand(),
                            "fisher",
                            "--events",
                            eft.toString(),
                            "--theta",
                            "0,0",
                            "--luminosity",
                            "100",
                            "--mode",
                            mode,
                            "--scores",
                            scores.toString()));
        }
        limits = Files.writeString(
                good.resolve("limits.json"),
                ok(
                        new FitCommand(),
                        "limits",
                        "--events",
                        eft.toString(),
                        "--scores",
                        scores.toString(),
                        "--luminosity",
                        "100",
                        "--grid",
                        "-1:1:3,-1:1:3",
                        "--bins",
                        "2"));
        workspace = Files.writeString(
                good.resolve("workspace.json"),
                """
                {"channels": [{"name": "sr", "samples": [
                   {"name": "signal", "data": [12.0, 11.0], "modifiers": [{"name": "mu", "type": "normfactor",
                       "data": null}]},
                   {"name": "background", "data": [50.0, 52.0], "modifiers": [
                     {"name": "uncorr", "type": "shapesys", "data": [3.0, 7.0]},
                     {"name": "shape", "type": "histosys", "data": {"hi_data": [55.0, 50.0], "lo_data": [45.0, 54.0]}},
                     {"name": "norm", "type": "normsys", "data": {"hi": 1.1, "lo": 0.9}}]}]}],
                 "observations": [{"name": "sr", "data": [51.0, 48.0]}],
                 "measurements": [{"name": "m", "config": {"poi": "mu", "parameters": [{"name": "mu",
                     "bounds": [[0, 10]], "inits": [1.0]}]}}],
                 "version": "1.0.0"}
                """);
        madminer = Files.copy(
                REPO.resolve("../shared/fixtures/madminer_dummy_data.h5").normalize(), good.resolve("madminer.h5"));
        // sanity: the good inputs pass the consumers the table runs
        ok(
                new FitCommand(),
                "benchmarks",
                "--templates",
                "nn=" + templates,
                "--analysis",
                analysis.toString(),
                "--scan-points",
                "5",
                "--outdir",
                good.resolve("fit-ok").toString());
        ok(
                new FitCommand(),
                "sally-summary",
                "--fisher",
                fisherDir.toString(),
                "--limits",
                limits.toString(),
                "-o",
                good.resolve("summary-ok").toString());
        ok(new FitCommand(), "hypotest", "--workspace", workspace.toString());
        ok(new FitCommand(), sub(coverage().args(), pseudo, good).toArray(String[]::new));
        ok(new SimulateCommand(), "validate", madminer.toString());
        buildTable();
    }

    // ---------------------------------------------------------------- the table

    private static int counter;

    private static Path caseDir() {
        try {
            return Files.createDirectories(root.resolve("cases").resolve(String.format("%04d", counter++)));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void add(
            String name, Supplier<Object> step, List<String> args, String names, Path dir, String... fields) {
        CASES.add(new Case(name, step, args, names, List.of(fields), dir));
    }

    private static List<String> sub(List<String> template, Path bad, Path dir) {
        List<String> out = new ArrayList<>();
        for (String s : template) out.add(s.replace("BAD", bad.toString()).replace("OUT", dir.toString()));
        return out;
    }

    /** Step and argument template (BAD, OUT) that reads one kind of file. */
    private record Reader(String label, Supplier<Object> step, List<String> args) {}

    private static Reader reader(String label, Supplier<Object> step, String... args) {
        return new Reader(label, step, List.of(args));
    }

    private static void addRead(Reader r, String name, Path bad, Path dir, String... fields) {
        add(r.label() + ": " + name, r.step(), sub(r.args(), bad, dir), bad.toString(), dir, fields);
    }

    static Reader augmentEvents() {
        return reader("augment split", AugmentCommand::new, "split", "--seed", "1", "-o", "OUT/s.h5", "BAD");
    }

    static Reader validate() {
        return reader("simulate validate", SimulateCommand::new, "validate", "BAD");
    }

    static Reader shiftSamples(String split) {
        return reader(
                "shift --split " + split,
                TemplatesCommand::new,
                "--model",
                model.toString(),
                "--samples",
                "BAD",
                "--analysis",
                analysis.toString(),
                "--bins",
                "4",
                "--split",
                split,
                "-o",
                "OUT/t.h5");
    }

    static Reader trainClassifier() {
        return reader(
                "train classifier",
                TrainCommand::new,
                "classifier",
                "--samples",
                "BAD",
                "--seed",
                "1",
                "--epochs",
                "1",
                "--hidden",
                "4",
                "-o",
                "OUT/m");
    }

    static Reader benchmarks() {
        return reader(
                "fit benchmarks",
                FitCommand::new,
                "benchmarks",
                "--templates",
                "nn=BAD",
                "--analysis",
                analysis.toString(),
                "--scan-points",
                "5",
                "--outdir",
                "OUT/fit");
    }

    static Reader coverage() {
        return reader(
                "fit coverage",
                FitCommand::new,
                "coverage",
                "--templates",
                "classifier=" + templates,
                "--pseudo-experiments",
                "classifier=BAD",
                "--analysis",
                analysis.toString(),
                "--toys",
                "2",
                "--seed",
                "1",
                "-o",
                "OUT/coverage");
    }

    static Reader scoreAt() {
        return reader(
                "augment score",
                AugmentCommand::new,
                "score",
                "--at",
                "0,0",
                "--draws",
                "100",
                "--seed",
                "1",
                "-o",
                "OUT/s.h5",
                "BAD");
    }

    static Reader fisherEvents() {
        return reader(
                "fit fisher",
                FitCommand::new,
                "fisher",
                "--events",
                "BAD",
                "--theta",
                "0,0",
                "--luminosity",
                "10",
                "--mode",
                "truth");
    }

    static Reader trainSally() {
        return reader(
                "train sally",
                TrainCommand::new,
                "sally",
                "--samples",
                "BAD",
                "--seed",
                "1",
                "--epochs",
                "1",
                "--hidden",
                "4",
                "-o",
                "OUT/m");
    }

    static Reader trainRatio() {
        return reader(
                "train ratio",
                TrainCommand::new,
                "ratio",
                "--samples",
                "BAD",
                "--loss",
                "rascal",
                "--seed",
                "1",
                "--epochs",
                "1",
                "--hidden",
                "4",
                "-o",
                "OUT/m");
    }

    static Reader fisherSamples() {
        return reader(
                "fit fisher --samples",
                FitCommand::new,
                "fisher",
                "--samples",
                "BAD",
                "--mode",
                "sally",
                "--scores",
                sampleScores.toString(),
                "--theta",
                "0,0",
                "--luminosity",
                "10");
    }

    private static void buildTable() throws IOException {
        truncations();
        datasetMutations();
        valueMutations();
        analysisMutations();
        modelMutations();
        workspaceMutations();
        summaryMutations();
        takenOutputs();
        badOptions();
        toyShards();
        gaussianLimits();
        ensembles();
    }

    // ------------------------------------------------------------ truncated files

    private static void truncations() throws IOException {
        Map<Path, List<Reader>> readers = new LinkedHashMap<>();
        readers.put(events, List.of(augmentEvents(), validate()));
        readers.put(samples, List.of(shiftSamples("test"), trainClassifier()));
        readers.put(templates, List.of(benchmarks()));
        readers.put(pseudo, List.of(coverage()));
        readers.put(eft, List.of(scoreAt(), fisherEvents(), validate()));
        readers.put(score, List.of(trainSally(), fisherSamples()));
        readers.put(ratio, List.of(trainRatio()));
        readers.put(madminer, List.of(validate(), scoreAt()));
        for (Map.Entry<Path, List<Reader>> e : readers.entrySet()) {
            byte[] bytes = Files.readAllBytes(e.getKey());
            long[] cuts = {
                0,
                5,
                8,
                30,
                47,
                48,
                100,
                400,
                bytes.length / 4,
                bytes.length / 3,
                bytes.length / 2,
                2L * bytes.length / 3,
                bytes.length - 4096,
                bytes.length - 100,
                bytes.length - 1
            };
            int k = 0;
            for (long cut : cuts) {
                if (cut < 0 || cut >= bytes.length) continue;
                Reader r = e.getValue().get(k++ % e.getValue().size());
                Path dir = caseDir();
                Path bad = Files.write(dir.resolve(e.getKey().getFileName()), Arrays.copyOf(bytes, (int) cut));
                addRead(r, "truncated at " + cut + " of " + e.getKey().getFileName(), bad, dir, "truncated");
            }
        }
    }

    // ---------------------------------------------------------------- datasets

    /** Datasets a reader never reads (MadMiner's bookkeeping), so changing them is no bad input. */
    static final List<String> NOT_READ = List.of(
            "parameters/lha_blocks",
            "parameters/lha_ids",
            "parameters/max_power",
            "parameters/val_ranges",
            "parameters/transforms",
            "benchmarks/is_reference",
            "benchmarks/is_nuisance",
            "observables/definitions",
            "sample_summary/signal_events",
            "sample_summary/background_events",
            "samples/sampling_benchmarks",
            "summary/effective_sample_size");

    private static void datasetMutations() throws IOException {
        Map<Path, Reader> readers = new LinkedHashMap<>();
        readers.put(events, augmentEvents());
        readers.put(templates, benchmarks());
        readers.put(pseudo, coverage());
        readers.put(eft, scoreAt());
        readers.put(score, trainSally());
        readers.put(ratio, trainRatio());
        readers.put(samples, null); // by split, below
        for (Map.Entry<Path, Reader> e : readers.entrySet()) {
            Map<String, Object> data = H5Rewrite.datasets(e.getKey());
            for (Map.Entry<String, Object> d : data.entrySet()) {
                String name = d.getKey();
                if (NOT_READ.contains(name)) continue;
                Reader r = e.getValue() != null
                        ? e.getValue()
                        : name.startsWith("train/")
                                ? shiftSamples("train")
                                : name.startsWith("validation/") ? shiftSamples("validation") : shiftSamples("test");
                Object v = d.getValue();
                Map<String, Object> mutations = new LinkedHashMap<>();
                mutations.put("removed", H5Rewrite.REMOVE);
                mutations.put("strings instead", v instanceof String[] ? new double[] {1.0} : new String[] {"a", "b"});
                mutations.put(
                        "empty",
                        v instanceof String[]
                                ? new String[0]
                                : v instanceof long[]
                                        ? new long[0]
                                        : v instanceof double[][]
                                                ? new double[0][0]
                                                : v instanceof long[][] ? new long[0][0] : new double[0]);
                if (v instanceof double[] a && a.length > 0) {
                    mutations.put("NaN", with(a, Double.NaN));
                    mutations.put("rank 2", new double[][] {a});
                } else if (v instanceof double[][] a && a.length > 0) {
                    double[][] nan = deepCopy(a);
                    nan[nan.length - 1][0] = Double.NaN;
                    mutations.put("NaN", nan);
                    mutations.put("infinite", withInf(a));
                    mutations.put("rank 1", a[0].clone());
                    mutations.put("a column dropped", dropColumn(a));
                } else if (v instanceof long[] a && a.length > 0) {
                    long[] big = a.clone();
                    big[big.length - 1] = 1 << 20;
                    mutations.put("index out of range", big);
                    mutations.put("rank 2", new long[][] {a});
                } else if (v instanceof String[] a && a.length > 1) {
                    String[] dup = a.clone();
                    dup[1] = dup[0];
                    mutations.put("a name twice", dup);
                }
                for (Map.Entry<String, Object> m : mutations.entrySet()) {
                    if (m.getKey().equals("index out of range")
                            && !(name.endsWith("process") || name.endsWith("label") || name.endsWith("is_signal")))
                        continue;
                    Path dir = caseDir();
                    Path bad = dir.resolve(e.getKey().getFileName());
                    try {
                        H5Rewrite.write(
                                e.getKey(), bad, (path, value) -> path.equals(name) ? m.getValue() : value, Map.of());
                    } catch (RuntimeException unwritable) { // jhdf cannot write this shape (an empty 2-D array, say)
                        Files.deleteIfExists(bad);
                        continue;
                    }
                    addRead(
                            r,
                            name + " " + m.getKey() + " in " + e.getKey().getFileName(),
                            bad,
                            dir,
                            "dataset '",
                            "datasets '",
                            "attribute '");
                }
            }
            // the root attributes that say what the file is
            Reader r = e.getValue() != null ? e.getValue() : shiftSamples("test");
            for (Map.Entry<String, Object> a :
                    List.of(Map.entry("infera_format", (Object) "not-this"), Map.entry("infera_format_version", (Object)
                            99L))) {
                Path dir = caseDir();
                Path bad = dir.resolve(e.getKey().getFileName());
                H5Rewrite.write(e.getKey(), bad, (path, value) -> value, Map.of(a.getKey(), a.getValue()));
                if (e.getKey().equals(eft) || e.getKey().equals(madminer))
                    continue; // MadMiner's layout carries no infera format
                addRead(
                        r,
                        "attribute " + a.getKey() + " of " + e.getKey().getFileName(),
                        bad,
                        dir,
                        "format",
                        "infera_format");
            }
        }
    }

    private static double[] with(double[] a, double v) {
        double[] out = a.clone();
        out[out.length - 1] = v;
        return out;
    }

    private static double[][] deepCopy(double[][] a) {
        double[][] out = new double[a.length][];
        for (int i = 0; i < a.length; i++) out[i] = a[i].clone();
        return out;
    }

    private static double[][] withInf(double[][] a) {
        double[][] out = deepCopy(a);
        out[0][out[0].length - 1] = Double.POSITIVE_INFINITY;
        return out;
    }

    private static double[][] dropColumn(double[][] a) {
        double[][] out = new double[a.length][];
        for (int i = 0; i < a.length; i++) out[i] = Arrays.copyOf(a[i], Math.max(0, a[i].length - 1));
        return out;
    }

    // ------------------------------------------------------- values and cross-file checks

    private static void valueMutation(
            Path file, Reader r, String what, BiFunction<String, Object, Object> edit, String... fields) {
        Path dir = caseDir();
        Path bad = dir.resolve(file.getFileName());
        H5Rewrite.write(file, bad, edit, Map.of());
        addRead(r, what, bad, dir, fields);
    }

    private static BiFunction<String, Object, Object> set(String dataset, Object value) {
        return (path, v) -> path.equals(dataset) ? value : v;
    }

    private static void valueMutations() throws IOException {
        Reader aug = augmentEvents();
        for (double y : new double[] {0, -50, 1e308, 1e13}) {
            valueMutation(
                    events,
                    aug,
                    "events yield " + y,
                    set("processes/expected_yield", new double[] {y, 1000}),
                    "processes/expected_yield");
            for (String split : List.of("test", "train")) {
                valueMutation(
                        samples,
                        shiftSamples(split),
                        "samples yield " + y,
                        set("processes/expected_yield", new double[] {50, y}),
                        "processes/expected_yield");
            }
            valueMutation(
                    samples,
                    trainClassifier(),
                    "samples yield " + y + " (train)",
                    set("processes/expected_yield", new double[] {y, 1000}),
                    "processes/expected_yield");
        }
        for (long[] flags : new long[][] {{0, 0}, {1, 1}, {2, 0}, {-1, 1}}) {
            valueMutation(
                    samples,
                    shiftSamples("test"),
                    "is_signal " + Arrays.toString(flags),
                    set("processes/is_signal", flags),
                    "processes/is_signal");
            valueMutation(
                    samples,
                    trainClassifier(),
                    "is_signal " + Arrays.toString(flags) + " (train)",
                    set("processes/is_signal", flags),
                    "processes/is_signal");
            valueMutation(
                    templates,
                    benchmarks(),
                    "templates is_signal " + Arrays.toString(flags),
                    set("processes/is_signal", flags),
                    "processes/is_signal");
        }
        for (String split : List.of("train", "validation", "test")) {
            Reader r = split.equals("test") ? shiftSamples("test") : trainClassifier();
            valueMutation(
                    samples,
                    r,
                    split + " labels flipped",
                    (path, v) -> path.equals(split + "/label") ? flip((long[]) v) : v,
                    split + "/label");
            valueMutation(
                    samples,
                    r,
                    split + " label 2",
                    (path, v) -> path.equals(split + "/label") ? with((long[]) v, 2) : v,
                    split + "/label");
            valueMutation(
                    samples,
                    r,
                    split + " weight 0",
                    (path, v) -> path.equals(split + "/weight") ? with((double[]) v, 0) : v,
                    split + "/weight");
            valueMutation(
                    samples,
                    r,
                    split + " weight negative",
                    (path, v) -> path.equals(split + "/weight") ? with((double[]) v, -1) : v,
                    split + "/weight");
            valueMutation(
                    samples,
                    r,
                    split + " process -1",
                    (path, v) -> path.equals(split + "/process") ? with((long[]) v, -1) : v,
                    split + "/process");
        }
        // classifier with no signal events: every event of every split a background one
        valueMutation(
                samples,
                trainClassifier(),
                "no signal event",
                (path, v) -> path.endsWith("/label")
                        ? new long[((long[]) v).length]
                        : path.endsWith("/process") ? ones(((long[]) v).length) : v,
                "label",
                "process");
        valueMutation(
                eft,
                fisherEvents(),
                "all weights zero",
                (path, v) -> path.equals("samples/weights")
                        ? new double[((double[][]) v).length][((double[][]) v)[0].length]
                        : v,
                "samples/weights");
        valueMutation(
                eft,
                fisherEvents(),
                "all weights negative",
                (path, v) -> path.equals("samples/weights") ? scale((double[][]) v, -1) : v,
                "samples/weights");
        // templates against the analysis
        Reader fit = benchmarks();
        valueMutation(
                templates,
                fit,
                "nuisance renamed",
                (path, v) -> path.equals("nuisances/names") ? new String[] {"r", "lambda_renamed"} : v,
                "nuisances/names");
        valueMutation(
                templates,
                fit,
                "nuisance unknown",
                (path, v) -> path.equals("nuisances/names") ? new String[] {"r", "zeta"} : v,
                "nuisances/names");
        valueMutation(
                templates,
                fit,
                "one nuisance missing",
                (path, v) -> path.startsWith("nuisances/") ? firstRow(v) : v,
                "nuisances/names");
        valueMutation(
                templates,
                fit,
                "no nuisances",
                (path, v) -> path.startsWith("nuisances/") ? H5Rewrite.REMOVE : v,
                "nuisances/names");
        valueMutation(
                templates,
                fit,
                "nuisance twice",
                (path, v) -> path.equals("nuisances/names") ? new String[] {"r", "r"} : v,
                "nuisances/names");
        valueMutation(
                templates,
                fit,
                "nuisance on the signal",
                set("nuisances/process", new long[] {0, 1}),
                "nuisances/process");
        valueMutation(
                templates,
                fit,
                "nuisance up value",
                set("nuisances/up_value", new double[] {0.3, 3.5}),
                "nuisances/up_value");
        valueMutation(
                templates,
                fit,
                "up value equals down",
                set("nuisances/up_value", new double[] {-0.2, 3.5}),
                "nuisances/up_value");
        valueMutation(
                templates,
                fit,
                "another analysis's processes",
                set("processes/names", new String[] {"higgs", "ttbar"}),
                "processes/names");
        valueMutation(
                templates,
                fit,
                "negative template yield",
                (path, v) -> path.equals("nuisances/up") ? negate((double[][]) v) : v,
                "nuisances/up");
        valueMutation(
                templates,
                fit,
                "zero nominal row",
                (path, v) -> path.equals("nominal/yields") ? zeroRow((double[][]) v) : v,
                "nominal/yields");
        valueMutation(
                templates,
                fit,
                "yields 1e300",
                (path, v) -> path.equals("nominal/yields") ? scale((double[][]) v, 1e300) : v,
                "nominal/yields");
        valueMutation(
                templates,
                fit,
                "edges decreasing",
                (path, v) -> path.equals("bins/edges") ? reverse((double[]) v) : v,
                "bins/edges");
        // shards that do not belong together, or one file twice
        Path dir = caseDir();
        add(
                "augment split: the same file twice",
                AugmentCommand::new,
                List.of(
                        "split",
                        "--seed",
                        "1",
                        "-o",
                        dir.resolve("s.h5").toString(),
                        events.toString(),
                        events.toString()),
                events.toString(),
                dir,
                "given twice");
        dir = caseDir();
        Path otherSeed = dir.resolve("events_shard00001.h5");
        ok(
                new SimulateCommand(),
                "inferno-paper",
                "--events",
                "400",
                "--seed",
                "2",
                "--shards",
                "2",
                "--shard",
                "1",
                "-o",
                otherSeed.toString());
        add(
                "augment split: shards of two runs (seeds)",
                AugmentCommand::new,
                List.of(
                        "split",
                        "--seed",
                        "1",
                        "-o",
                        dir.resolve("s.h5").toString(),
                        events.toString(),
                        otherSeed.toString()),
                otherSeed.toString(),
                dir,
                "seed");
        dir = caseDir();
        Path other = dir.resolve("events_other.h5");
        ok(new SimulateCommand(), "neos-blobs", "--events", "100", "--seed", "3", "-o", other.toString());
        add(
                "augment split: shards of two runs",
                AugmentCommand::new,
                List.of(
                        "split",
                        "--seed",
                        "1",
                        "-o",
                        dir.resolve("s.h5").toString(),
                        events.toString(),
                        other.toString()),
                other.toString(),
                dir,
                "observables",
                "processes");
        dir = caseDir();
        add(
                "augment score: the same file twice",
                AugmentCommand::new,
                List.of(
                        "score",
                        "--at",
                        "0,0",
                        "--draws",
                        "100",
                        "--seed",
                        "1",
                        "-o",
                        dir.resolve("s.h5").toString(),
                        eft.toString(),
                        eft.toString()),
                eft.toString(),
                dir,
                "given twice");
        dir = caseDir();
        add(
                "train: the same samples twice",
                TrainCommand::new,
                List.of(
                        "classifier",
                        "--samples",
                        samples.toString(),
                        samples.toString(),
                        "--seed",
                        "1",
                        "--epochs",
                        "1",
                        "-o",
                        dir.resolve("m").toString()),
                samples.toString(),
                dir,
                "given twice");
        dir = caseDir();
        add(
                "shift: samples of another analysis",
                TemplatesCommand::new,
                List.of(
                        "--model",
                        model.toString(),
                        "--samples",
                        samples.toString(),
                        "--analysis",
                        REPO.resolve("params/analysis/neos-blobs.json").toString(),
                        "-o",
                        dir.resolve("t.h5").toString()),
                samples.toString(),
                dir,
                "features");
    }

    private static long[] flip(long[] v) {
        long[] out = v.clone();
        for (int i = 0; i < out.length; i++) out[i] = 1 - out[i];
        return out;
    }

    private static long[] with(long[] v, long x) {
        long[] out = v.clone();
        out[0] = x;
        return out;
    }

    private static long[] ones(int n) {
        long[] out = new long[n];
        Arrays.fill(out, 1);
        return out;
    }

    private static Object firstRow(Object v) {
        if (v instanceof String[] a) return new String[] {a[0]};
        if (v instanceof long[] a) return new long[] {a[0]};
        if (v instanceof double[] a) return new double[] {a[0]};
        if (v instanceof double[][] a) return new double[][] {a[0]};
        return v;
    }

    private static double[][] negate(double[][] a) {
        double[][] out = deepCopy(a);
        out[0][0] = -Math.abs(out[0][0]) - 1;
        return out;
    }

    private static double[][] zeroRow(double[][] a) {
        double[][] out = deepCopy(a);
        Arrays.fill(out[0], 0);
        return out;
    }

    private static double[][] scale(double[][] a, double f) {
        double[][] out = deepCopy(a);
        for (double[] row : out) for (int i = 0; i < row.length; i++) row[i] *= f;
        return out;
    }

    private static double[] reverse(double[] a) {
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) out[i] = a[a.length - 1 - i];
        return out;
    }

    // ------------------------------------------------------------------ JSON

    /** Every path to a leaf of the tree, as a list of keys (String) and indices (Integer). */
    private static void leaves(JsonNode node, List<Object> path, List<List<Object>> out) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                List<Object> p = new ArrayList<>(path);
                p.add(e.getKey());
                leaves(e.getValue(), p, out);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                List<Object> p = new ArrayList<>(path);
                p.add(i);
                leaves(node.get(i), p, out);
            }
        } else {
            out.add(path);
        }
    }

    private static void objects(JsonNode node, List<Object> path, List<List<Object>> out) {
        if (node.isObject()) {
            out.add(path);
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                List<Object> p = new ArrayList<>(path);
                p.add(e.getKey());
                objects(e.getValue(), p, out);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                List<Object> p = new ArrayList<>(path);
                p.add(i);
                objects(node.get(i), p, out);
            }
        }
    }

    private static JsonNode at(JsonNode root, List<Object> path) {
        JsonNode n = root;
        for (Object k : path) n = k instanceof Integer i ? n.get(i) : n.get((String) k);
        return n;
    }

    private static JsonNode replaced(JsonNode original, List<Object> path, JsonNode value) {
        JsonNode copy = original.deepCopy();
        JsonNode parent = at(copy, path.subList(0, path.size() - 1));
        Object last = path.get(path.size() - 1);
        if (last instanceof Integer i) ((ArrayNode) parent).set(i, value);
        else ((ObjectNode) parent).set((String) last, value);
        return copy;
    }

    private static String jsonPath(List<Object> path) {
        StringBuilder s = new StringBuilder();
        for (Object k : path) s.append(k instanceof Integer i ? "[" + i + "]" : "." + k);
        return s.toString();
    }

    /** Broken copies of a JSON file that are bad by any reading: text damage, retyped numbers, unknown fields. */
    private static void jsonMutations(
            Path file,
            String fileName,
            java.util.function.BiConsumer<String, Path> caseFor,
            java.util.function.Predicate<List<Object>> numberIsBounded)
            throws IOException {
        String text = Files.readString(file);
        JsonNode tree = JSON.readTree(text);
        Map<String, byte[]> texts = new LinkedHashMap<>();
        texts.put("trailing garbage", (text.strip() + " }x").getBytes(StandardCharsets.UTF_8));
        texts.put("a second document", (text.strip() + "\n" + text.strip()).getBytes(StandardCharsets.UTF_8));
        texts.put("null", "null".getBytes(StandardCharsets.UTF_8));
        texts.put("empty", new byte[0]);
        texts.put("a list", "[]".getBytes(StandardCharsets.UTF_8));
        texts.put("not UTF-8", new byte[] {'{', '"', (byte) 0xff, (byte) 0xfe, '"', ':', '1', '}'});
        texts.put("cut in half", text.substring(0, text.length() / 2).getBytes(StandardCharsets.UTF_8));
        texts.put(
                "a duplicate key",
                text.strip()
                        .replaceFirst("\\{", "{\"__dup\": 1, \"__dup\": 2, ")
                        .getBytes(StandardCharsets.UTF_8));
        for (Map.Entry<String, byte[]> t : texts.entrySet()) {
            Path dir = caseDir();
            Path bad = Files.write(dir.resolve(fileName), t.getValue());
            caseFor.accept(t.getKey(), bad);
        }
        List<List<Object>> leaves = new ArrayList<>();
        leaves(tree, new ArrayList<>(), leaves);
        for (List<Object> leaf : leaves) {
            JsonNode v = at(tree, leaf);
            List<Map.Entry<String, JsonNode>> changes = new ArrayList<>();
            if (v.isNumber()) {
                changes.add(
                        Map.entry("number as a string", JSON.getNodeFactory().textNode(v.asText())));
                changes.add(Map.entry("number as true", JSON.getNodeFactory().booleanNode(true)));
                if (numberIsBounded.test(leaf))
                    changes.add(Map.entry("number 1e308", JSON.getNodeFactory().numberNode(1e308)));
            } else if (v.isBoolean()) {
                changes.add(
                        Map.entry("boolean as a string", JSON.getNodeFactory().textNode(v.asText())));
            }
            for (Map.Entry<String, JsonNode> c : changes) {
                Path dir = caseDir();
                Path bad = Files.writeString(
                        dir.resolve(fileName),
                        replaced(tree, leaf, c.getValue()).toPrettyString());
                caseFor.accept(c.getKey() + " at $" + jsonPath(leaf), bad);
            }
        }
        List<List<Object>> objects = new ArrayList<>();
        objects(tree, new ArrayList<>(), objects);
        for (List<Object> o : objects) {
            JsonNode copy = tree.deepCopy();
            ((ObjectNode) at(copy, o)).put("colour", 1);
            Path dir = caseDir();
            Path bad = Files.writeString(dir.resolve(fileName), copy.toPrettyString());
            caseFor.accept("unknown field at $" + jsonPath(o), bad);
        }
    }

    private static void analysisMutations() throws IOException {
        Reader fit = reader(
                "fit benchmarks",
                FitCommand::new,
                "benchmarks",
                "--templates",
                "nn=" + templates,
                "--analysis",
                "BAD",
                "--scan-points",
                "5",
                "--outdir",
                "OUT/fit");
        Reader shift = reader(
                "shift",
                TemplatesCommand::new,
                "--model",
                model.toString(),
                "--samples",
                samples.toString(),
                "--analysis",
                "BAD",
                "--bins",
                "4",
                "-o",
                "OUT/t.h5");
        int[] k = {0};
        jsonMutations(
                analysis,
                "analysis.json",
                (name, bad) -> addRead(
                        k[0]++ % 2 == 0 ? fit : shift, "analysis " + name, bad, bad.getParent(), "$", "field '"),
                leaf -> true);
        JsonNode tree = JSON.readTree(analysis.toFile());
        Map<String, JsonNode> semantic = new LinkedHashMap<>();
        semantic.put(
                "no signal",
                replaced(
                        tree,
                        List.of("processes", 0, "signal"),
                        JSON.getNodeFactory().booleanNode(false)));
        semantic.put(
                "two signals",
                replaced(
                        tree,
                        List.of("processes", 1, "signal"),
                        JSON.getNodeFactory().booleanNode(true)));
        semantic.put(
                "zero yield",
                replaced(
                        tree,
                        List.of("processes", 1, "expectedYield"),
                        JSON.getNodeFactory().numberNode(0)));
        semantic.put(
                "negative yield",
                replaced(
                        tree,
                        List.of("processes", 0, "expectedYield"),
                        JSON.getNodeFactory().numberNode(-5)));
        semantic.put(
                "up equals down",
                replaced(
                        tree,
                        List.of("nuisances", 0, "up"),
                        JSON.getNodeFactory().numberNode(-0.2)));
        semantic.put(
                "unknown process",
                replaced(
                        tree,
                        List.of("nuisances", 0, "process"),
                        JSON.getNodeFactory().textNode("ttbar")));
        semantic.put(
                "unknown feature",
                replaced(
                        tree,
                        List.of("nuisances", 1, "effect", "feature"),
                        JSON.getNodeFactory().textNode("x9")));
        semantic.put(
                "unknown effect",
                replaced(
                        tree,
                        List.of("nuisances", 1, "effect", "type"),
                        JSON.getNodeFactory().textNode("smear")));
        semantic.put(
                "negative width",
                replaced(
                        tree,
                        List.of("benchmarks", 3, "constraints", "r"),
                        JSON.getNodeFactory().numberNode(-0.4)));
        semantic.put(
                "signal floats",
                replaced(
                        tree,
                        List.of("benchmarks", 1, "floating", 0),
                        JSON.getNodeFactory().textNode("signal")));
        semantic.put(
                "unknown floating",
                replaced(
                        tree,
                        List.of("benchmarks", 1, "floating", 0),
                        JSON.getNodeFactory().textNode("q")));
        semantic.put(
                "null process",
                replaced(tree, List.of("processes", 1), JSON.getNodeFactory().nullNode()));
        semantic.put(
                "null nuisance",
                replaced(tree, List.of("nuisances", 0), JSON.getNodeFactory().nullNode()));
        semantic.put(
                "null benchmark",
                replaced(tree, List.of("benchmarks", 0), JSON.getNodeFactory().nullNode()));
        semantic.put(
                "null name",
                replaced(
                        tree,
                        List.of("nuisances", 0, "name"),
                        JSON.getNodeFactory().nullNode()));
        semantic.put(
                "null yield",
                replaced(
                        tree,
                        List.of("processes", 0, "expectedYield"),
                        JSON.getNodeFactory().nullNode()));
        semantic.put(
                "null features",
                replaced(tree, List.of("features"), JSON.getNodeFactory().nullNode()));
        semantic.put(
                "exp_rate at zero",
                replaced(
                        tree,
                        List.of("nuisances", 1, "down"),
                        JSON.getNodeFactory().numberNode(0)));
        for (Map.Entry<String, JsonNode> s : semantic.entrySet()) {
            Path dir = caseDir();
            Path bad =
                    Files.writeString(dir.resolve("analysis.json"), s.getValue().toPrettyString());
            addRead(k[0]++ % 2 == 0 ? fit : shift, "analysis " + s.getKey(), bad, dir, "field '", "$");
        }
        // valid analyses the pivot cannot train on: no nuisance to become independent of, or a prior (±3σ) that
        // reaches a non-positive exponential rate
        Reader pivot = reader(
                "train pivot",
                TrainCommand::new,
                "pivot",
                "--samples",
                samples.toString(),
                "--analysis",
                "BAD",
                "--seed",
                "1",
                "--epochs",
                "1",
                "-o",
                "OUT/model");
        Map<String, JsonNode> pivotCases = new LinkedHashMap<>();
        // without nuisances, no benchmark may float one: only benchmark 0 is kept
        JsonNode noNuisances =
                replaced(tree, List.of("nuisances"), JSON.getNodeFactory().arrayNode());
        pivotCases.put(
                "no nuisances",
                replaced(
                        noNuisances,
                        List.of("benchmarks"),
                        JSON.getNodeFactory()
                                .arrayNode()
                                .add(tree.get("benchmarks").get(0))));
        pivotCases.put(
                "prior below zero rate",
                replaced(
                        tree,
                        List.of("nuisances", 1, "up"),
                        JSON.getNodeFactory().numberNode(5.5)));
        for (Map.Entry<String, JsonNode> s : pivotCases.entrySet()) {
            Path dir = caseDir();
            Path bad =
                    Files.writeString(dir.resolve("analysis.json"), s.getValue().toPrettyString());
            addRead(pivot, "analysis for the pivot: " + s.getKey(), bad, dir, "field 'nuisances");
        }
    }

    private static Path modelCopy(Path source, Path dir) throws IOException {
        Path copy = Files.createDirectories(dir.resolve(source.getFileName()));
        try (Stream<Path> files = Files.list(source)) {
            for (Path f : (Iterable<Path>) files::iterator) Files.copy(f, copy.resolve(f.getFileName()));
        }
        return copy;
    }

    private static void modelMutations() throws IOException {
        Reader shift = reader(
                "shift",
                TemplatesCommand::new,
                "--model",
                "BAD",
                "--samples",
                samples.toString(),
                "--analysis",
                analysis.toString(),
                "--bins",
                "4",
                "-o",
                "OUT/t.h5");
        Reader fisher = reader(
                "shift scores",
                ShiftCommand::new,
                "scores",
                "--model",
                "BAD",
                "--events",
                eft.toString(),
                "-o",
                "OUT/s");
        for (Path m : List.of(model, sally)) {
            Reader r = m.equals(model) ? shift : fisher;
            java.util.function.BiConsumer<String, Path> caseFor = (name, badJson) -> {
                try {
                    Path dir = badJson.getParent();
                    Path copy = modelCopy(m, dir.resolve("m"));
                    Files.move(badJson, copy.resolve("model.json"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    add(
                            r.label() + ": " + m.getFileName() + " model.json " + name,
                            r.step(),
                            sub(r.args(), copy, dir),
                            copy.resolve("model.json").toString(),
                            dir,
                            "$",
                            "field");
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            };
            jsonMutations(m.resolve("model.json"), "model.json", caseFor, leaf -> List.of(
                            "mean", "std", "hidden", "outputs", "temperature")
                    .contains(String.valueOf(leaf.get(0))));
            ObjectNode spec = (ObjectNode) JSON.readTree(m.resolve("model.json").toFile());
            Map<String, JsonNode> semantic = new LinkedHashMap<>();
            semantic.put("kind missing", without(spec, "kind"));
            semantic.put("kind unknown", spec.deepCopy().put("kind", "forest"));
            semantic.put("kind of the other", spec.deepCopy().put("kind", m.equals(model) ? "sally" : "classifier"));
            semantic.put(
                    "std zero",
                    replaced(spec, List.of("std", 0), JSON.getNodeFactory().numberNode(0)));
            semantic.put(
                    "std negative",
                    replaced(spec, List.of("std", 0), JSON.getNodeFactory().numberNode(-1)));
            semantic.put(
                    "mean too short",
                    ((ObjectNode) spec.deepCopy())
                            .set("mean", JSON.createArrayNode().add(0.5)));
            semantic.put(
                    "std too long",
                    ((ObjectNode) spec.deepCopy())
                            .set("std", ((ArrayNode) spec.get("std").deepCopy()).add(1.0)));
            semantic.put(
                    "hidden negative",
                    ((ObjectNode) spec.deepCopy())
                            .set("hidden", JSON.createArrayNode().add(-4)));
            semantic.put(
                    "hidden zero",
                    ((ObjectNode) spec.deepCopy())
                            .set("hidden", JSON.createArrayNode().add(0)));
            semantic.put(
                    "hidden other",
                    ((ObjectNode) spec.deepCopy())
                            .set("hidden", JSON.createArrayNode().add(5)));
            semantic.put(
                    "outputs wrong",
                    spec.deepCopy().put("outputs", spec.get("outputs").asInt() + 1));
            semantic.put("outputs zero", spec.deepCopy().put("outputs", 0));
            semantic.put("features empty", ((ObjectNode) spec.deepCopy()).set("features", JSON.createArrayNode()));
            semantic.put("activation unknown", spec.deepCopy().put("activation", "sigmoid"));
            semantic.put("features missing", without(spec, "features"));
            semantic.put("std missing", without(spec, "std"));
            for (Map.Entry<String, JsonNode> s : semantic.entrySet()) {
                Path dir = caseDir();
                Path copy = modelCopy(m, dir.resolve("m"));
                Files.writeString(copy.resolve("model.json"), s.getValue().toPrettyString());
                // a layer or output count that the kind allows is caught by the weights, otherwise by model.json
                String file =
                        s.getKey().startsWith("hidden other") || s.getKey().startsWith("outputs wrong")
                                ? copy.toString()
                                : copy.resolve("model.json").toString();
                add(
                        r.label() + ": " + m.getFileName() + " model.json " + s.getKey(),
                        r.step(),
                        sub(r.args(), copy, dir),
                        file,
                        dir,
                        "$",
                        "parameters",
                        "field");
            }
            byte[] weights = Files.readAllBytes(m.resolve("weights.params"));
            for (int cut : new int[] {0, 3, 10, weights.length / 2, weights.length - 1}) {
                Path dir = caseDir();
                Path copy = modelCopy(m, dir.resolve("m"));
                Files.write(copy.resolve("weights.params"), Arrays.copyOf(weights, cut));
                add(
                        r.label() + ": " + m.getFileName() + " weights cut at " + cut,
                        r.step(),
                        sub(r.args(), copy, dir),
                        copy.resolve("weights.params").toString(),
                        dir,
                        "parameters");
            }
            Path dir = caseDir();
            Path copy = modelCopy(m, dir.resolve("m"));
            Files.write(
                    copy.resolve("weights.params"),
                    Files.readAllBytes((m.equals(model) ? sally : model).resolve("weights.params")));
            add(
                    r.label() + ": " + m.getFileName() + " weights of the other model",
                    r.step(),
                    sub(r.args(), copy, dir),
                    copy.resolve("weights.params").toString(),
                    dir,
                    "parameters");
            dir = caseDir();
            copy = modelCopy(m, dir.resolve("m"));
            Files.write(copy.resolve("weights.params"), concat(weights, new byte[] {1, 2, 3}));
            add(
                    r.label() + ": " + m.getFileName() + " weights with trailing bytes",
                    r.step(),
                    sub(r.args(), copy, dir),
                    copy.resolve("weights.params").toString(),
                    dir,
                    "parameters");
            dir = caseDir();
            copy = modelCopy(m, dir.resolve("m"));
            Files.delete(copy.resolve("weights.params"));
            add(
                    r.label() + ": " + m.getFileName() + " weights missing",
                    r.step(),
                    sub(r.args(), copy, dir),
                    copy.resolve("weights.params").toString(),
                    dir,
                    "not found");
        }
    }

    private static JsonNode without(ObjectNode spec, String field) {
        ObjectNode copy = spec.deepCopy();
        copy.remove(field);
        return copy;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static void workspaceMutations() throws IOException {
        List<Reader> readers = List.of(
                reader("fit hypotest", FitCommand::new, "hypotest", "--workspace", "BAD"),
                reader(
                        "fit upper-limit",
                        FitCommand::new,
                        "upper-limit",
                        "--workspace",
                        "BAD",
                        "--plot",
                        "OUT/cls.png"),
                reader("fit fit", FitCommand::new, "fit", "--workspace", "BAD"),
                reader(
                        "fit scan",
                        FitCommand::new,
                        "scan",
                        "--workspace",
                        "BAD",
                        "--range",
                        "0:3:5",
                        "--plot",
                        "OUT/scan.png"));
        int[] k = {0};
        jsonMutations(
                workspace,
                "workspace.json",
                (name, bad) -> addRead(
                        readers.get(k[0]++ % readers.size()),
                        "workspace " + name,
                        bad,
                        bad.getParent(),
                        "channel",
                        "observation",
                        "measurement",
                        "$",
                        "the workspace",
                        "sample",
                        "parameter"),
                leaf -> true);
        JsonNode tree = JSON.readTree(workspace.toFile());
        Map<String, JsonNode> semantic = new LinkedHashMap<>();
        semantic.put(
                "negative yield",
                replaced(
                        tree,
                        List.of("channels", 0, "samples", 1, "data", 0),
                        JSON.getNodeFactory().numberNode(-3)));
        semantic.put(
                "negative observation",
                replaced(
                        tree,
                        List.of("observations", 0, "data", 1),
                        JSON.getNodeFactory().numberNode(-1)));
        semantic.put(
                "observation of 1e308",
                replaced(
                        tree,
                        List.of("observations", 0, "data", 1),
                        JSON.getNodeFactory().numberNode(1e308)));
        semantic.put(
                "yield of 1e308",
                replaced(
                        tree,
                        List.of("channels", 0, "samples", 0, "data", 0),
                        JSON.getNodeFactory().numberNode(1e308)));
        semantic.put(
                "bins disagree",
                replaced(
                        tree,
                        List.of("observations", 0, "data"),
                        JSON.createArrayNode().add(1)));
        semantic.put(
                "unknown modifier type",
                replaced(
                        tree,
                        List.of("channels", 0, "samples", 1, "modifiers", 0, "type"),
                        JSON.getNodeFactory().textNode("magic")));
        semantic.put(
                "no poi",
                replaced(
                        tree,
                        List.of("measurements", 0, "config", "poi"),
                        JSON.getNodeFactory().nullNode()));
        semantic.put(
                "inverted bounds",
                replaced(
                        tree,
                        List.of("measurements", 0, "config", "parameters", 0, "bounds", 0),
                        JSON.createArrayNode().add(10).add(0)));
        semantic.put(
                "observation of no channel",
                replaced(
                        tree,
                        List.of("observations", 0, "name"),
                        JSON.getNodeFactory().textNode("cr")));
        for (Map.Entry<String, JsonNode> s : semantic.entrySet()) {
            Path dir = caseDir();
            Path bad = Files.writeString(
                    dir.resolve("workspace.json"), s.getValue().toPrettyString());
            addRead(
                    readers.get(k[0]++ % readers.size()),
                    "workspace " + s.getKey(),
                    bad,
                    dir,
                    "channel",
                    "observation",
                    "measurement",
                    "sample",
                    "parameter");
        }
    }

    private static void summaryMutations() throws IOException {
        for (String mode : List.of("truth", "rate", "sally")) {
            java.util.function.BiConsumer<String, Path> caseFor = (name, badJson) -> {
                try {
                    Path dir = badJson.getParent();
                    Path fisher = Files.createDirectories(dir.resolve("fisher_r0"));
                    for (String m : List.of("truth", "rate", "sally")) {
                        if (!m.equals(mode)) Files.copy(fisherDir.resolve(m + ".json"), fisher.resolve(m + ".json"));
                    }
                    Files.move(badJson, fisher.resolve(mode + ".json"));
                    add(
                            "sally-summary " + mode + ".json " + name,
                            FitCommand::new,
                            List.of(
                                    "sally-summary",
                                    "--fisher",
                                    fisher.toString(),
                                    "--limits",
                                    limits.toString(),
                                    "-o",
                                    dir.resolve("out").toString()),
                            fisher.resolve(mode + ".json").toString(),
                            dir,
                            "$");
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            };
            jsonMutations(fisherDir.resolve(mode + ".json"), mode + ".json", caseFor, leaf -> leaf.get(0)
                    .equals("fisher"));
            if (!mode.equals("sally")) continue;
            ObjectNode f =
                    (ObjectNode) JSON.readTree(fisherDir.resolve(mode + ".json").toFile());
            Map<String, JsonNode> semantic = new LinkedHashMap<>();
            semantic.put(
                    "non-square",
                    ((ObjectNode) f.deepCopy())
                            .set(
                                    "fisher",
                                    JSON.createArrayNode()
                                            .add(JSON.createArrayNode().add(1).add(0))
                                            .add(JSON.createArrayNode().add(0))));
            semantic.put(
                    "asymmetric",
                    ((ObjectNode) f.deepCopy())
                            .set(
                                    "fisher",
                                    JSON.createArrayNode()
                                            .add(JSON.createArrayNode().add(1).add(0.5))
                                            .add(JSON.createArrayNode()
                                                    .add(-0.5)
                                                    .add(1))));
            semantic.put(
                    "negative diagonal",
                    ((ObjectNode) f.deepCopy())
                            .set(
                                    "fisher",
                                    JSON.createArrayNode()
                                            .add(JSON.createArrayNode().add(-1).add(0))
                                            .add(JSON.createArrayNode().add(0).add(1))));
            semantic.put(
                    "not positive semi-definite",
                    ((ObjectNode) f.deepCopy())
                            .set(
                                    "fisher",
                                    JSON.createArrayNode()
                                            .add(JSON.createArrayNode().add(1).add(2))
                                            .add(JSON.createArrayNode().add(2).add(1))));
            semantic.put("mode of another", f.deepCopy().put("mode", "truth"));
            semantic.put(
                    "other parameters",
                    ((ObjectNode) f.deepCopy())
                            .set("parameters", JSON.createArrayNode().add("a").add("b")));
            semantic.put(
                    "theta too short",
                    ((ObjectNode) f.deepCopy())
                            .set("theta", JSON.createArrayNode().add(0)));
            semantic.put(
                    "negative sigma",
                    replaced(f, List.of("sigma", 0), JSON.getNodeFactory().numberNode(-1)));
            for (Map.Entry<String, JsonNode> s : semantic.entrySet()) {
                Path dir = caseDir();
                caseFor.accept(
                        s.getKey(),
                        Files.writeString(
                                dir.resolve("sally.json"), s.getValue().toPrettyString()));
            }
        }
        java.util.function.BiConsumer<String, Path> limitsCase = (name, bad) -> add(
                "sally-summary limits " + name,
                FitCommand::new,
                List.of(
                        "sally-summary",
                        "--fisher",
                        fisherDir.toString(),
                        "--limits",
                        bad.toString(),
                        "-o",
                        bad.getParent().resolve("out").toString()),
                bad.toString(),
                bad.getParent(),
                "$");
        jsonMutations(limits, "limits.json", limitsCase, leaf -> false);
        ObjectNode l = (ObjectNode) JSON.readTree(limits.toFile());
        Path dir = caseDir();
        limitsCase.accept(
                "p-value 2",
                Files.writeString(
                        dir.resolve("limits.json"),
                        replaced(
                                        l,
                                        List.of("grid", 0, "p_value"),
                                        JSON.getNodeFactory().numberNode(2))
                                .toPrettyString()));
        dir = caseDir();
        limitsCase.accept(
                "grid empty",
                Files.writeString(
                        dir.resolve("limits.json"),
                        ((ObjectNode) l.deepCopy())
                                .set("grid", JSON.createArrayNode())
                                .toPrettyString()));
    }

    // ------------------------------------------------------------- output paths

    /** A step writing OUT (and the option that names it). */
    private record Writer(String label, Supplier<Object> step, List<String> args, String option) {}

    private static void takenOutputs() throws IOException {
        List<Writer> writers = List.of(
                new Writer(
                        "simulate -o",
                        SimulateCommand::new,
                        List.of("inferno-paper", "--events", "50", "--seed", "1", "-o", "OUT"),
                        "-o"),
                new Writer(
                        "augment split -o",
                        AugmentCommand::new,
                        List.of("split", "--seed", "1", "-o", "OUT", events.toString()),
                        "-o"),
                new Writer(
                        "augment score -o",
                        AugmentCommand::new,
                        List.of("score", "--at", "0,0", "--draws", "50", "--seed", "1", "-o", "OUT", eft.toString()),
                        "-o"),
                new Writer(
                        "train classifier -o",
                        TrainCommand::new,
                        List.of(
                                "classifier",
                                "--samples",
                                samples.toString(),
                                "--seed",
                                "1",
                                "--epochs",
                                "1",
                                "--hidden",
                                "4",
                                "-o",
                                "OUT"),
                        "-o"),
                new Writer(
                        "train sally -o",
                        TrainCommand::new,
                        List.of(
                                "sally",
                                "--samples",
                                score.toString(),
                                "--seed",
                                "1",
                                "--epochs",
                                "1",
                                "--hidden",
                                "4",
                                "-o",
                                "OUT"),
                        "-o"),
                new Writer(
                        "train ratio -o",
                        TrainCommand::new,
                        List.of(
                                "ratio",
                                "--samples",
                                ratio.toString(),
                                "--loss",
                                "alices",
                                "--seed",
                                "1",
                                "--epochs",
                                "1",
                                "--hidden",
                                "4",
                                "-o",
                                "OUT"),
                        "-o"),
                new Writer(
                        "simulate gaussian-toy-ratio -o",
                        SimulateCommand::new,
                        List.of(
                                "gaussian-toy-ratio",
                                "--events",
                                "400",
                                "--theta0-points",
                                "5",
                                "--seed",
                                "1",
                                "-o",
                                "OUT"),
                        "-o"),
                new Writer(
                        "shift -o",
                        TemplatesCommand::new,
                        List.of(
                                "--model",
                                model.toString(),
                                "--samples",
                                samples.toString(),
                                "--analysis",
                                analysis.toString(),
                                "--bins",
                                "4",
                                "-o",
                                "OUT"),
                        "-o"),
                new Writer(
                        "fit benchmarks --outdir",
                        FitCommand::new,
                        List.of(
                                "benchmarks",
                                "--templates",
                                "nn=" + templates,
                                "--analysis",
                                analysis.toString(),
                                "--scan-points",
                                "5",
                                "--outdir",
                                "OUT"),
                        "--outdir"),
                new Writer(
                        "sally-summary -o",
                        FitCommand::new,
                        List.of("sally-summary", "--fisher", fisherDir.toString(), "-o", "OUT"),
                        "-o"),
                new Writer(
                        "fisher --plot",
                        FitCommand::new,
                        List.of(
                                "fisher",
                                "--events",
                                eft.toString(),
                                "--theta",
                                "0,0",
                                "--luminosity",
                                "10",
                                "--mode",
                                "truth",
                                "--plot",
                                "OUT"),
                        "--plot"),
                new Writer(
                        "limits --plot",
                        FitCommand::new,
                        List.of(
                                "limits",
                                "--events",
                                eft.toString(),
                                "--scores",
                                scores.toString(),
                                "--luminosity",
                                "10",
                                "--grid",
                                "-1:1:3,-1:1:3",
                                "--bins",
                                "2",
                                "--plot",
                                "OUT"),
                        "--plot"),
                new Writer(
                        "upper-limit --plot",
                        FitCommand::new,
                        List.of("upper-limit", "--workspace", workspace.toString(), "--plot", "OUT"),
                        "--plot"),
                new Writer(
                        "scan --plot",
                        FitCommand::new,
                        List.of("scan", "--workspace", workspace.toString(), "--range", "0:3:5", "--plot", "OUT"),
                        "--plot"),
                new Writer(
                        "shift pseudo-experiments -o",
                        ShiftCommand::new,
                        List.of(
                                "pseudo-experiments",
                                "--model",
                                model.toString(),
                                "--analysis",
                                analysis.toString(),
                                "--statistic",
                                "classifier",
                                "--experiments",
                                "1",
                                "--seed",
                                "1",
                                "-o",
                                "OUT"),
                        "-o"),
                new Writer(
                        "fit coverage -o",
                        FitCommand::new,
                        List.of(
                                "coverage",
                                "--templates",
                                "classifier=" + templates,
                                "--pseudo-experiments",
                                "classifier=" + pseudo,
                                "--analysis",
                                analysis.toString(),
                                "--seed",
                                "1",
                                "-o",
                                "OUT"),
                        "-o"));
        for (Writer w : writers) {
            for (String situation : List.of(
                    "a user's file",
                    "a user's directory",
                    "a user's file, --overwrite",
                    "a user's directory, --overwrite",
                    "a user's symbolic link, --overwrite",
                    "parent missing outside the working directory",
                    "parent is a file",
                    "a partial name")) {
                Path dir = caseDir();
                Path out = dir.resolve("result");
                switch (situation) {
                    case "a user's file", "a user's file, --overwrite" -> Files.writeString(out, "my thesis");
                    case "a user's directory", "a user's directory, --overwrite" -> Files.writeString(
                            Files.createDirectories(out).resolve("notes.txt"), "notes");
                    case "a user's symbolic link, --overwrite" -> Files.createSymbolicLink(
                            out, Files.writeString(dir.resolve("target.txt"), "mine"));
                    case "parent missing outside the working directory" -> out = dir.resolve("missing/deeper/result");
                    case "parent is a file" -> out =
                            Files.writeString(dir.resolve("afile"), "x").resolve("result");
                    default -> out = dir.resolve(".result.partial-1");
                }
                List<String> args = new ArrayList<>();
                for (String a : w.args()) args.add(a.equals("OUT") ? out.toString() : a);
                if (situation.endsWith("--overwrite")) args.add("--overwrite");
                add(w.label() + ": " + situation, w.step(), args, out.toString(), dir, w.option(), "output");
            }
        }
    }

    // ------------------------------------------------------------- options

    private static void badOptions() {
        List<Object[]> options = new ArrayList<>();
        // {label, step, option named, args...}
        options.add(new Object[] {
            "fisher --theta NaN",
            (Supplier<Object>) FitCommand::new,
            "--theta",
            List.of("fisher", "--events", eft.toString(), "--theta", "NaN,0", "--luminosity", "10", "--mode", "truth")
        });
        options.add(new Object[] {
            "fisher --theta 1e308",
            (Supplier<Object>) FitCommand::new,
            "--theta",
            List.of("fisher", "--events", eft.toString(), "--theta", "1e308,0", "--luminosity", "10", "--mode", "truth")
        });
        options.add(new Object[] {
            "fisher --theta one value",
            (Supplier<Object>) FitCommand::new,
            "--theta",
            List.of("fisher", "--events", eft.toString(), "--theta", "0", "--luminosity", "10", "--mode", "truth")
        });
        for (String lumi : List.of("0", "-1", "NaN", "Infinity")) {
            options.add(new Object[] {
                "fisher --luminosity " + lumi,
                (Supplier<Object>) FitCommand::new,
                "--luminosity",
                List.of("fisher", "--events", eft.toString(), "--theta", "0,0", "--luminosity", lumi, "--mode", "rate")
            });
        }
        options.add(new Object[] {
            "limits --theta-true NaN",
            (Supplier<Object>) FitCommand::new,
            "--theta-true",
            List.of(
                    "limits",
                    "--events",
                    eft.toString(),
                    "--scores",
                    scores.toString(),
                    "--luminosity",
                    "10",
                    "--grid",
                    "-1:1:3,-1:1:3",
                    "--theta-true",
                    "NaN,0")
        });
        for (String grid : List.of(
                "NaN:1:3,-1:1:3",
                "-1:1:0,-1:1:3",
                "1:-1:3,-1:1:3",
                "-1:1:3",
                "-1:1:100000,-1:1:100000",
                "a:b:c,-1:1:3")) {
            options.add(new Object[] {
                "limits --grid " + grid,
                (Supplier<Object>) FitCommand::new,
                "--grid",
                List.of(
                        "limits",
                        "--events",
                        eft.toString(),
                        "--scores",
                        scores.toString(),
                        "--luminosity",
                        "10",
                        "--grid",
                        grid)
            });
        }
        options.add(new Object[] {
            "limits --method sallyino",
            (Supplier<Object>) FitCommand::new,
            "--method",
            List.of(
                    "limits",
                    "--events",
                    eft.toString(),
                    "--scores",
                    scores.toString(),
                    "--luminosity",
                    "10",
                    "--grid",
                    "-1:1:3,-1:1:3",
                    "--method",
                    "sallyino")
        });
        options.add(new Object[] {
            "limits --method sallino --toys 10",
            (Supplier<Object>) FitCommand::new,
            "--toys",
            List.of(
                    "limits",
                    "--events",
                    eft.toString(),
                    "--scores",
                    scores.toString(),
                    "--luminosity",
                    "10",
                    "--grid",
                    "-1:1:3,-1:1:3",
                    "--method",
                    "sallino",
                    "--toys",
                    "10")
        });
        for (String bins : List.of("0", "-2", "100000000")) {
            options.add(new Object[] {
                "limits --bins " + bins,
                (Supplier<Object>) FitCommand::new,
                "--bins",
                List.of(
                        "limits",
                        "--events",
                        eft.toString(),
                        "--scores",
                        scores.toString(),
                        "--luminosity",
                        "10",
                        "--grid",
                        "-1:1:3,-1:1:3",
                        "--bins",
                        bins)
            });
            options.add(new Object[] {
                "shift --bins " + bins,
                (Supplier<Object>) TemplatesCommand::new,
                "--bins",
                List.of(
                        "--model",
                        model.toString(),
                        "--samples",
                        samples.toString(),
                        "--analysis",
                        analysis.toString(),
                        "--bins",
                        bins,
                        "-o",
                        "OUT")
            });
            options.add(new Object[] {
                "train inferno --bins " + bins,
                (Supplier<Object>) TrainCommand::new,
                "--bins",
                List.of(
                        "inferno",
                        "--samples",
                        samples.toString(),
                        "--analysis",
                        analysis.toString(),
                        "--benchmark",
                        "0",
                        "--seed",
                        "1",
                        "--bins",
                        bins,
                        "--epochs",
                        "1",
                        "-o",
                        "OUT")
            });
        }
        for (String lr : List.of("1e308", "0", "-1", "NaN", "Infinity")) {
            options.add(new Object[] {
                "train classifier --learning-rate " + lr,
                (Supplier<Object>) TrainCommand::new,
                "--learning-rate",
                List.of(
                        "classifier",
                        "--samples",
                        samples.toString(),
                        "--seed",
                        "1",
                        "--epochs",
                        "1",
                        "--learning-rate",
                        lr,
                        "-o",
                        "OUT")
            });
            options.add(new Object[] {
                "train sally --learning-rate " + lr,
                (Supplier<Object>) TrainCommand::new,
                "--learning-rate",
                List.of(
                        "sally",
                        "--samples",
                        score.toString(),
                        "--seed",
                        "1",
                        "--epochs",
                        "1",
                        "--learning-rate",
                        lr,
                        "-o",
                        "OUT")
            });
        }
        for (String[] o : new String[][] {
            {"--epochs", "0"},
            {"--epochs", "-1"},
            {"--batch-size", "0"},
            {"--hidden", "-3"},
            {"--hidden", "0"},
            {"--patience", "-1"},
            {"--resident-mib", "-1"}
        }) {
            options.add(new Object[] {
                "train classifier " + o[0] + " " + o[1],
                (Supplier<Object>) TrainCommand::new,
                o[0],
                List.of(
                        "classifier",
                        "--samples",
                        samples.toString(),
                        "--seed",
                        "1",
                        "--epochs",
                        "1",
                        o[0],
                        o[1],
                        "-o",
                        "OUT")
            });
        }
        // the likelihood-aware trainers: soft bins and benchmark (both), figure of merit and soft histogram (neos)
        Map<String, String[][]> profiled = new LinkedHashMap<>();
        profiled.put("inferno", new String[][] {
            {"--temperature", "0"},
            {"--temperature", "NaN"},
            {"--benchmark", "9"},
            {"--benchmark", "-1"},
            {"--learning-rate-decay", "0"},
            {"--learning-rate-decay", "1.5"},
            {"--learning-rate-decay", "NaN"}
        });
        profiled.put("neos", new String[][] {
            {"--objective", "bogus"},
            {"--objective", "bce"},
            {"--histogram", "bogus"},
            {"--mu", "0"},
            {"--mu", "NaN"},
            {"--bins", "1"},
            {"--temperature", "-1"},
            {"--benchmark", "9"}
        });
        profiled.forEach((kind, cases) -> {
            for (String[] o : cases) {
                options.add(new Object[] {
                    "train " + kind + " " + o[0] + " " + o[1],
                    (Supplier<Object>) TrainCommand::new,
                    o[0],
                    List.of(
                            kind,
                            "--samples",
                            samples.toString(),
                            "--analysis",
                            analysis.toString(),
                            "--benchmark",
                            "0",
                            "--seed",
                            "1",
                            "--epochs",
                            "1",
                            o[0],
                            o[1],
                            "-o",
                            "OUT")
                });
            }
        });
        // the pivot: its adversary's weight, schedule and network
        for (String[] o : new String[][] {
            {"--lambda", "-1"},
            {"--lambda", "NaN"},
            {"--lambda", "Infinity"},
            {"--lambda", "1e7"},
            {"--pretrain-epochs", "-1"},
            {"--pretrain-epochs", "1001"},
            {"--adversary-steps", "0"},
            {"--adversary-steps", "101"},
            {"--adversary-hidden", "0"},
            {"--adversary-hidden", "-3"},
            {"--adversary-activation", "sigmoid"}
        }) {
            options.add(new Object[] {
                "train pivot " + o[0] + " " + o[1],
                (Supplier<Object>) TrainCommand::new,
                o[0],
                List.of(
                        "pivot",
                        "--samples",
                        samples.toString(),
                        "--analysis",
                        analysis.toString(),
                        "--seed",
                        "1",
                        "--epochs",
                        "1",
                        o[0],
                        o[1],
                        "-o",
                        "OUT")
            });
        }
        for (String f : List.of("-0.1,0.6,0.5", "0.5,0.5,0.5", "0.4,0.2", "NaN,0.5,0.5", "0,0.5,0.5")) {
            options.add(new Object[] {
                "augment split --fractions " + f,
                (Supplier<Object>) AugmentCommand::new,
                "--fractions",
                List.of("split", "--seed", "1", "--fractions", f, "-o", "OUT", events.toString())
            });
        }
        for (String[] o : new String[][] {
            {"--draws", "0"}, {"--draws", "-5"}, {"--at", "NaN,0"}, {"--at", "0"}, {"--at", "1e308,0"}
        }) {
            List<String> a = new ArrayList<>(List.of("score", "--seed", "1", "-o", "OUT", eft.toString()));
            if (!o[0].equals("--at")) a.addAll(List.of("--at", "0,0"));
            a.addAll(List.of(o));
            options.add(
                    new Object[] {"augment score " + o[0] + " " + o[1], (Supplier<Object>) AugmentCommand::new, o[0], a
                    });
        }
        for (String[] o : new String[][] {
            {"--theta0-prior", "flat:-1:1"},
            {"--theta0-prior", "flat:1:-1,flat:-1:1"},
            {"--theta0-prior", "gaussian:0:0,flat:-1:1"},
            {"--theta0-prior", "uniform:0:1,flat:-1:1"},
            {"--theta0-prior", "flat:a:1,flat:-1:1"},
            {"--theta0-prior", "flat:-1:NaN,flat:-1:1"},
            {"--theta0-prior", "flat:-1:1e308,flat:-1:1"},
            {"--theta0-points", "0"},
            {"--theta1", "NaN,0"},
            {"--theta1", "0"}
        }) {
            List<String> a = new ArrayList<>(List.of("ratio", "--seed", "1", "-o", "OUT", eft.toString()));
            if (!o[0].equals("--theta0-prior")) a.addAll(List.of("--theta0-prior", "flat:-1:1,flat:-1:1"));
            if (!o[0].equals("--theta1")) a.addAll(List.of("--theta1", "0,0"));
            a.addAll(List.of(o));
            options.add(
                    new Object[] {"augment ratio " + o[0] + " " + o[1], (Supplier<Object>) AugmentCommand::new, o[0], a
                    });
        }
        options.add(new Object[] {
            "augment ratio --pair and --theta0-prior",
            (Supplier<Object>) AugmentCommand::new,
            "--theta0-prior",
            List.of(
                    "ratio",
                    "--seed",
                    "1",
                    "--pair",
                    "0,0:1,0",
                    "--theta0-prior",
                    "flat:-1:1,flat:-1:1",
                    "--theta1",
                    "0,0",
                    "-o",
                    "OUT",
                    eft.toString())
        });
        options.add(new Object[] {
            "augment ratio --theta0-prior without --theta1",
            (Supplier<Object>) AugmentCommand::new,
            "--theta1",
            List.of("ratio", "--seed", "1", "--theta0-prior", "flat:-1:1,flat:-1:1", "-o", "OUT", eft.toString())
        });
        options.add(new Object[] {
            "augment ratio neither --pair nor --theta0-prior",
            (Supplier<Object>) AugmentCommand::new,
            "--theta0-prior",
            List.of("ratio", "--seed", "1", "-o", "OUT", eft.toString())
        });
        for (String[] o : new String[][] {
            {"--loss", "alice"}, {"--loss", ""}, {"--alpha", "-1"}, {"--alpha", "NaN"}, {"--alpha", "Infinity"}
        }) {
            List<String> a = new ArrayList<>(
                    List.of("ratio", "--samples", ratio.toString(), "--seed", "1", "--epochs", "1", "-o", "OUT"));
            if (!o[0].equals("--loss")) a.addAll(List.of("--loss", "carl"));
            a.addAll(List.of(o));
            options.add(
                    new Object[] {"train ratio " + o[0] + " " + o[1], (Supplier<Object>) TrainCommand::new, o[0], a});
        }
        options.add(new Object[] {
            "train ratio two samples files",
            (Supplier<Object>) TrainCommand::new,
            "--samples",
            List.of(
                    "ratio",
                    "--samples",
                    ratio.toString(),
                    ratio.toString(),
                    "--loss",
                    "carl",
                    "--seed",
                    "1",
                    "-o",
                    "OUT")
        });
        // a ratio estimator's score point (shift scores --at)
        Path ratioModel = root.resolve("good").resolve("ratio-model"),
                toy = root.resolve("good").resolve("toy.h5");
        if (!Files.exists(ratioModel)) {
            ok(
                    new TrainCommand(),
                    "ratio",
                    "--samples",
                    ratio.toString(),
                    "--loss",
                    "alices",
                    "--seed",
                    "1",
                    "--epochs",
                    "1",
                    "--hidden",
                    "4",
                    "-o",
                    ratioModel.toString());
            ok(new SimulateCommand(), "gaussian-toy", "--events", "400", "--seed", "1", "-o", toy.toString());
        }
        for (String at : List.of("NaN", "0,0", "x", "1e308")) {
            options.add(new Object[] {
                "shift scores --at " + at,
                (Supplier<Object>) ShiftCommand::new,
                "--at",
                List.of(
                        "scores",
                        "--model",
                        ratioModel.toString(),
                        "--samples",
                        toy.toString(),
                        "--at",
                        at,
                        "-o",
                        "OUT")
            });
        }
        options.add(new Object[] {
            "shift scores --at with a SALLY model",
            (Supplier<Object>) ShiftCommand::new,
            "--at",
            List.of("scores", "--model", sally.toString(), "--events", eft.toString(), "--at", "0,0", "-o", "OUT")
        });
        for (String[] o : new String[][] {
            {"--theta0-prior", "flat:1:1"},
            {"--theta0-prior", "flat:-1:1,flat:-1:1"},
            {"--theta0-prior", "gaussian:0:-1"},
            {"--theta0-points", "0"},
            {"--theta0-points", "1000"},
            {"--theta1", "NaN"}
        }) {
            List<String> a = new ArrayList<>(
                    List.of("gaussian-toy-ratio", "--events", "400", "--seed", "1", "-o", "OUT", o[0], o[1]));
            if (!o[0].equals("--theta0-points")) a.addAll(List.of("--theta0-points", "5"));
            options.add(new Object[] {
                "simulate gaussian-toy-ratio " + o[0] + " " + o[1], (Supplier<Object>) SimulateCommand::new, o[0], a
            });
        }
        options.add(new Object[] {
            "augment split --signal unknown",
            (Supplier<Object>) AugmentCommand::new,
            "--signal",
            List.of("split", "--seed", "1", "--signal", "higgs", "-o", "OUT", events.toString())
        });
        options.add(new Object[] {
            "augment split --shard 5",
            (Supplier<Object>) AugmentCommand::new,
            "--shard",
            List.of("split", "--seed", "1", "--run-shards", "2", "--shard", "5", "-o", "OUT", events.toString())
        });
        for (String[] o : new String[][] {
            {"--events", "0"},
            {"--events", "-5"},
            {"--shards", "0"},
            {"--shard", "3"},
            {"--r", "NaN"},
            {"--lambda", "-1"},
            {"--lambda", "Infinity"}
        }) {
            options.add(new Object[] {
                "simulate inferno-paper " + o[0] + " " + o[1],
                (Supplier<Object>) SimulateCommand::new,
                o[0],
                List.of("inferno-paper", "--events", "50", "--seed", "1", o[0], o[1], "-o", "OUT")
            });
        }
        for (String[] o : new String[][] {{"--poi-value", "1e308"}, {"--poi-value", "NaN"}, {"--poi-value", "-1"}}) {
            options.add(new Object[] {
                "hypotest " + o[0] + " " + o[1],
                (Supplier<Object>) FitCommand::new,
                o[0],
                List.of("hypotest", "--workspace", workspace.toString(), o[0], o[1])
            });
        }
        for (String level : List.of("0", "1", "2", "NaN")) {
            options.add(new Object[] {
                "upper-limit --level " + level,
                (Supplier<Object>) FitCommand::new,
                "--level",
                List.of("upper-limit", "--workspace", workspace.toString(), "--level", level, "--plot", "OUT")
            });
        }
        for (String range : List.of("NaN:1:5", "0:3:0", "3:0:5", "0:3", "0:3:100000000")) {
            options.add(new Object[] {
                "scan --range " + range,
                (Supplier<Object>) FitCommand::new,
                "--range",
                List.of("scan", "--workspace", workspace.toString(), "--range", range, "--plot", "OUT")
            });
        }
        options.add(new Object[] {
            "scan --parameter unknown",
            (Supplier<Object>) FitCommand::new,
            "--parameter",
            List.of("scan", "--workspace", workspace.toString(), "--range", "0:3:5", "--parameter", "nope")
        });
        options.add(new Object[] {
            "hypotest --measurement unknown",
            (Supplier<Object>) FitCommand::new,
            "--measurement",
            List.of("hypotest", "--workspace", workspace.toString(), "--measurement", "nope")
        });
        for (String[] o : new String[][] {
            {"--scan-points", "0"}, {"--scan-points", "100000000"}, {"--scan-range", "NaN"}, {"--scan-range", "-1"}
        }) {
            options.add(new Object[] {
                "benchmarks " + o[0] + " " + o[1],
                (Supplier<Object>) FitCommand::new,
                o[0],
                List.of(
                        "benchmarks",
                        "--templates",
                        "nn=" + templates,
                        "--analysis",
                        analysis.toString(),
                        o[0],
                        o[1],
                        "--outdir",
                        "OUT")
            });
        }
        options.add(new Object[] {
            "benchmarks --templates without a name",
            (Supplier<Object>) FitCommand::new,
            "--templates",
            List.of(
                    "benchmarks",
                    "--templates",
                    templates.toString(),
                    "--analysis",
                    analysis.toString(),
                    "--outdir",
                    "OUT")
        });
        for (String c : List.of("0", "1", "1.5", "NaN")) {
            options.add(new Object[] {
                "sally-summary --confidence " + c,
                (Supplier<Object>) FitCommand::new,
                "--confidence",
                List.of("sally-summary", "--fisher", fisherDir.toString(), "--confidence", c, "-o", "OUT")
            });
        }
        // fit diagnostics (issue 18)
        String ws = workspace.toString();
        for (String[] o : new String[][] {
            {"impacts", "--nuisance", "--nuisance", "nope"},
            {"impacts", "--nuisances", "--nuisances", "5:1"},
            {"impacts", "--nuisances", "--nuisances", "0:100"},
            {"impacts", "--top", "--top", "0"},
            {"impacts", "--threads", "--threads", "0"},
            {"scan2d", "--y", "--y", "nope", "--x-range", "0:1:3", "--y-range", "0:1:3"},
            {"scan2d", "--y", "--y", "mu", "--x-range", "0:1:3", "--y-range", "0:1:3"},
            {"scan2d", "--x-range", "--y", "uncorr[0]", "--x-range", "1:0:3", "--y-range", "0:1:3"},
            {"scan2d", "--y-range", "--y", "uncorr[0]", "--x-range", "0:1:3", "--y-range", "0:1:1"},
            {"pseudo-data", "--at", "--seed", "1", "--at", "nowhere"},
            {"diagnostics", "--scan-points", "--scan-points", "1"},
            {"diagnostics", "--top", "--top", "0"}
        }) {
            List<String> args = new ArrayList<>(List.of(o[0], "--workspace", ws));
            args.addAll(List.of(o).subList(2, o.length));
            args.addAll(List.of("-o", "OUT"));
            options.add(new Object[] {
                o[0] + " " + String.join(" ", List.of(o).subList(2, o.length)),
                (Supplier<Object>) FitCommand::new,
                o[1],
                args
            });
        }
        options.add(new Object[] {
            "diagnostics without a model",
            (Supplier<Object>) FitCommand::new,
            "--workspace",
            List.of("diagnostics", "--pseudo-data", "-o", "OUT")
        });
        options.add(new Object[] {
            "diagnostics --benchmark unknown",
            (Supplier<Object>) FitCommand::new,
            "--benchmark",
            List.of(
                    "diagnostics",
                    "--templates",
                    templates.toString(),
                    "--analysis",
                    analysis.toString(),
                    "--benchmark",
                    "99",
                    "-o",
                    "OUT")
        });
        // --coverage: fit coverage and shift pseudo-experiments
        List<String> coverageArgs = List.of(
                "coverage",
                "--templates",
                "classifier=" + templates,
                "--analysis",
                analysis.toString(),
                "--seed",
                "1",
                "-o",
                "OUT");
        for (String toys : List.of("-1", "0", "100000000")) {
            List<String> args = new ArrayList<>(coverageArgs);
            args.addAll(List.of("--toys", toys));
            options.add(new Object[] {"coverage --toys " + toys, (Supplier<Object>) FitCommand::new, "--toys", args});
        }
        List<String> unpaired = new ArrayList<>(coverageArgs);
        unpaired.addAll(List.of(
                "--pseudo-experiments", "classifier=" + pseudo, "--pseudo-experiments", "classifier=" + pseudo));
        options.add(new Object[] {
            "coverage --pseudo-experiments twice for one templates file",
            (Supplier<Object>) FitCommand::new,
            "--pseudo-experiments",
            unpaired
        });
        List<String> noName = new ArrayList<>(coverageArgs);
        noName.set(2, templates.toString());
        noName.addAll(List.of("--toys", "2"));
        options.add(new Object[] {
            "coverage --templates without a name", (Supplier<Object>) FitCommand::new, "--templates", noName
        });
        List<String> pe = List.of(
                "pseudo-experiments",
                "--model",
                model.toString(),
                "--analysis",
                analysis.toString(),
                "--statistic",
                "classifier",
                "--seed",
                "1",
                "-o",
                "OUT");
        for (String[] bad : List.of(
                new String[] {"--experiments", "0"},
                new String[] {"--experiments", "-5"},
                new String[] {"--replica", "2", "--replicas", "2", "--experiments", "4"},
                new String[] {"--replicas", "0", "--experiments", "4"},
                new String[] {"--bins", "0", "--experiments", "4"},
                new String[] {"--statistic", "a/b", "--experiments", "4"})) {
            List<String> args = new ArrayList<>(pe);
            if (bad[0].equals("--statistic")) args.set(6, bad[1]);
            else args.addAll(List.of(bad));
            if (bad[0].equals("--statistic")) args.addAll(List.of(bad[2], bad[3]));
            options.add(new Object[] {
                "shift pseudo-experiments " + String.join(" ", bad), (Supplier<Object>) ShiftCommand::new, bad[0], args
            });
        }
        for (Object[] o : options) {
            Path dir = caseDir();
            @SuppressWarnings("unchecked")
            List<String> args = ((List<String>) o[3])
                    .stream()
                            .map(a -> a.equals("OUT") ? dir.resolve("out").toString() : a)
                            .toList();
            @SuppressWarnings("unchecked")
            Supplier<Object> step = (Supplier<Object>) o[1];
            add((String) o[0], step, args, (String) o[2], dir, (String) o[2]);
        }
    }

    // ------------------------------------------------ the Gaussian toy's limits and event-level pseudo-experiments

    private static Path gaussianScores(Path events, String name, Path model) {
        Path out = good.resolve(name);
        ok(
                new ShiftCommand(),
                "scores",
                "--model",
                model.toString(),
                "--events",
                events.toString(),
                "-o",
                out.toString());
        return out;
    }

    private static Path gaussianEvents(String dir, String theta, String events, String... grid) throws IOException {
        Path out = Files.createDirectories(good.resolve(dir)).resolve("gauss.h5");
        List<String> args =
                new ArrayList<>(List.of("gaussian-toy", "--weighted", "--theta", theta, "--events", events));
        args.addAll(List.of(grid));
        args.addAll(List.of("--seed", "4", "-o", out.toString()));
        ok(new SimulateCommand(), args.toArray(String[]::new));
        return out;
    }

    private static void gaussianLimits() throws IOException {
        Path samples = good.resolve("gauss-samples.h5"), model = good.resolve("gauss-sally");
        ok(new SimulateCommand(), "gaussian-toy", "--events", "400", "--seed", "4", "-o", samples.toString());
        ok(
                new TrainCommand(),
                "sally",
                "--samples",
                samples.toString(),
                "--seed",
                "1",
                "--epochs",
                "1",
                "--hidden",
                "4",
                "-o",
                model.toString());
        Path templates = gaussianEvents("gauss-templates", "0", "2000", "--grid=-1:1:5");
        Path pseudo = gaussianEvents("gauss-pseudo", "0", "3000"),
                elsewhere = gaussianEvents("gauss-at-0.5", "0.5", "300");
        Path templateScores = gaussianScores(templates, "gauss-template-scores", model),
                pseudoScores = gaussianScores(pseudo, "gauss-pseudo-scores", model),
                elsewhereScores = gaussianScores(elsewhere, "gauss-at-0.5-scores", model);
        List<String> limits = List.of(
                "limits",
                "--events",
                templates.toString(),
                "--scores",
                templateScores.toString(),
                "--luminosity",
                "10");
        java.util.function.BiFunction<String, List<String>, List<String>> with = (grid, more) -> Stream.concat(
                        Stream.concat(limits.stream(), Stream.of("--grid=" + grid)), more.stream())
                .toList();
        ok(
                new FitCommand(),
                with.apply(
                                "-1:1:5",
                                List.of(
                                        "--toys",
                                        "5",
                                        "--pseudo-events",
                                        pseudo.toString(),
                                        "--pseudo-scores",
                                        pseudoScores.toString()))
                        .toArray(String[]::new));
        String[][] optionRows = {
            {"--pseudo-events", "--toys", "5", "--pseudo-events", pseudo.toString()},
            {"--pseudo-scores", "--toys", "5", "--pseudo-scores", pseudoScores.toString()},
            {"--pseudo-events", "--pseudo-events", pseudo.toString(), "--pseudo-scores", pseudoScores.toString()}
        };
        for (String[] row : optionRows) {
            Path dir = caseDir();
            List<String> more = List.of(row).subList(1, row.length);
            add(
                    "limits " + String.join(" ", more).replace(good.toString(), ""),
                    FitCommand::new,
                    with.apply("-1:1:5", more),
                    row[0],
                    dir,
                    row[0]);
        }
        String[][] fileRows = { // name, the file the message names, its field, the extra arguments
            {
                "pseudo-events drawn elsewhere",
                elsewhere.toString(),
                "benchmarks/values",
                "--toys",
                "5",
                "--pseudo-events",
                elsewhere.toString(),
                "--pseudo-scores",
                elsewhereScores.toString()
            },
            {
                "too few pseudo-events",
                pseudo.toString(),
                "samples/observations",
                "--toys",
                "1000",
                "--pseudo-events",
                pseudo.toString(),
                "--pseudo-scores",
                pseudoScores.toString()
            },
            {
                "pseudo-events of another run",
                eft.toString(),
                "parameters/names",
                "--toys",
                "5",
                "--pseudo-events",
                eft.toString(),
                "--pseudo-scores",
                scores.toString()
            },
            {
                "pseudo-scores of other events",
                templateScores.resolve("gauss.h5").toString(),
                "events_file",
                "--toys",
                "5",
                "--pseudo-events",
                pseudo.toString(),
                "--pseudo-scores",
                templateScores.toString()
            },
            {"a grid point without a weight", templates.toString(), "benchmarks/values"},
            {"a truth without a weight", templates.toString(), "benchmarks/values", "--theta-true", "0.25"}
        };
        for (String[] row : fileRows) {
            Path dir = caseDir();
            String grid = row[0].startsWith("a grid point") ? "-1:1:4" : "-1:1:5";
            add(
                    "limits (Gaussian toy): " + row[0],
                    FitCommand::new,
                    with.apply(grid, List.of(row).subList(3, row.length)),
                    row[1],
                    dir,
                    row[2]);
        }
        for (String[] row :
                new String[][] {{"--grid=-1:1:5"}, {"--weighted", "--grid=1:-1:3"}, {"--weighted", "--theta", "NaN"}}) {
            Path dir = caseDir();
            List<String> args = new ArrayList<>(List.of("gaussian-toy", "--events", "10", "-o", dir + "/g.h5"));
            args.addAll(List.of(row));
            String option = row[row.length - 1].startsWith("--grid") ? "--grid" : "--theta";
            add("simulate gaussian-toy " + String.join(" ", row), SimulateCommand::new, args, option, dir, option);
        }
        Path noInputs = caseDir();
        add(
                "sally-summary without --fisher or --limits",
                FitCommand::new,
                List.of("sally-summary", "-o", noInputs.resolve("out").toString()),
                "--fisher",
                noInputs,
                "--limits");
    }

    // ------------------------------------------------ toy-based inference and its shards (issue 18)

    private static String[] toyRun(Path ws, String seed, String range, Path out) {
        return new String[] {
            "hypotest",
            "--workspace",
            ws.toString(),
            "--calculator",
            "toys",
            "--toys",
            "20",
            "--seed",
            seed,
            "--toy-range",
            range,
            "--out",
            out.toString()
        };
    }

    private static void toyShards() throws IOException {
        Path a = good.resolve("toys_0.h5"), b = good.resolve("toys_10.h5"), seed8 = good.resolve("toys_seed8.h5");
        Path overlap = good.resolve("toys_5.h5"), otherWs = good.resolve("toys_other_workspace.h5");
        Path other = Files.writeString(
                good.resolve("workspace_other.json"),
                Files.readString(workspace).replaceFirst("\\d", "7"));
        ok(new FitCommand(), toyRun(workspace, "7", "0:10", a));
        ok(new FitCommand(), toyRun(workspace, "7", "10:10", b));
        ok(new FitCommand(), toyRun(workspace, "8", "10:10", seed8));
        ok(new FitCommand(), toyRun(workspace, "7", "5:10", overlap));
        ok(new FitCommand(), toyRun(other, "7", "10:10", otherWs));
        Reader withA =
                reader("fit toys-merge", FitCommand::new, "toys-merge", a.toString(), "BAD", "--out", "OUT/m.h5");
        Reader alone = reader("fit toys-merge", FitCommand::new, "toys-merge", "BAD", "--out", "OUT/m.h5");
        addRead(withA, "a shard of another seed", seed8, caseDir(), "attribute 'seed'");
        addRead(withA, "a shard of another workspace", otherWs, caseDir(), "attribute 'workspace_sha256'");
        addRead(withA, "overlapping shards", overlap, caseDir(), "attribute 'first_toy'");
        addRead(alone, "a missing shard", a, caseDir(), "attribute 'toys_total'");
        byte[] bytes = Files.readAllBytes(b);
        for (int cut : new int[] {0, 100, bytes.length / 2, bytes.length - 1}) {
            Path dir = caseDir();
            Path bad = Files.write(dir.resolve("toys_10.h5"), Arrays.copyOf(bytes, cut));
            addRead(withA, "truncated at " + cut + " of a toy shard", bad, dir, "truncated", "toy_shard", "HDF5");
        }
        double[][] sb = (double[][]) H5Rewrite.datasets(b).get("signal_plus_background");
        double[][] nan = deepCopy(sb), negative = deepCopy(sb);
        nan[0][3] = Double.NaN;
        negative[0][2] = -1;
        valueMutation(b, withA, "NaN test statistic", set("signal_plus_background", nan), "signal_plus_background");
        valueMutation(
                b, withA, "negative test statistic", set("signal_plus_background", negative), "signal_plus_background");
        valueMutation(
                b,
                withA,
                "toys of another count",
                set("background_only", new double[][] {{1, 2, 3}}),
                "background_only");
        valueMutation(b, withA, "NaN POI value", set("poi_values", new double[] {Double.NaN}), "poi_values");
        for (Object[] attribute : new Object[][] {
            {"first_toy", 15L, "attribute 'first_toy'"},
            {"count", 3L, "signal_plus_background"},
            {"test_stat", "nope", "attribute 'test_stat'"}
        }) {
            Path dir = caseDir();
            Path bad = dir.resolve("toys_10.h5");
            H5Rewrite.write(b, bad, (k, v) -> v, Map.of((String) attribute[0], attribute[1]));
            addRead(withA, "attribute " + attribute[0], bad, dir, (String) attribute[2]);
        }
        String ws = workspace.toString();
        for (String[] o : new String[][] {
            {"--toys", "-5", "--seed", "1"},
            {"--toys", "0", "--seed", "1"},
            {"--calculator", "nope", "--seed", "1"},
            {"--seed", "x", "--toys", "10"},
            {"--toy-range", "15:10", "--seed", "1"},
            {"--toy-range", "0:x", "--seed", "1"},
            {"--toy-range", "0:5", "--seed", "1"}
        }) {
            Path dir = caseDir();
            List<String> args = new ArrayList<>(List.of("hypotest", "--workspace", ws, "--toys", "20"));
            if (!o[0].equals("--calculator")) args.addAll(List.of("--calculator", "toys"));
            for (int i = 0; i < o.length; i += 2) {
                if (args.contains(o[i])) args.set(args.indexOf(o[i]) + 1, o[i + 1]);
                else args.addAll(List.of(o[i], o[i + 1]));
            }
            if (o[0].equals("--toy-range") && !o[1].equals("0:5")) args.addAll(List.of("--out", dir + "/s.h5"));
            add("hypotest " + o[0] + " " + o[1], FitCommand::new, args, o[0], dir, o[0]);
        }
        Path noSeed = caseDir();
        add(
                "hypotest --calculator toys without --seed",
                FitCommand::new,
                List.of("hypotest", "--workspace", ws, "--calculator", "toys"),
                "--seed",
                noSeed,
                "--seed");
        Path seedOnly = caseDir();
        add(
                "hypotest --seed without toys",
                FitCommand::new,
                List.of("hypotest", "--workspace", ws, "--seed", "3"),
                "--seed",
                seedOnly,
                "--seed");
        for (String scan : List.of("2:1:5", "0:1:1", "x", "0:1e9:5")) {
            Path dir = caseDir();
            add(
                    "upper-limit --scan " + scan,
                    FitCommand::new,
                    List.of("upper-limit", "--workspace", ws, "--calculator", "toys", "--seed", "1", "--scan", scan),
                    "--scan",
                    dir,
                    "--scan");
        }
        Path plot = caseDir();
        add(
                "upper-limit --calculator toys --plot",
                FitCommand::new,
                List.of(
                        "upper-limit",
                        "--workspace",
                        ws,
                        "--calculator",
                        "toys",
                        "--seed",
                        "1",
                        "--plot",
                        plot.resolve("p.png").toString()),
                "--plot",
                plot,
                "--plot");
    }

    // ---------------------------------------------------------------- the run

    /** path → SHA-256 of every file (and "dir" for every directory) under {@code dir}. */
    private static Map<String, String> snapshot(Path dir) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                String key = dir.relativize(p).toString();
                if (Files.isSymbolicLink(p)) out.put(key, "link " + Files.readSymbolicLink(p));
                else if (Files.isDirectory(p)) out.put(key, "dir");
                else out.put(key, sha(Files.readAllBytes(p)));
            }
        }
        return out;
    }

    private static String sha(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void everyBadInputExitsTwoNamingFileAndFieldAndLeavesNothing() throws IOException {
        Map<String, String> goodBefore = snapshot(good);
        List<String> failures = new ArrayList<>();
        Map<String, Integer> perStep = new TreeMap<>();
        for (Case c : CASES) {
            Map<String, String> before = snapshot(c.dir());
            Run r;
            try {
                r = run(c.step().get(), c.args());
            } catch (Throwable t) {
                failures.add(c.name() + ": threw " + t);
                continue;
            }
            perStep.merge(stepOf(c), 1, Integer::sum);
            String err = r.err();
            List<String> problems = new ArrayList<>();
            if (r.code() != 2) problems.add("exit " + r.code());
            if (err.contains("\tat ") || err.contains("internal error") || err.contains("Exception:"))
                problems.add("stack trace or internal error");
            if (!err.contains(c.names())) problems.add("does not name " + c.names());
            if (c.fields().stream().noneMatch(err::contains)) problems.add("names none of " + c.fields());
            Map<String, String> after = snapshot(c.dir());
            if (!after.equals(before)) problems.add("directory changed: " + diff(before, after));
            if (!problems.isEmpty())
                failures.add(c.name() + ": " + String.join("; ", problems) + "\n      "
                        + err.strip().replace("\n", "\n      "));
        }
        assertEquals(goodBefore, snapshot(good), "the good inputs changed");
        System.err.printf(
                "bad-input table: %d cases, %d pass, %d fail; by step %s%n",
                CASES.size(), CASES.size() - failures.size(), failures.size(), perStep);
        assertTrue(CASES.size() >= 500, "only " + CASES.size() + " cases");
        if (!failures.isEmpty())
            fail(failures.size() + " of " + CASES.size() + " bad inputs broke the contract:\n"
                    + String.join("\n", failures));
    }

    // ------------------------------------------------------------ ensembles (--member, several --model)

    private static void ensembles() throws IOException {
        Path dir = caseDir();
        add(
                "train sally --member -1",
                TrainCommand::new,
                List.of(
                        "sally",
                        "--samples",
                        score.toString(),
                        "--seed",
                        "1",
                        "--epochs",
                        "1",
                        "--member",
                        "-1",
                        "-o",
                        dir.resolve("m").toString()),
                "--member",
                dir,
                "--member");
        Path twice = caseDir();
        add(
                "shift scores: the same --model twice",
                ShiftCommand::new,
                List.of(
                        "scores",
                        "--model",
                        sally.toString(),
                        sally.toString(),
                        "--events",
                        eft.toString(),
                        "-o",
                        twice.resolve("s").toString()),
                "--model",
                twice,
                "given twice");
        Path sameSeed = caseDir();
        Path copy = modelCopy(sally, sameSeed.resolve("m"));
        add(
                "shift scores: two members of one seed",
                ShiftCommand::new,
                List.of(
                        "scores",
                        "--model",
                        sally.toString(),
                        copy.toString(),
                        "--events",
                        eft.toString(),
                        "-o",
                        sameSeed.resolve("s").toString()),
                copy.resolve("model.json").toString(),
                sameSeed,
                "$.seed");
        Path mixed = caseDir();
        add(
                "shift templates: members of two kinds",
                TemplatesCommand::new,
                List.of(
                        "--model",
                        model.toString(),
                        sally.toString(),
                        "--samples",
                        samples.toString(),
                        "--analysis",
                        analysis.toString(),
                        "-o",
                        mixed.resolve("t.h5").toString()),
                sally.resolve("model.json").toString(),
                mixed,
                "$.kind");
        Path infernoDir = caseDir();
        List<Path> inferno = new ArrayList<>();
        try (org.infera.nn.TrainedNetwork c = org.infera.nn.TrainedNetwork.load(model)) {
            org.infera.nn.NetworkSpec s = c.spec();
            for (long seed : new long[] {1, 2}) {
                inferno.add(org.infera.nn.ModelFixtures.untrained(
                        Files.createDirectories(infernoDir.resolve("in")).resolve("inferno" + seed),
                        new org.infera.nn.NetworkSpec(
                                "inferno",
                                s.features(),
                                s.mean(),
                                s.std(),
                                List.of(4),
                                "relu",
                                3,
                                seed,
                                1,
                                1,
                                0.5,
                                "test",
                                0.1,
                                1)));
            }
        }
        add(
                "shift templates: INFERNO networks averaged",
                TemplatesCommand::new,
                List.of(
                        "--model",
                        inferno.get(0).toString(),
                        inferno.get(1).toString(),
                        "--samples",
                        samples.toString(),
                        "--analysis",
                        analysis.toString(),
                        "-o",
                        infernoDir.resolve("t.h5").toString()),
                inferno.get(0).resolve("model.json").toString(),
                infernoDir,
                "$.kind");
        // an ensemble's scores files, broken: one member, a member with NaN, a member with too few rows
        org.infera.core.data.EstimatedScoresFile s =
                org.infera.core.data.EstimatedScoresFile.read(scores.resolve(eft.getFileName()));
        double[][] nan = java.util.Arrays.stream(s.score()).map(double[]::clone).toArray(double[][]::new);
        nan[0][1] = Double.NaN;
        Map<String, double[][][]> broken = new LinkedHashMap<>();
        broken.put("members", new double[][][] {s.score()});
        broken.put("members/score_1", new double[][][] {s.score(), nan});
        broken.put("members/score_0", new double[][][] {java.util.Arrays.copyOf(s.score(), 3), s.score()});
        for (Map.Entry<String, double[][][]> b : broken.entrySet()) {
            Path d = caseDir(), bad = Files.createDirectories(d.resolve("scores"));
            new org.infera.core.data.EstimatedScoresFile(
                            s.eventsFile(),
                            s.events(),
                            s.kind(),
                            s.parameters(),
                            s.observables(),
                            s.score(),
                            b.getValue())
                    .write(bad.resolve(eft.getFileName()));
            add(
                    "fit fisher: ensemble scores " + b.getKey(),
                    FitCommand::new,
                    List.of(
                            "fisher",
                            "--events",
                            eft.toString(),
                            "--theta",
                            "0,0",
                            "--luminosity",
                            "10",
                            "--mode",
                            "sally",
                            "--scores",
                            bad.toString()),
                    bad.resolve(eft.getFileName()).toString(),
                    d,
                    b.getKey());
        }
        // sally.json's ensemble field, broken
        ObjectNode f =
                (ObjectNode) JSON.readTree(fisherDir.resolve("sally.json").toFile());
        ObjectNode e = JSON.createObjectNode().put("members", 3);
        e.putArray("fisher_std")
                .add(JSON.createArrayNode().add(1).add(0))
                .add(JSON.createArrayNode().add(0).add(1));
        e.putArray("sigma_std").add(0.1).add(0.1);
        Map<String, JsonNode> ensembles = new LinkedHashMap<>();
        ensembles.put("one member", e.deepCopy().put("members", 1));
        ensembles.put(
                "negative sigma_std",
                e.deepCopy().set("sigma_std", JSON.createArrayNode().add(-1).add(0.1)));
        ensembles.put(
                "fisher_std not square",
                e.deepCopy().set("fisher_std", JSON.createArrayNode().add(1)));
        ensembles.put("unknown field", e.deepCopy().put("spread", 1));
        for (Map.Entry<String, JsonNode> b : ensembles.entrySet()) {
            Path d = caseDir(), fisher = Files.createDirectories(d.resolve("fisher_r0"));
            for (String m : List.of("truth", "rate"))
                Files.copy(fisherDir.resolve(m + ".json"), fisher.resolve(m + ".json"));
            Files.writeString(
                    fisher.resolve("sally.json"),
                    f.deepCopy().set("ensemble", b.getValue()).toPrettyString());
            add(
                    "sally-summary sally.json ensemble " + b.getKey(),
                    FitCommand::new,
                    List.of(
                            "sally-summary",
                            "--fisher",
                            fisher.toString(),
                            "-o",
                            d.resolve("out").toString()),
                    fisher.resolve("sally.json").toString(),
                    d,
                    "$.ensemble");
        }
    }

    /** "augment split", "fit benchmarks", "train sally"…: the step and sub-command a case runs. */
    private static String stepOf(Case c) {
        String step =
                c.step().get().getClass().getSimpleName().replace("Command", "").toLowerCase();
        boolean sub = !step.equals("shift");
        return sub && !c.args().isEmpty() ? step + " " + c.args().get(0) : step;
    }

    private static String diff(Map<String, String> before, Map<String, String> after) {
        List<String> d = new ArrayList<>();
        for (String k : after.keySet()) if (!before.containsKey(k)) d.add("+" + k);
        for (String k : before.keySet()) if (!after.containsKey(k)) d.add("-" + k);
        for (String k : before.keySet())
            if (after.containsKey(k) && !before.get(k).equals(after.get(k))) d.add("~" + k);
        return String.join(", ", d);
    }
}
