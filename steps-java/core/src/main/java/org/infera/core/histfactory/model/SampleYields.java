package org.infera.core.histfactory.model;

import java.util.ArrayList;
import java.util.List;

/**
 * The expected yields of every sample in every bin at θ, with their exact Jacobian ∂ν_sb/∂θ: what pre- and
 * post-fit yield tables and their error bands (linear propagation of a covariance) need. The same factorisation
 * as {@link Model#expectedMain}: ν_sb = (nominal_b + Σ_histosys Δ_b(α)) × Π scalar factors × Π per-bin factors.
 */
public final class SampleYields {
    /** One sample of one channel: its yields per bin and, per bin, the derivative in every parameter. */
    public record Sample(String channel, String sample, int offset, double[] yields, double[][] jacobian) {}

    private SampleYields() {}

    public static List<Sample> at(Model model, double[] theta) {
        List<Sample> out = new ArrayList<>();
        double[] d = new double[3];
        for (SampleTerm[] channel : model.samplesByChannel) {
            for (SampleTerm s : channel) {
                int m = s.scalarPar.length;
                double[] f0 = new double[m], f1 = new double[m];
                for (int j = 0; j < m; j++) {
                    double t = theta[s.scalarPar[j]];
                    if (s.isNormsys(j)) {
                        model.normsys.derivatives(t, s.scalarLo[j], 1.0, s.scalarHi[j], d);
                        f0[j] = d[0];
                        f1[j] = d[1];
                    } else {
                        f0[j] = t;
                        f1[j] = 1;
                    }
                }
                double[] yields = new double[s.bins()];
                double[][] jac = new double[s.bins()][model.parameters];
                for (int b = 0; b < s.bins(); b++) {
                    double base = s.nominal[b];
                    double[] baseDerivative = new double[s.additivePar.length];
                    for (int k = 0; k < s.additivePar.length; k++) {
                        model.histosys.derivatives(
                                theta[s.additivePar[k]], s.additiveLo[k][b], s.nominal[b], s.additiveHi[k][b], d);
                        base += d[0] - s.nominal[b];
                        baseDerivative[k] = d[1];
                    }
                    double factor = 1;
                    for (double f : f0) factor *= f;
                    double perBin = 1;
                    for (int[] bp : s.binPar) if (bp[b] >= 0) perBin *= theta[bp[b]];
                    yields[b] = base * factor * perBin;
                    for (int k = 0; k < s.additivePar.length; k++)
                        jac[b][s.additivePar[k]] += baseDerivative[k] * factor * perBin;
                    for (int j = 0; j < m; j++) {
                        double others = 1;
                        for (int i = 0; i < m; i++) if (i != j) others *= f0[i];
                        jac[b][s.scalarPar[j]] += base * others * f1[j] * perBin;
                    }
                    for (int[] bp : s.binPar) {
                        if (bp[b] < 0) continue;
                        double others = 1;
                        for (int[] bq : s.binPar) if (bq != bp && bq[b] >= 0) others *= theta[bq[b]];
                        jac[b][bp[b]] += base * factor * others;
                    }
                }
                out.add(new Sample(s.channel, s.sample, s.offset, yields, jac));
            }
        }
        return out;
    }

    /** The first global bin of channel {@code channel} (channels in the model's order). */
    public static int channelOffset(Model model, int channel) {
        return model.channelOffset[channel];
    }

    /** The bins of channel {@code channel}. */
    public static int channelBins(Model model, int channel) {
        return model.channelBins[channel];
    }
}
