package org.infera.core.histfactory;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.infera.core.cli.InputException;
import org.infera.core.histfactory.infer.Likelihood;
import org.infera.core.histfactory.model.Model;
import org.infera.core.histfactory.model.ModelBuilder;
import org.infera.core.histfactory.spec.Workspace;
import org.infera.core.histfactory.spec.WorkspaceReader;
import org.infera.core.histfactory.spec.WorkspaceWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Workspaces are read as pyhf writes them, written so they read back the same, and bad ones are refused with a message
 * that says where.
 */
class WorkspaceReaderTest {
    private static final String GOOD = TestWorkspaces.ALL_MODIFIERS;

    @Test
    void writtenWorkspacesReadBackToTheSameLikelihood(@TempDir Path dir) throws Exception {
        Workspace w = WorkspaceReader.parse(GOOD, "good.json");
        Path file = dir.resolve("ws.json");
        WorkspaceWriter.write(w, file);
        Workspace back = WorkspaceReader.read(file);
        Model a = ModelBuilder.build(w, null, "a"), b = ModelBuilder.build(back, null, "b");
        assertEquals(a.parameterNames(), b.parameterNames());
        double[] theta = a.inits();
        assertEquals(
                new Likelihood(a, ModelBuilder.observed(w, a)).twiceNll(theta),
                new Likelihood(b, ModelBuilder.observed(back, b)).twiceNll(theta),
                0);
        assertArrayEquals(a.auxdata(), b.auxdata(), 0);
        assertEquals(WorkspaceWriter.toJson(w), WorkspaceWriter.toJson(back));
    }

    @Test
    void missingFileNamesTheFile() {
        InputException e = assertThrows(InputException.class, () -> WorkspaceReader.read(Path.of("/no/such/ws.json")));
        assertTrue(e.getMessage().contains("/no/such/ws.json"), e.getMessage());
    }

    @Test
    void corruptJsonIsRefused(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("bad.json");
        Files.writeString(f, "{\"channels\": [");
        InputException e = assertThrows(InputException.class, () -> WorkspaceReader.read(f));
        assertTrue(e.getMessage().contains("not valid JSON"), e.getMessage());
    }

    @Test
    void badContentNamesChannelSampleAndModifier() {
        refused(GOOD.replace("\"data\": [10, 12, 8]", "\"data\": [10, 12]"), "channel 'SR', sample 'signal'", "bins");
        refused(
                GOOD.replace("[10, 15, 4]", "[10, -15, 4]"),
                "sample 'background', modifier 'uncorr' (shapesys)",
                "negative uncertainties");
        refused(
                GOOD.replace("\"type\": \"normfactor\"", "\"type\": \"normfaktor\""),
                "modifier 'mu' (normfaktor)",
                "unknown modifier type");
        refused(GOOD.replace("\"poi\": \"mu\"", "\"poi\": \"nu\""), "POI 'nu'", "not a parameter");
        refused(
                GOOD.replace("{\"name\": \"CR\", \"data\": [510, 290]}", "{\"name\": \"CR\", \"data\": [510]}"),
                "observation of channel 'CR'",
                "1 bins");
        refused(
                GOOD.replace("\"hi_data\": [110, 148, 70]", "\"hi_data\": [110, 148]"),
                "$.channels[0].samples[1].modifiers[1].data.hi_data (channel 'SR', sample 'background', modifier "
                        + "'shape_a' (histosys))",
                "2 bins");
        refused(GOOD.replace("\"version\"", "\"extra\": 1, \"version\""), "the workspace", "unknown field 'extra'");
        refused(GOOD.replace("[118, 160, 85]", "[118, -160, 85]"), "observation of channel 'SR'", "negative counts");
        refused(
                GOOD.replace(
                        "{\"name\": \"lumi\", \"auxdata\": [1.0], \"sigmas\": [0.02], \"bounds\": [[0.5, 1.5]], "
                                + "\"inits\": [1.0]},",
                        ""),
                "parameter 'lumi'",
                "needs auxdata and sigmas");
        refused(
                GOOD.replace("\"sigmas\": [0.02]", "\"sigmas\": [-0.02]"),
                "parameter 'lumi'",
                "sigmas must be positive");
        refused(
                GOOD.replace(
                        "{\"name\": \"bkg_norm\", \"type\": \"normfactor\", \"data\": null}",
                        "{\"name\": \"syst_cr\", \"type\": \"normfactor\", \"data\": null}"),
                "parameter 'syst_cr' is already a normsys",
                "");
    }

    @Test
    void exponentialCodesNeedPositiveNormsysFactors() {
        String zero = GOOD.replace("{\"hi\": 1.2, \"lo\": 0.9}", "{\"hi\": 1.2, \"lo\": 0.0}");
        Workspace w = WorkspaceReader.parse(zero, "zero.json");
        InputException e = assertThrows(InputException.class, () -> ModelBuilder.build(w, null, "zero.json"));
        assertTrue(
                e.getMessage().contains("modifier 'syst_cr' (normsys)")
                        && e.getMessage().contains("code4"),
                e.getMessage());
        ModelBuilder.build(w, null, "zero.json", "code0", "code4p"); // linear interpolation is fine with lo = 0
    }

    private static void refused(String json, String where, String what) {
        InputException e = assertThrows(
                InputException.class,
                () -> ModelBuilder.build(WorkspaceReader.parse(json, "ws.json"), null, "ws.json"),
                where);
        assertTrue(e.getMessage().startsWith("ws.json: "), e.getMessage());
        assertTrue(e.getMessage().contains(where) && e.getMessage().contains(what), e.getMessage());
    }
}
