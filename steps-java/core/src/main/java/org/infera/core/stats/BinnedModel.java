package org.infera.core.stats;

import java.util.ArrayList;
import java.util.List;
import org.infera.core.data.TemplatesFile;

/**
 * Expected events per bin as a function of the parameters: ν_i(θ) = Σ_p y_p f_p,i(α), where y_p is
 * the yield of process p and f_p its unit-normalised template, shape-interpolated in each nuisance
 * acting on p ({@link QuadraticInterpolation}). Parameters in physical units: first one yield per
 * process, then one value per nuisance; α_k = (θ_k − nominal_k) / halfRange_k.
 *
 * <p>Bins with no expected events at nominal values are left out: the Asimov data are zero there,
 * so they carry no information, and a shifted template that fills one is a Monte Carlo fluctuation
 * that would otherwise give an infinite Fisher information.
 */
public final class BinnedModel {
    private final int bins;
    private final String[] names;
    private final double[] nominal;
    private final int signal;
    private final double[][] shape;        // [process][bin], unit sum
    private final int[] nuisanceProcess;   // [nuisance]
    private final double[] halfRange;      // [nuisance]
    private final double[][] shapeUp;      // [nuisance][bin], unit sum
    private final double[][] shapeDown;

    public BinnedModel(TemplatesFile templates) {
        TemplatesFile t = nonEmptyBins(templates);
        int processes = t.processes().length;
        int k = t.nuisances().size();
        bins = t.bins();
        names = new String[processes + k];
        nominal = new double[processes + k];
        shape = new double[processes][];
        int sig = -1;
        for (int p = 0; p < processes; p++) {
            names[p] = t.processes()[p];
            nominal[p] = sum(t.nominal()[p]);
            shape[p] = normalised(t.nominal()[p]);
            if (t.isSignal()[p] == 1) {
                if (sig >= 0) throw new IllegalArgumentException("templates name two signal processes");
                sig = p;
            }
        }
        if (sig < 0) throw new IllegalArgumentException("templates name no signal process");
        signal = sig;
        nuisanceProcess = new int[k];
        halfRange = new double[k];
        shapeUp = new double[k][];
        shapeDown = new double[k][];
        for (int j = 0; j < k; j++) {
            TemplatesFile.NuisanceTemplate n = t.nuisances().get(j);
            names[processes + j] = n.name();
            nominal[processes + j] = n.nominalValue();
            nuisanceProcess[j] = n.process();
            halfRange[j] = (n.upValue() - n.downValue()) / 2;
            shapeUp[j] = normalised(n.up());
            shapeDown[j] = normalised(n.down());
        }
    }

    public int bins() {
        return bins;
    }

    public int parameters() {
        return names.length;
    }

    public String name(int a) {
        return names[a];
    }

    public int index(String name) {
        for (int a = 0; a < names.length; a++) if (names[a].equals(name)) return a;
        return -1;
    }

    /** The parameter of interest: the signal yield. */
    public int poi() {
        return signal;
    }

    public double[] nominal() {
        return nominal.clone();
    }

    private int processes() {
        return shape.length;
    }

    private double alpha(int j, double[] theta) {
        return (theta[processes() + j] - nominal[processes() + j]) / halfRange[j];
    }

    /** Unit-normalised shape of process p at the nuisance values in θ. */
    private double shapeAt(int p, int bin, double[] theta) {
        double f = shape[p][bin];
        for (int j = 0; j < nuisanceProcess.length; j++) {
            if (nuisanceProcess[j] == p) f += QuadraticInterpolation.delta(shape[p][bin], shapeUp[j][bin], shapeDown[j][bin], alpha(j, theta));
        }
        return f;
    }

    public double[] expected(double[] theta) {
        double[] nu = new double[bins];
        for (int p = 0; p < processes(); p++) {
            for (int i = 0; i < bins; i++) nu[i] += theta[p] * shapeAt(p, i, theta);
        }
        return nu;
    }

    /** ∂ν_i/∂θ_a, as [parameter][bin]. */
    public double[][] jacobian(double[] theta) {
        double[][] d = new double[parameters()][bins];
        for (int p = 0; p < processes(); p++) {
            for (int i = 0; i < bins; i++) d[p][i] = shapeAt(p, i, theta);
        }
        for (int j = 0; j < nuisanceProcess.length; j++) {
            int p = nuisanceProcess[j];
            double a = alpha(j, theta);
            for (int i = 0; i < bins; i++) {
                d[processes() + j][i] = theta[p] * QuadraticInterpolation.derivative(shape[p][i], shapeUp[j][i], shapeDown[j][i], a) / halfRange[j];
            }
        }
        return d;
    }

    /** ∂²ν_i/∂θ_a∂θ_b for bin i, as a dense [parameter][parameter] matrix. */
    public double[][] hessianOfBin(double[] theta, int i) {
        int n = parameters();
        double[][] h = new double[n][n];
        for (int j = 0; j < nuisanceProcess.length; j++) {
            int p = nuisanceProcess[j];
            int a = processes() + j;
            double al = alpha(j, theta);
            double dShape = QuadraticInterpolation.derivative(shape[p][i], shapeUp[j][i], shapeDown[j][i], al) / halfRange[j];
            h[p][a] += dShape;
            h[a][p] += dShape;
            h[a][a] += theta[p] * QuadraticInterpolation.secondDerivative(shape[p][i], shapeUp[j][i], shapeDown[j][i], al)
                    / (halfRange[j] * halfRange[j]);
        }
        return h;
    }

    /** Names of all parameters, yields first. */
    public List<String> names() {
        return new ArrayList<>(List.of(names));
    }

    private static TemplatesFile nonEmptyBins(TemplatesFile t) {
        int[] keep = java.util.stream.IntStream.range(0, t.bins()).filter(i -> {
            double total = 0;
            for (double[] row : t.nominal()) total += row[i];
            return total > 0;
        }).toArray();
        if (keep.length == t.bins()) return t;
        java.util.function.UnaryOperator<double[]> pick = v -> java.util.Arrays.stream(keep).mapToDouble(i -> v[i]).toArray();
        double[][] nominal = java.util.Arrays.stream(t.nominal()).map(pick).toArray(double[][]::new);
        long[][] counts = java.util.Arrays.stream(t.mcCounts()).map(c -> java.util.Arrays.stream(keep).mapToLong(i -> c[i]).toArray())
                .toArray(long[][]::new);
        double[] edges = new double[keep.length + 1];  // positions lose their meaning here; only the count matters
        for (int i = 0; i <= keep.length; i++) edges[i] = i;
        List<TemplatesFile.NuisanceTemplate> nuisances = t.nuisances().stream()
                .map(n -> new TemplatesFile.NuisanceTemplate(n.name(), n.process(), n.nominalValue(), n.upValue(), n.downValue(),
                        pick.apply(n.up()), pick.apply(n.down())))
                .toList();
        return new TemplatesFile(t.statistic(), edges, t.processes(), t.isSignal(), nominal, counts, nuisances);
    }

    private static double sum(double[] v) {
        double s = 0;
        for (double x : v) s += x;
        return s;
    }

    private static double[] normalised(double[] v) {
        double s = sum(v);
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) out[i] = v[i] / s;
        return out;
    }
}
