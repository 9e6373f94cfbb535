package org.infera.fit.binned;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.infera.core.histfactory.TemplatesWorkspace;
import org.infera.core.histfactory.spec.ModifierSpec;
import org.infera.core.histfactory.spec.Workspace;
import org.infera.core.histfactory.spec.WorkspaceWriter;
import org.junit.jupiter.api.Test;

/** The export's last check: a file that pyhf would read as another model than the fitted one is never written. */
class WorkspaceExportsTest {
    private static Workspace workspace(boolean floating, double width) {
        List<ModifierSpec> bkg =
                List.of(new ModifierSpec.HistoSys("r", new double[] {530, 255, 145}, new double[] {480, 248, 152}));
        Workspace.Channel c = new Workspace.Channel(
                "c",
                List.of(
                        new Workspace.Sample(
                                "signal", new double[] {5, 15, 30}, List.of(new ModifierSpec.NormFactor("mu"))),
                        new Workspace.Sample("background", new double[] {500, 250, 150}, bkg)));
        Workspace.ParameterConfig r = floating
                ? new Workspace.ParameterConfig("r", null, null, null, null, new double[] {width})
                : new Workspace.ParameterConfig("r", null, null, true, null, null);
        return new Workspace(
                List.of(c),
                List.of(new Workspace.Observation("c", new double[] {505, 265, 180})),
                List.of(new Workspace.Measurement("m", "mu", List.of(r))),
                "1.0.0");
    }

    @Test
    void aFixedNuisanceIsTheSameModelUnderPyhfsCodes() {
        Workspace w = workspace(false, 0);
        WorkspaceExports.requireSameModel(w, TemplatesWorkspace.model(w, "w"), WorkspaceWriter.toJson(w), "w");
    }

    @Test
    void aFloatingNuisanceIsNot() {
        // width 1 (pyhf's), but code2 against pyhf's default code4p on asymmetric templates: the likelihoods differ
        // once alpha moves
        Workspace w = workspace(true, 1);
        Workspace written = new Workspace(
                w.channels(), w.observations(), List.of(new Workspace.Measurement("m", "mu", List.of())), "1.0.0");
        IllegalStateException e = assertThrows(
                IllegalStateException.class,
                () -> WorkspaceExports.requireSameModel(
                        w, TemplatesWorkspace.model(w, "w"), WorkspaceWriter.toJson(written), "w"));
        assertTrue(e.getMessage().contains("where the fitted model gives"), e.getMessage());
    }
}
