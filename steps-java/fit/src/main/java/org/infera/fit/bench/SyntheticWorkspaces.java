package org.infera.fit.bench;

import java.util.ArrayList;
import java.util.List;
import org.infera.core.histfactory.spec.ModifierSpec;
import org.infera.core.histfactory.spec.Workspace;

/**
 * Workspaces for the fit-engine benchmark: one channel of {@code bins} bins, a Gaussian signal bump
 * with a normfactor "mu", a falling background (100 events per bin on average) with {@code nuisances}
 * histosys modifiers of a few percent (each a different smooth shape), and observed counts that are
 * the background with a deterministic ±1σ wiggle.
 */
public final class SyntheticWorkspaces {
    private SyntheticWorkspaces() {}

    public static Workspace bumpOnFallingBackground(int bins, int nuisances) {
        double[] background = new double[bins];
        double norm = 0;
        for (int i = 0; i < bins; i++) norm += Math.exp(-2.0 * i / bins);
        for (int i = 0; i < bins; i++) background[i] = 100.0 * bins * Math.exp(-2.0 * i / bins) / norm;
        double width = bins / 10.0 + 0.5;
        double[] signal = new double[bins];
        for (int i = 0; i < bins; i++) {
            double z = (i + 0.5 - bins / 2.0) / width;
            signal[i] = 0.15 * background[bins / 2] * Math.exp(-0.5 * z * z) + 1e-3;
        }
        List<ModifierSpec> bkgModifiers = new ArrayList<>();
        for (int k = 0; k < nuisances; k++) {
            double[] hi = new double[bins], lo = new double[bins];
            double size = 0.02 + 0.01 * (k % 3);
            for (int i = 0; i < bins; i++) {
                double shape = Math.cos(Math.PI * (k + 1) * (i + 0.5) / bins);
                hi[i] = background[i] * (1 + size * shape + 0.005);
                lo[i] = background[i] * (1 - size * shape * 0.9 - 0.004);
            }
            bkgModifiers.add(new ModifierSpec.HistoSys("alpha_" + k, hi, lo));
        }
        double[] observed = new double[bins];
        for (int i = 0; i < bins; i++)
            observed[i] = Math.max(0, Math.round(background[i] + Math.sqrt(background[i]) * Math.sin(7.0 * i)));
        Workspace.Channel channel = new Workspace.Channel(
                "SR",
                List.of(
                        new Workspace.Sample("signal", signal, List.of(new ModifierSpec.NormFactor("mu"))),
                        new Workspace.Sample("background", background, bkgModifiers)));
        return new Workspace(
                List.of(channel),
                List.of(new Workspace.Observation("SR", observed)),
                List.of(new Workspace.Measurement("meas", "mu", List.of())),
                "1.0.0");
    }
}
