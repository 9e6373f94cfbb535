package org.infera.fit.pyhf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.infera.core.data.TemplatesFile;
import org.infera.fit.FitCli;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every workspace infera publishes in pyhf's format passes our JSON schema of pyhf's format (validated by
 * networknt's json-schema-validator) and pyhf's model-builder rules ({@link PyhfModelRules}); the schema
 * and rules refuse what pyhf refuses and accept what pyhf accepts, on cases pyhf 0.7.6.dev398 (main at
 * b3dc4bb2) was run on by hand; and infera-fit refuses the refused ones with exit 2 and the JSON path,
 * and fits the accepted ones.
 */
class PyhfWorkspaceSchemaTest {
    static final Path REPO = Path.of(System.getProperty("infera.repo", "../.."));
    static final ObjectMapper JSON = new ObjectMapper();
    static JsonSchema schema;

    @TempDir
    Path dir;

    @BeforeAll
    static void loadSchema() throws Exception {
        try (InputStream in =
                PyhfWorkspaceSchemaTest.class.getResourceAsStream("/org/infera/fit/pyhf/workspace-1.0.0.schema.json")) {
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in);
        }
    }

    /** Schema errors and rule violations, each with its JSON path. */
    static List<String> problems(JsonNode ws) {
        List<String> out = new ArrayList<>();
        for (ValidationMessage m : schema.validate(ws)) out.add(m.getInstanceLocation() + ": " + m.getMessage());
        if (out.isEmpty()) out.addAll(PyhfModelRules.violations(ws));
        return out;
    }

    @Test
    void theReferenceWorkspacesOfTheDefaultAnalysisPass() throws Exception {
        List<Path> files;
        try (Stream<Path> s = Files.list(PyhfReferenceTest.DIR)) {
            files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        assertFalse(files.isEmpty());
        for (Path f : files) assertEquals(List.of(), problems(JSON.readTree(f.toFile())), f.toString());
        assertEquals(
                List.of(),
                problems(JSON.readTree(REPO.resolve("steps-java/core/src/test/resources/histfactory/pyhf-readme.json")
                        .toFile())));
    }

    @Test
    void everyWorkspaceTheBenchmarksWritePasses() throws Exception {
        // benchmark 1: a constrained background yield (pyhf's lumi); 2: a free one (normfactor); 3: a floating nuisance
        // (no file)
        ObjectNode analysis = (ObjectNode)
                JSON.readTree(REPO.resolve("params/analysis/inferno-paper.json").toFile());
        ArrayNode benchmarks = (ArrayNode)
                JSON.readTree(
                        """
                [{"id": 0, "floating": [], "constraints": {}},
                 {"id": 1, "floating": ["background"], "constraints": {"background": 100}},
                 {"id": 2, "floating": ["background"], "constraints": {}},
                 {"id": 3, "floating": ["r", "background"], "constraints": {"r": 0.2, "background": 100}}]""");
        analysis.set("benchmarks", benchmarks);
        // the templates below shift only r: the analysis must name no other nuisance (templates are checked against it)
        ArrayNode nuisances = JSON.createArrayNode();
        analysis.get("nuisances").forEach(n -> {
            if (n.get("name").asText().equals("r")) nuisances.add(n);
        });
        analysis.set("nuisances", nuisances);
        Path analysisFile = dir.resolve("analysis.json");
        JSON.writeValue(analysisFile.toFile(), analysis);
        Path t = dir.resolve("t.h5");
        new TemplatesFile(
                        "classifier",
                        new double[] {0, 0.2, 0.4, 0.6, 0.8, 1},
                        new String[] {"signal", "background"},
                        new long[] {1, 0},
                        new double[][] {{2, 3, 5, 15, 25}, {500, 250, 150, 70, 30}},
                        new long[][] {{1, 1, 1, 1, 1}, {1, 1, 1, 1, 1}},
                        List.of(new TemplatesFile.NuisanceTemplate(
                                "r", 1, 0, 0.2, -0.2, new double[] {520, 255, 145, 60, 20}, new double[] {
                                    480, 245, 155, 80, 40
                                })))
                .write(t);
        Path out = dir.resolve("fit");
        FitCli.Result run = FitCli.run(
                "benchmarks",
                "--templates",
                "classifier=" + t,
                "--analysis",
                analysisFile.toString(),
                "--outdir",
                out.toString());
        assertEquals(0, run.code(), run.err());
        List<String> csv = Files.readAllLines(out.resolve("benchmarks.csv"));
        for (int b = 0; b < 4; b++) {
            Path ws = out.resolve("workspaces/classifier_bm" + b + ".json");
            if (b == 3) {
                assertFalse(Files.exists(ws));
                assertTrue(Files.readString(out.resolve("workspaces/README.md"))
                        .contains("- classifier_bm3: nuisance 'r' has a Gaussian constraint of width 1 in α "
                                + "units; its code2"));
                continue;
            }
            JsonNode tree = JSON.readTree(ws.toFile());
            assertEquals(List.of(), problems(tree), ws.toString());
            assertEquals(b == 1, tree.toString().contains("\"type\":\"lumi\""), "BM" + b);
            // read as pyhf reads it (default codes, pyhf's rules), the file gives the table's σ
            FitCli.Result fit = FitCli.run("fit", "--workspace", ws.toString());
            assertEquals(0, fit.code(), fit.err());
            double sigma = fit.json().get("sigma_poi_fisher").asDouble() * 50;
            assertEquals(Double.parseDouble(csv.get(1 + b).split(",")[2]), sigma, 1e-9 * sigma, "BM" + b);
        }
    }

    /** The workspace the by-hand pyhf run started from: each case below is one change to it. */
    static final String BASE =
            """
            {"channels": [{"name": "c", "samples": [
               {"name": "s", "data": [5.0, 6.0], "modifiers": [{"name": "mu", "type": "normfactor", "data": null}]},
               {"name": "b", "data": [50.0, 60.0], "modifiers": [
                 {"name": "a", "type": "histosys", "data": {"hi_data": [55.0, 62.0], "lo_data": [45.0, 58.0]}}]}]}],
             "observations": [{"name": "c", "data": [55.0, 66.0]}],
             "measurements": [{"name": "m", "config": {"poi": "mu", "parameters": []}}], "version": "1.0.0"}""";

    private record Case(String label, Consumer<ObjectNode> change, String path) {}

    private static ArrayNode parameters(ObjectNode w) {
        return (ArrayNode) w.get("measurements").get(0).get("config").get("parameters");
    }

    private static ArrayNode modifiers(ObjectNode w, int sample) {
        return (ArrayNode) w.get("channels").get(0).get("samples").get(sample).get("modifiers");
    }

    private static JsonNode node(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalArgumentException(json, e);
        }
    }

    @Test
    void whatPyhfRefusesIsRefusedWithItsJsonPath() throws Exception {
        List<Case> refused = List.of(
                new Case(
                        "sigmas on a histosys",
                        w -> parameters(w).add(node("{\"name\": \"a\", \"sigmas\": [2.0]}")),
                        "$.measurements[0].config.parameters[0].sigmas"),
                new Case(
                        "auxdata on a normfactor",
                        w -> parameters(w).add(node("{\"name\": \"mu\", \"auxdata\": [1.0]}")),
                        "$.measurements[0].config.parameters[0].auxdata"),
                new Case(
                        "two inits for one parameter",
                        w -> parameters(w).add(node("{\"name\": \"a\", \"inits\": [0.0, 0.0]}")),
                        "$.measurements[0].config.parameters[0].inits"),
                new Case(
                        "one parameter configured twice",
                        w -> {
                            parameters(w).add(node("{\"name\": \"a\", \"inits\": [0.0]}"));
                            parameters(w).add(node("{\"name\": \"a\", \"fixed\": true}"));
                        },
                        "$.measurements[0].config.parameters[1].name"),
                new Case(
                        "a lumi with auxdata and sigmas only",
                        w -> {
                            modifiers(w, 1).add(node("{\"name\": \"lumi\", \"type\": \"lumi\", \"data\": null}"));
                            parameters(w).add(node("{\"name\": \"lumi\", \"auxdata\": [1.0], \"sigmas\": [0.1]}"));
                        },
                        "$.measurements[0].config.parameters[0]"),
                new Case(
                        "a lumi under another name",
                        w -> {
                            modifiers(w, 1).add(node("{\"name\": \"lum2\", \"type\": \"lumi\", \"data\": null}"));
                            parameters(w)
                                    .add(node("{\"name\": \"lum2\", \"auxdata\": [1.0], \"sigmas\": [0.1], "
                                            + "\"inits\": [1.0], \"bounds\": [[0.5, 1.5]]}"));
                        },
                        "$.channels[0].samples[1].modifiers[1]"),
                new Case(
                        "a normfactor and a histosys of one name",
                        w -> modifiers(w, 0).add(node("{\"name\": \"a\", \"type\": \"normfactor\", \"data\": null}")),
                        "$.channels[0].samples[1].modifiers[0]"),
                new Case(
                        "one normsys twice on a sample",
                        w -> {
                            modifiers(w, 0)
                                    .add(node("{\"name\": \"n\", \"type\": \"normsys\", \"data\": {\"hi\": 1.1, "
                                            + "\"lo\": 0.9}}"));
                            modifiers(w, 0)
                                    .add(node("{\"name\": \"n\", \"type\": \"normsys\", \"data\": {\"hi\": 1.2, "
                                            + "\"lo\": 0.8}}"));
                        },
                        "$.channels[0].samples[0].modifiers[2]"),
                new Case(
                        "one shapesys on two samples",
                        w -> {
                            modifiers(w, 0)
                                    .add(node("{\"name\": \"n\", \"type\": \"shapesys\", \"data\": [1.0, 1.0]}"));
                            modifiers(w, 1)
                                    .add(node("{\"name\": \"n\", \"type\": \"shapesys\", \"data\": [1.0, 1.0]}"));
                        },
                        "$.channels[0].samples[1].modifiers[1]"),
                new Case(
                        "a multi-bin POI",
                        w -> {
                            modifiers(w, 0).add(node("{\"name\": \"sf\", \"type\": \"shapefactor\", \"data\": null}"));
                            ((ObjectNode) w.get("measurements").get(0).get("config")).put("poi", "sf");
                        },
                        "$.measurements[0].config.poi"),
                new Case(
                        "an unknown modifier type",
                        w -> modifiers(w, 0).add(node("{\"name\": \"q\", \"type\": \"weird\", \"data\": null}")),
                        "$.channels[0].samples[0].modifiers[1]"),
                new Case("no version", w -> w.remove("version"), "$"),
                new Case(
                        "sigmas on a shapesys",
                        w -> {
                            modifiers(w, 1)
                                    .add(node("{\"name\": \"ss\", \"type\": \"shapesys\", \"data\": [1.0, 2.0]}"));
                            parameters(w).add(node("{\"name\": \"ss\", \"sigmas\": [1.0, 2.0]}"));
                        },
                        "$.measurements[0].config.parameters[0].sigmas"),
                new Case(
                        "a histosys template of the wrong length",
                        w -> ((ObjectNode) modifiers(w, 1).get(0).get("data")).set("hi_data", node("[55.0]")),
                        "$.channels[0].samples[1].modifiers[0].data.hi_data"));
        for (Case c : refused) {
            ObjectNode w = (ObjectNode) JSON.readTree(BASE);
            c.change().accept(w);
            List<String> problems = problems(w);
            assertFalse(problems.isEmpty(), c.label() + ": the schema and rules let it pass");
            assertTrue(problems.stream().anyMatch(p -> p.startsWith(c.path())), c.label() + ": " + problems);
            Path file = dir.resolve("case.json");
            Files.writeString(file, w.toString());
            FitCli.Result r = FitCli.run("fit", "--workspace", file.toString());
            assertEquals(2, r.code(), c.label() + ": " + r.err());
            String expected = c.path().equals("$") ? "$.version" : c.path();
            assertTrue(r.err().contains(file + ": " + expected), c.label() + ": " + r.err());
        }
    }

    @Test
    void whatPyhfAcceptsIsAcceptedAndFitted() throws Exception {
        List<Case> accepted = List.of(
                new Case(
                        "settings of a parameter no modifier uses",
                        w -> parameters(w).add(node("{\"name\": \"zzz\", \"sigmas\": [2.0]}")),
                        ""),
                new Case(
                        "a normsys and a histosys of one name",
                        w -> modifiers(w, 0)
                                .add(node("{\"name\": \"a\", \"type\": \"normsys\", \"data\": {\"hi\": 1.1, "
                                        + "\"lo\": 0.9}}")),
                        ""),
                new Case(
                        "a complete lumi",
                        w -> {
                            modifiers(w, 1).add(node("{\"name\": \"lumi\", \"type\": \"lumi\", \"data\": null}"));
                            parameters(w)
                                    .add(node("{\"name\": \"lumi\", \"auxdata\": [1.0], \"sigmas\": [0.1], "
                                            + "\"inits\": [1.0], \"bounds\": [[0.5, 1.5]]}"));
                        },
                        ""),
                new Case(
                        "staterror sigmas",
                        w -> {
                            modifiers(w, 1)
                                    .add(node("{\"name\": \"st\", \"type\": \"staterror\", \"data\": [1.0, 2.0]}"));
                            parameters(w).add(node("{\"name\": \"st\", \"sigmas\": [0.5, 0.5]}"));
                        },
                        ""),
                new Case(
                        "shapesys factors",
                        w -> {
                            modifiers(w, 1)
                                    .add(node("{\"name\": \"ss\", \"type\": \"shapesys\", \"data\": [1.0, 2.0]}"));
                            parameters(w).add(node("{\"name\": \"ss\", \"factors\": [100.0, 200.0]}"));
                        },
                        ""),
                new Case("a fixed histosys", w -> parameters(w).add(node("{\"name\": \"a\", \"fixed\": true}")), ""),
                new Case(
                        "an observation of a channel the workspace lacks",
                        w -> ((ArrayNode) w.get("observations")).add(node("{\"name\": \"zz\", \"data\": [1.0]}")),
                        ""));
        for (Case c : accepted) {
            ObjectNode w = (ObjectNode) JSON.readTree(BASE);
            c.change().accept(w);
            assertEquals(List.of(), problems(w), c.label());
            Path file = dir.resolve("case.json");
            Files.writeString(file, w.toString());
            FitCli.Result r = FitCli.run("fit", "--workspace", file.toString());
            assertEquals(0, r.code(), c.label() + ": " + r.err());
        }
    }
}
