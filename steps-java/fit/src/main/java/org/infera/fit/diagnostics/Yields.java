package org.infera.fit.diagnostics;

import java.util.ArrayList;
import java.util.List;
import org.infera.core.histfactory.model.Model;
import org.infera.core.histfactory.model.SampleYields;

/**
 * Pre- and post-fit yields per channel, bin and sample, with uncertainties by linear propagation of a covariance
 * through the exact Jacobian of ν(θ): σ² = J C Jᵀ. Post-fit: θ̂ and the inverse Hessian. Pre-fit (as cabinetry):
 * the inits with the auxiliary measurements' centres, and C = diag(σ_prefit²) of the constrained parameters,
 * unconstrained ones (normfactors) contributing nothing.
 */
public final class Yields {
    /** One bin of one channel: each sample's yield and error, the total's, and the data. */
    public record Bin(
            String channel,
            int bin,
            List<String> samples,
            double[] yields,
            double[] errors,
            double total,
            double totalError,
            double data) {}

    private Yields() {}

    public static List<Bin> postfit(PostFit fit) {
        return of(fit.model(), fit.best().values(), fit.covariance(), fit.data().main());
    }

    public static List<Bin> prefit(PostFit fit) {
        Model m = fit.model();
        double[] theta = m.inits();
        int p = theta.length;
        double[][] c = new double[p][p];
        for (int i = 0; i < p; i++) {
            double sigma = fit.prefitSigma(i);
            if (Double.isNaN(sigma) || fit.fixed(i)) continue;
            theta[i] = fit.prefitCentre(i);
            c[i][i] = sigma * sigma;
        }
        return of(m, theta, c, fit.data().main());
    }

    static List<Bin> of(Model m, double[] theta, double[][] c, double[] data) {
        List<SampleYields.Sample> samples = SampleYields.at(m, theta);
        List<Bin> out = new ArrayList<>();
        int p = theta.length;
        for (int ch = 0; ch < m.channels().size(); ch++) {
            String channel = m.channels().get(ch);
            List<SampleYields.Sample> here =
                    samples.stream().filter(s -> s.channel().equals(channel)).toList();
            List<String> names = here.stream().map(SampleYields.Sample::sample).toList();
            for (int b = 0; b < SampleYields.channelBins(m, ch); b++) {
                double[] y = new double[here.size()], e = new double[here.size()];
                double[] jTotal = new double[p];
                double total = 0;
                for (int s = 0; s < here.size(); s++) {
                    double[] j = here.get(s).jacobian()[b];
                    y[s] = here.get(s).yields()[b];
                    e[s] = Math.sqrt(quadratic(j, c));
                    total += y[s];
                    for (int k = 0; k < p; k++) jTotal[k] += j[k];
                }
                int global = SampleYields.channelOffset(m, ch) + b;
                out.add(new Bin(channel, b, names, y, e, total, Math.sqrt(quadratic(jTotal, c)), data[global]));
            }
        }
        return out;
    }

    /** jᵀ C j. */
    static double quadratic(double[] j, double[][] c) {
        double s = 0;
        for (int a = 0; a < j.length; a++) {
            if (j[a] == 0) continue;
            double row = 0;
            for (int b = 0; b < j.length; b++) row += c[a][b] * j[b];
            s += j[a] * row;
        }
        return Math.max(0, s);
    }

    static String csv(String stage, List<Bin> bins) {
        StringBuilder s = new StringBuilder();
        for (Bin b : bins) {
            for (int k = 0; k < b.samples().size(); k++) {
                s.append(Tables.join(stage, b.channel(), b.bin(), b.samples().get(k), b.yields()[k], b.errors()[k]))
                        .append('\n');
            }
            s.append(Tables.join(stage, b.channel(), b.bin(), "total", b.total(), b.totalError()))
                    .append('\n');
            s.append(Tables.join(stage, b.channel(), b.bin(), "data", b.data(), Math.sqrt(b.data())))
                    .append('\n');
        }
        return s.toString();
    }

    static final String CSV_HEADER = "stage,channel,bin,sample,yield,error";
}
