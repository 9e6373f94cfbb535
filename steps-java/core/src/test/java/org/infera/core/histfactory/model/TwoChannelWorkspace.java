package org.infera.core.histfactory.model;

import java.util.List;
import org.infera.core.histfactory.spec.ModifierSpec;
import org.infera.core.histfactory.spec.Workspace;

/**
 * A workspace for tests with every kind of constraint: two channels with normfactor, normsys, histosys, shapesys
 * and staterror (core's and the fit step's tests use it, through core's test jar).
 */
public final class TwoChannelWorkspace {
    private TwoChannelWorkspace() {}

    public static Workspace of() {
        double[] sig = {3, 8, 4}, bkg = {40, 30, 20}, other = {5, 6, 7};
        Workspace.Channel a = new Workspace.Channel(
                "A",
                List.of(
                        new Workspace.Sample(
                                "signal",
                                sig,
                                List.of(
                                        new ModifierSpec.NormFactor("mu"),
                                        new ModifierSpec.NormSys("sig_xs", 1.1, 0.85))),
                        new Workspace.Sample(
                                "background",
                                bkg,
                                List.of(
                                        new ModifierSpec.HistoSys(
                                                "shape", new double[] {44, 31, 18}, new double[] {37, 29, 21}),
                                        new ModifierSpec.NormSys("bkg_norm", 1.05, 0.9),
                                        new ModifierSpec.ShapeSys("stat", new double[] {4, 3, 2}))),
                        new Workspace.Sample(
                                "other",
                                other,
                                List.of(new ModifierSpec.StatError("staterror_A", new double[] {1, 1.5, 0.5})))));
        Workspace.Channel b = new Workspace.Channel(
                "B",
                List.of(new Workspace.Sample(
                        "background", new double[] {12, 9}, List.of(new ModifierSpec.NormSys("bkg_norm", 1.2, 0.8)))));
        return new Workspace(
                List.of(a, b),
                List.of(
                        new Workspace.Observation("A", new double[] {50, 45, 30}),
                        new Workspace.Observation("B", new double[] {11, 10})),
                List.of(new Workspace.Measurement("m", "mu", List.of())),
                "1.0.0");
    }
}
