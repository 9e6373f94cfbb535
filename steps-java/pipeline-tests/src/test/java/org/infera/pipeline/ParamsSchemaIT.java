package org.infera.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every parameter is checked against nextflow_schema.json before any task starts: misspelt names on
 * the command line and in params files, wrong types, values outside an enum or range, malformed grids
 * and θ strings and statistics that do not exist each stop the run with exit 1 and a message naming the
 * parameter; --help prints the schema's parameters and starts nothing. And the schema's defaults are
 * the pipeline's: nextflow.config and the params files cannot drift from it. The problems that the schema and the
 * statistics check find are all reported at once, so one run holds all of them (a user sees every typo at once);
 * the cases that stop elsewhere (the configuration, the analysis file, the params file, the statistics against
 * the analysis) run one each.
 */
class ParamsSchemaIT {
    /** A bad parameter: its arguments, and what the message must name. */
    record Case(String name, List<String> args, String expected) {}

    /** One launch: its arguments, and the cases it holds, each of whose messages must be reported. */
    record Run(String name, List<String> args, List<Case> cases) {
        /** The cases' arguments together (params-file cases: their files' lines in one file). */
        static Run of(String name, List<Case> cases) {
            List<String> args = new ArrayList<>();
            StringBuilder paramsFile = new StringBuilder();
            for (Case c : cases) {
                if (c.args().get(0).equals("-params-file"))
                    paramsFile.append(c.args().get(1).substring("PARAMS:".length()));
                else args.addAll(c.args());
            }
            if (paramsFile.length() > 0) args.addAll(List.of("-params-file", "PARAMS:" + paramsFile));
            return new Run(name, args, cases);
        }
    }

    private static final List<Case> CASES = List.of(
            new Case(
                    "misspelt name",
                    List.of("--replicaz", "3"),
                    "--replicaz: unknown parameter. Did you mean --replicas?"),
            new Case(
                    "misspelt enum value",
                    List.of("--method", "salley"),
                    "--method: 'salley' is not one of binned, sally"),
            new Case("misspelt statistic", List.of("--statistics", "classifer"), "--statistics: 'classifer'"),
            new Case(
                    "statistic beyond the benchmarks",
                    List.of("--statistics", "classifier,inferno_bm7"),
                    "'inferno_bm7' names benchmark 7"),
            new Case("zero replicas", List.of("--replicas", "0"), "--replicas: 0 is below the minimum 1"),
            new Case("zero ensemble members", List.of("--ensemble", "0"), "--ensemble: 0 is below the minimum 1"),
            new Case(
                    "an ensemble of INFERNO networks",
                    List.of("--statistics", "classifier,inferno_bm4", "--ensemble", "3"),
                    "--ensemble 3: 'inferno_bm4' cannot be averaged over trainings"),
            new Case("text for an integer", List.of("--events", "many"), "--events: expected integer, got 'many'"),
            new Case("real for an integer", List.of("--epochs", "2.5"), "--epochs: expected integer"),
            new Case(
                    "negative learning rate",
                    List.of("--learning_rate=-0.1"),
                    "--learning_rate: -0.1 must be greater than 0"),
            new Case("kebab-case name", List.of("--inferno-epochs", "3"), "did you mean --inferno_epochs?"),
            new Case("camelCase name", List.of("--batchSize", "3"), "did you mean --batch_size?"),
            new Case(
                    "malformed grid",
                    List.of("--limits_grid=-1:1,-2:2:21"),
                    "--limits_grid: '-1:1,-2:2:21' is malformed"),
            new Case("malformed theta", List.of("--theta", "0;0"), "--theta: '0;0' is malformed"),
            new Case("malformed fractions", List.of("--fractions", "0.4,0.6"), "--fractions: '0.4,0.6' is malformed"),
            new Case("malformed hidden layers", List.of("--hidden", "100,,100"), "--hidden: '100,,100' is malformed"),
            new Case("unknown model", List.of("--model", "inferno"), "--model: 'inferno' is not one of"),
            new Case("unknown device", List.of("--device", "cuda"), "--device: 'cuda' is not one of auto, cpu, gpu"),
            new Case(
                    "unknown neos objective",
                    List.of("--neos_objective", "CLs"),
                    "--neos_objective: 'CLs' is not one of"),
            new Case(
                    "bins above the maximum", List.of("--bins", "100000000"), "--bins: 100000000 is above the maximum"),
            // the resource limits are read by the configuration itself, which Nextflow refuses before main.nf runs
            new Case("malformed memory", List.of("--max_memory", "8 gigs"), "Not a valid FileSize value: '8 gigs'"),
            new Case(
                    "unknown template split",
                    List.of("--template_split", "testing"),
                    "--template_split: 'testing' is not one of"),
            new Case(
                    "unknown samples mode",
                    List.of("--samples", "nearest"),
                    "--samples: 'nearest' is not one of combined, closest"),
            new Case(
                    "params file typo",
                    List.of("-params-file", "PARAMS:epoch: 3\n"),
                    "--epoch: unknown parameter. Did you mean --epochs?"),
            new Case(
                    "params file wrong type",
                    List.of("-params-file", "PARAMS:replicas: three\n"),
                    "--replicas: expected integer, got 'three'"),
            new Case(
                    "missing analysis",
                    List.of("--analysis", "params/analysis/nothing.json"),
                    "--analysis: no such file"));

    /** Cases that stop the run before the joint report of parameter problems, or that share a parameter. */
    private static final List<String> ALONE = List.of(
            "statistic beyond the benchmarks",
            "an ensemble of INFERNO networks",
            "malformed memory",
            "missing analysis");

    /** The runs: every case the joint report finds in one, the params file's in another, the rest alone. */
    static List<Run> runs() {
        List<Case> joint = new ArrayList<>(), paramsFile = new ArrayList<>();
        List<Run> runs = new ArrayList<>();
        for (Case c : CASES) {
            if (ALONE.contains(c.name())) runs.add(Run.of(c.name(), List.of(c)));
            else if (c.args().get(0).equals("-params-file")) paramsFile.add(c);
            else joint.add(c);
        }
        runs.add(0, Run.of("every problem of the joint report at once", joint));
        runs.add(Run.of("params file problems", paramsFile));
        return runs;
    }

    @Test
    void everyBadParameterStopsTheRunBeforeAnyTask(@TempDir Path dir) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Run> runs = runs();
        try {
            List<Future<String>> results = new ArrayList<>();
            for (int k = 0; k < runs.size(); k++) {
                Run r = runs.get(k);
                Path launch = dir.resolve("run" + k);
                results.add(pool.submit(() -> check(r, launch)));
            }
            List<String> failures = new ArrayList<>();
            for (Future<String> r : results) {
                String problem = r.get();
                if (problem != null) failures.add(problem);
            }
            assertTrue(
                    failures.isEmpty(),
                    failures.size() + " of " + runs.size() + " runs failed:\n" + String.join("\n", failures));
        } finally {
            pool.shutdownNow();
        }
    }

    /** Null when the run stops as it must, naming each of its cases; else what went wrong. */
    private static String check(Run c, Path launch) throws Exception {
        Files.createDirectories(launch);
        List<String> args = new ArrayList<>();
        for (String a : c.args()) {
            if (a.startsWith("PARAMS:")) {
                Path file = launch.resolve("params.yaml");
                Files.writeString(file, a.substring("PARAMS:".length()));
                args.add(file.toString());
            } else {
                args.add(a);
            }
        }
        long start = System.nanoTime();
        int code = NextflowRun.run(launch, args.toArray(new String[0]));
        double seconds = (System.nanoTime() - start) / 1e9;
        String console = NextflowRun.console(launch);
        System.out.printf(
                "params check '%s' (%d case(s)): exit %d in %.1f s%n",
                c.name(), c.cases().size(), code, seconds);
        if (code != 1) return c.name() + ": exit " + code + ", expected 1\n" + console;
        for (Case one : c.cases())
            if (!console.contains(one.expected()))
                return c.name() + ", case '" + one.name() + "': the message does not contain \"" + one.expected()
                        + "\"\n" + console;
        if (taskStarted(launch) || console.contains("Submitted process"))
            return c.name() + ": a task was started\n" + console;
        return null;
    }

    /** Nextflow makes an empty work directory at launch; a task makes its own folder in it. */
    private static boolean taskStarted(Path launch) throws java.io.IOException {
        Path work = launch.resolve("work");
        if (!Files.isDirectory(work)) return false;
        try (var entries = Files.list(work)) {
            return entries.findAny().isPresent();
        }
    }

    @Test
    void helpPrintsTheParametersAndStartsNothing(@TempDir Path dir) throws Exception {
        assertEquals(0, NextflowRun.run(dir, "--help"));
        String console = NextflowRun.console(dir);
        assertTrue(console.contains("--inferno_temperature") && console.contains("Score-based inference"), console);
        assertFalse(taskStarted(dir), "--help started a task");
        Path one = dir.resolve("one");
        assertEquals(0, NextflowRun.run(one, "--help", "limits_grid"));
        assertTrue(NextflowRun.console(one).contains("LO:HI:N per parameter"), NextflowRun.console(one));
    }

    /** The schema's defaults are nextflow.config's, and every key of every params file is a schema parameter. */
    @Test
    void schemaConfigAndParamsFilesAgree() throws Exception {
        Map<String, JsonNode> schema = properties();
        String config = Files.readString(NextflowRun.REPO.resolve("nextflow.config"));
        int block = config.indexOf("params {");
        int end = config.indexOf("\n}", block);
        Map<String, String> defaults = new TreeMap<>();
        for (String line : config.substring(block, end).split("\n")) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("^\\s*(\\w+)\\s*=\\s*(.+?)\\s*(//.*)?$")
                    .matcher(line);
            if (m.matches()) defaults.put(m.group(1), m.group(2).replaceAll("^['\"]|['\"]$", ""));
        }
        for (Map.Entry<String, String> d : defaults.entrySet()) {
            JsonNode spec = schema.get(d.getKey());
            assertTrue(
                    spec != null,
                    "nextflow.config sets params." + d.getKey() + ", which nextflow_schema.json does not define");
            String expected =
                    spec.get("default").isNull() ? "null" : spec.get("default").asText();
            assertEquals(
                    expected,
                    d.getValue(),
                    "default of " + d.getKey() + ": nextflow_schema.json against nextflow.config");
        }
        for (String name : schema.keySet()) {
            if (!name.equals("slurm_queue"))
                assertTrue(defaults.containsKey(name), "nextflow.config has no default for " + name);
        }
        List<Path> files = new ArrayList<>();
        try (var s = Files.list(NextflowRun.REPO.resolve("params"))) {
            s.filter(p -> p.toString().endsWith(".yaml")).forEach(files::add);
        }
        assertFalse(files.isEmpty());
        for (Path f : files) {
            for (String line : Files.readAllLines(f)) {
                java.util.regex.Matcher m =
                        java.util.regex.Pattern.compile("^(\\w+)\\s*:").matcher(line);
                if (m.find())
                    assertTrue(
                            schema.containsKey(m.group(1)),
                            f.getFileName() + ": key '" + m.group(1) + "' is no parameter of nextflow_schema.json");
            }
        }
    }

    private static Map<String, JsonNode> properties() throws Exception {
        JsonNode root = new ObjectMapper()
                .readTree(NextflowRun.REPO.resolve("nextflow_schema.json").toFile());
        Map<String, JsonNode> out = new TreeMap<>();
        for (Iterator<JsonNode> g = root.get("$defs").elements(); g.hasNext(); ) {
            JsonNode group = g.next();
            for (Iterator<Map.Entry<String, JsonNode>> p =
                            group.get("properties").fields();
                    p.hasNext(); ) {
                Map.Entry<String, JsonNode> e = p.next();
                out.put(e.getKey(), e.getValue());
            }
        }
        return out;
    }
}
