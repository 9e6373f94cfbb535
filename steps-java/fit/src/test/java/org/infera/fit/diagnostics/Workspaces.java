package org.infera.fit.diagnostics;

import java.nio.file.Path;
import java.util.List;
import org.infera.core.histfactory.interp.InterpCodes;
import org.infera.core.histfactory.model.Dataset;
import org.infera.core.histfactory.model.Model;
import org.infera.core.histfactory.model.ModelBuilder;
import org.infera.core.histfactory.spec.ModifierSpec;
import org.infera.core.histfactory.spec.Workspace;
import org.infera.core.histfactory.spec.WorkspaceReader;

/** Workspaces of the diagnostics tests: pyhf's README example and small counting experiments. */
final class Workspaces {
    static final Path README = Path.of(System.getProperty("infera.repo", "../.."))
            .resolve("steps-java/core/src/test/resources/histfactory/pyhf-readme.json");

    private Workspaces() {}

    static Model model(Workspace w) {
        return ModelBuilder.build(w, null, "test", InterpCodes.NORMSYS_DEFAULT, InterpCodes.HISTOSYS_DEFAULT);
    }

    static Dataset observed(Workspace w) {
        return ModelBuilder.observed(w, model(w));
    }

    static Workspace readme() {
        return WorkspaceReader.read(README);
    }

    /** Bins of signal × mu over a background with no modifier: a counting experiment without nuisances. */
    static Workspace counting(double[] signal, double[] background, double[] observed) {
        Workspace.Channel c = new Workspace.Channel(
                "SR",
                List.of(
                        new Workspace.Sample("signal", signal, List.of(new ModifierSpec.NormFactor("mu"))),
                        new Workspace.Sample("background", background, List.of())));
        return new Workspace(
                List.of(c),
                List.of(new Workspace.Observation("SR", observed)),
                List.of(new Workspace.Measurement("meas", "mu", List.of())),
                "1.0.0");
    }

    /** Two channels with normfactor, normsys, histosys, shapesys and staterror: every kind of constraint. */
    static Workspace rich() {
        return org.infera.core.histfactory.model.TwoChannelWorkspace.of();
    }
}
