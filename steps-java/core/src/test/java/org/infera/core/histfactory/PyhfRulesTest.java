package org.infera.core.histfactory;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.infera.core.cli.InputException;
import org.infera.core.histfactory.model.Model;
import org.infera.core.histfactory.model.ModelBuilder;
import org.infera.core.histfactory.model.ParameterSet;
import org.infera.core.histfactory.spec.Workspace;
import org.infera.core.histfactory.spec.WorkspaceReader;
import org.junit.jupiter.api.Test;

/**
 * pyhf's validation rules (schema 1.0.0 and the model builder of pyhf 0.7.6.dev398, commit b3dc4bb2):
 * every workspace here that is refused was refused by pyhf, and every one accepted was loaded and fitted
 * by pyhf, when tried by hand with that version. Refusals name the JSON path of the offending element.
 */
class PyhfRulesTest {
    private static final String GOOD = TestWorkspaces.ALL_MODIFIERS;
    private static final String CONFIG = "{\"name\": \"cr_shape\", \"fixed\": true}";

    @Test
    void settingsAParameterSetDoesNotHaveAreRefused() {
        // histosys and normsys: the constraint is a unit Gaussian, pyhf has no sigmas to set
        refused(
                config("{\"name\": \"shape_a\", \"sigmas\": [2.0]}"),
                "$.measurements[0].config.parameters[2].sigmas",
                "unit-width Gaussian");
        refused(
                config("{\"name\": \"syst_norm\", \"sigmas\": [2.0]}"),
                "$.measurements[0].config.parameters[2].sigmas",
                "unit-width Gaussian");
        refused(
                config("{\"name\": \"mu\", \"auxdata\": [1.0]}"),
                "$.measurements[0].config.parameters[2].auxdata",
                "not constrained");
        refused(
                config("{\"name\": \"mu\", \"sigmas\": [1.0]}"),
                "$.measurements[0].config.parameters[2].sigmas",
                "lumi and staterror only");
        refused(
                config("{\"name\": \"uncorr\", \"sigmas\": [1, 1, 1]}"),
                "$.measurements[0].config.parameters[2].sigmas",
                "not a Gaussian");
        refused(
                config("{\"name\": \"stat_SR\", \"factors\": [1, 1, 1]}"),
                "$.measurements[0].config.parameters[2].factors",
                "shapesys only");
    }

    @Test
    void settingsNeedOneValuePerParameter() {
        refused(
                config("{\"name\": \"shape_a\", \"inits\": [0.0, 0.0]}"),
                "$.measurements[0].config.parameters[2].inits",
                "2 values for 1");
        refused(
                config("{\"name\": \"stat_SR\", \"sigmas\": [0.5]}"),
                "$.measurements[0].config.parameters[2].sigmas",
                "1 values for 3");
        refused(
                config("{\"name\": \"uncorr\", \"bounds\": [[0, 5]]}"),
                "$.measurements[0].config.parameters[2].bounds",
                "1 bounds for 3");
        refused(
                GOOD.replace("\"sigmas\": [0.02]", "\"sigmas\": [0.02, 0.02]"),
                "$.measurements[0].config.parameters[0].sigmas",
                "2 values for 1");
    }

    @Test
    void aLumiParameterNeedsEverySettingAndItsName() {
        refused(
                GOOD.replace("\"bounds\": [[0.5, 1.5]], \"inits\": [1.0]", "\"bounds\": [[0.5, 1.5]]"),
                "$.measurements[0].config.parameters[0]",
                "needs inits, bounds, auxdata and sigmas");
        String lumi = "{\"name\": \"lumi\", \"type\": \"lumi\", \"data\": null}";
        int last = GOOD.lastIndexOf(lumi);
        refused(
                GOOD.substring(0, last)
                        + lumi.replace("\"lumi\", \"type\"", "\"lumi2\", \"type\"")
                        + GOOD.substring(last + lumi.length()),
                "$.channels[1].samples[0].modifiers[0].name",
                "lumi modifier 'lumi'");
    }

    @Test
    void oneNameForDifferentParameterSetsIsRefused() {
        refused(
                GOOD.replace(
                        "{\"name\": \"bkg_norm\", \"type\": \"normfactor\", \"data\": null}",
                        "{\"name\": \"syst_cr\", \"type\": \"normfactor\", \"data\": null}"),
                "$.channels[1].samples[0].modifiers[4]",
                "name reuse");
        refused(
                GOOD.replace(
                        "{\"name\": \"bkg_norm\", \"type\": \"normfactor\", \"data\": null}",
                        "{\"name\": \"uncorr\", \"type\": \"shapesys\", \"data\": [1, 1]}"),
                "$.channels[0].samples[1].modifiers[4]",
                "needs 3 values here but 2");
        refused(
                GOOD.replace(
                        "{\"name\": \"mu\", \"type\": \"normfactor\", \"data\": null},",
                        "{\"name\": \"mu\", \"type\": \"normfactor\", \"data\": null}, {\"name\": \"uncorr\", "
                                + "\"type\": \"shapesys\", \"data\": [1, 1, 1]},"),
                "$.channels[0].samples[1].modifiers[4]",
                "shapesys parameters belong to one sample");
        refused(
                GOOD.replace(
                        "{\"name\": \"mu\", \"type\": \"normfactor\", \"data\": null},",
                        "{\"name\": \"mu\", \"type\": \"normfactor\", \"data\": null}, {\"name\": \"mu\", \"type\": "
                                + "\"normfactor\", \"data\": null},"),
                "$.channels[0].samples[0].modifiers[1]",
                "declared twice");
        refused(
                config("{\"name\": \"shape_a\", \"fixed\": true}, {\"name\": \"shape_a\", \"inits\": [0.5]}"),
                "$.measurements[0].config.parameters[3].name",
                "configured twice");
    }

    @Test
    void thePoiIsOneParameterOfTheModel() {
        refused(
                GOOD.replace("\"poi\": \"mu\"", "\"poi\": \"cr_shape\""),
                "$.measurements[0].config.poi",
                "single parameter");
        refused(GOOD.replace("\"poi\": \"mu\"", "\"poi\": \"nu\""), "$.measurements[0].config.poi", "not a parameter");
    }

    @Test
    void unknownTypesAndTheSchemasRequiredFieldsAreRefused() {
        refused(
                GOOD.replace("\"type\": \"shapefactor\"", "\"type\": \"shapefaktor\""),
                "$.channels[1].samples[0].modifiers[3].type",
                "unknown modifier type");
        refused(GOOD.replaceAll(",\\s*\"version\": \"1.0.0\"", ""), "$.version", "requires");
        refused(GOOD.replace("\"version\": \"1.0.0\"", "\"version\": \"2.0.0\""), "$.version", "1.0.0");
        refused(
                GOOD.replace("\"parameters\": [", "\"parameterz\": ["),
                "$.measurements[0].config",
                "unknown field 'parameterz'");
        refused(
                config("{\"name\": \"shape_a\", \"inits\": []}"),
                "$.measurements[0].config.parameters[2].inits",
                "empty");
        refused(
                GOOD.replace(
                        "{\"name\": \"SR\", \"data\": [118, 160, 85]}", "{\"name\": \"SR\", \"data\": [118, 160]}"),
                "$.observations[0]",
                "2 bins");
    }

    @Test
    void whatPyhfAcceptsIsAccepted() {
        // settings of a parameter no modifier uses: ignored with a warning, as pyhf ignores them
        String unused = config("{\"name\": \"not_in_the_model\", \"sigmas\": [3.0], \"inits\": [1, 2]}");
        String err = stderrOf(() -> {
            Model m = build(unused);
            Model plain = build(GOOD);
            assertEquals(plain.parameterNames(), m.parameterNames());
            assertArrayEquals(plain.inits(), m.inits(), 0);
        });
        assertTrue(
                err.contains("warning: ws.json: $.measurements[0].config.parameters[2]")
                        && err.contains("not_in_the_model")
                        && err.contains("ignored"),
                err);
        // normsys and histosys ask for the same parameter set, so one name may serve both
        build(GOOD.replace(
                "{\"name\": \"bkg_norm\", \"type\": \"normfactor\", \"data\": null}",
                "{\"name\": \"shape_b\", \"type\": \"normsys\", \"data\": {\"hi\": 1.1, \"lo\": 0.9}}"));
        // staterror sigmas replace the computed widths; shapesys factors replace τ
        Model st = build(config("{\"name\": \"stat_SR\", \"sigmas\": [0.5, 0.25, 0.125]}"));
        assertArrayEquals(new double[] {0.5, 0.25, 0.125}, widths(st, "stat_SR"), 0);
        Model ss = build(config("{\"name\": \"uncorr\", \"factors\": [4, 9, 16]}"));
        assertArrayEquals(new double[] {4, 9, 16}, widths(ss, "uncorr"), 0);
        // pyhf keeps the auxdata it computed, (ν/δ)² = 100, 100, 400, when only the factors are set
        assertArrayEquals(build(GOOD).auxdata(), ss.auxdata(), 0);
    }

    @Test
    void constraintWidthsOnHistosysAreInferasExtensionOnly() {
        Workspace w = parse(config("{\"name\": \"shape_a\", \"sigmas\": [2.0]}"));
        Model m = ModelBuilder.buildWithWidths(w, null, "ws.json", "code4", "code2");
        assertEquals(2.0, widths(m, "shape_a")[0], 0);
        assertThrows(InputException.class, () -> ModelBuilder.build(w, null, "ws.json", "code4", "code2"));
    }

    private static double[] widths(Model m, String name) {
        for (ParameterSet p : m.parameterSets()) {
            if (!p.name().equals(name)) continue;
            double[] out = new double[p.size()];
            for (int i = 0; i < p.size(); i++) out[i] = p.scale(i);
            return out;
        }
        throw new AssertionError(name);
    }

    private static String config(String extra) {
        String replaced = GOOD.replace(CONFIG, CONFIG + ", " + extra);
        assertTrue(!replaced.equals(GOOD));
        return replaced;
    }

    private static Workspace parse(String json) {
        return WorkspaceReader.parse(json, "ws.json");
    }

    private static Model build(String json) {
        return ModelBuilder.build(parse(json), null, "ws.json");
    }

    private static void refused(String json, String path, String what) {
        assertTrue(!json.equals(GOOD), "the test's replacement did not apply");
        InputException e = assertThrows(InputException.class, () -> build(json), path);
        assertTrue(e.getMessage().startsWith("ws.json: " + path), e.getMessage());
        assertTrue(e.getMessage().contains(what), e.getMessage());
    }

    private static String stderrOf(Runnable r) {
        PrintStream old = System.err;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setErr(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            r.run();
        } finally {
            System.setErr(old);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
