package org.infera.core.histfactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.infera.core.analysis.Analysis;
import org.infera.core.cli.InputException;
import org.infera.core.data.TemplatesFile;
import org.infera.core.histfactory.spec.ModifierSpec;
import org.infera.core.histfactory.spec.Workspace;

/**
 * The HistFactory workspace of one summary statistic's templates on one benchmark, in pyhf's format,
 * so that any fit of the pipeline can be re-run in pyhf:
 * <ul>
 *   <li>one sample per process with its expected yields; the signal sample carries the POI "mu" (a
 *       normfactor: s = μ · expected signal yield);</li>
 *   <li>each nuisance is a histosys on its process, with the unit-normalised up/down templates scaled to
 *       the process yield (shape only) and α = ±1 at the up/down values; a benchmark's Gaussian width w
 *       becomes the constraint width w / half-range in α units; a floating but unconstrained nuisance
 *       gets width {@link #UNCONSTRAINED_SIGMA} (pyhf has no unconstrained histosys; σ changes by about
 *       (σ_α from the data / 1e4)², 2e-8 relative on the test templates); a nuisance the benchmark does not float is fixed at 0;</li>
 *   <li>a floating background yield is a normfactor, or with a width w a lumi-type factor (linear,
 *       Gaussian constraint of width w / yield around 1);</li>
 *   <li>the observations are the Asimov data at nominal values; bins with no expected events are left out
 *       (they carry no information, and a shifted template that fills one is a Monte Carlo fluctuation).</li>
 * </ul>
 * Fit it with histosys code2 ({@link #HISTOSYS_CODE}): the INFERNO paper's quadratic interpolation
 * with linear extrapolation (pyhf's code2 agrees inside |α| ≤ 1). There are no normsys modifiers.
 */
public final class TemplatesWorkspace {
    public static final String NORMSYS_CODE = "code4";
    public static final String HISTOSYS_CODE = "code2";
    public static final String POI = "mu";
    public static final double UNCONSTRAINED_SIGMA = 1e4;

    private TemplatesWorkspace() {}

    /** The expected yield of the signal process: the POI's unit (s = μ · this). */
    public static double signalYield(TemplatesFile t) {
        for (int p = 0; p < t.processes().length; p++) if (t.isSignal()[p] == 1) return sum(t.nominal()[p]);
        throw new InputException(t.statistic() + " templates: no signal process");
    }

    public static Workspace of(TemplatesFile t, Analysis.Benchmark benchmark, String source) {
        int[] keep = IntStream.range(0, t.bins()).filter(i -> {
            double total = 0;
            for (double[] row : t.nominal()) total += row[i];
            return total > 0;
        }).toArray();
        if (keep.length == 0) throw new InputException(source + ": every bin of the templates is empty");
        List<String> floating = benchmark.floating() == null ? List.of() : benchmark.floating();
        Map<String, Double> widths = benchmark.constraints() == null ? Map.of() : benchmark.constraints();
        List<Workspace.ParameterConfig> config = new ArrayList<>();
        List<Workspace.Sample> samples = new ArrayList<>();
        int signals = 0;
        for (int p = 0; p < t.processes().length; p++) {
            String process = t.processes()[p];
            double[] data = pick(t.nominal()[p], keep);
            double yield = sum(data);
            List<ModifierSpec> modifiers = new ArrayList<>();
            if (t.isSignal()[p] == 1) {
                signals++;
                modifiers.add(new ModifierSpec.NormFactor(POI));
            } else if (floating.contains(process)) {
                String name = "norm_" + process;
                Double w = widths.get(process);
                if (w == null) {
                    modifiers.add(new ModifierSpec.NormFactor(name));
                } else {
                    // a lumi-type factor: linear, Gaussian-constrained, and read by pyhf whatever its normsys code
                    modifiers.add(new ModifierSpec.Lumi(name));
                    config.add(new Workspace.ParameterConfig(name, new double[] {1}, new double[][] {{0, 10}}, null,
                            new double[] {1}, new double[] {w / yield}));
                }
            }
            for (TemplatesFile.NuisanceTemplate n : t.nuisances()) {
                if (n.process() != p) continue;
                modifiers.add(new ModifierSpec.HistoSys(n.name(), scaled(pick(n.up(), keep), yield), scaled(pick(n.down(), keep), yield)));
                double halfRange = (n.upValue() - n.downValue()) / 2;
                if (!floating.contains(n.name())) {
                    config.add(new Workspace.ParameterConfig(n.name(), null, null, true, null, null));
                } else {
                    Double w = widths.get(n.name());
                    double sigma = w == null ? UNCONSTRAINED_SIGMA : w / Math.abs(halfRange);
                    config.add(new Workspace.ParameterConfig(n.name(), null, null, null, null, new double[] {sigma}));
                }
            }
            samples.add(new Workspace.Sample(process, data, modifiers));
        }
        if (signals != 1) throw new InputException(source + ": the templates name " + signals + " signal processes; expected one");
        double[] observed = new double[keep.length];
        for (Workspace.Sample s : samples) for (int i = 0; i < keep.length; i++) observed[i] += s.data()[i];
        String channel = t.statistic() == null || t.statistic().isEmpty() ? "statistic" : t.statistic();
        return new Workspace(List.of(new Workspace.Channel(channel, samples)), List.of(new Workspace.Observation(channel, observed)),
                List.of(new Workspace.Measurement("benchmark_" + benchmark.id(), POI, config)), "1.0.0");
    }

    private static double[] pick(double[] v, int[] keep) {
        double[] out = new double[keep.length];
        for (int i = 0; i < keep.length; i++) out[i] = v[keep[i]];
        return out;
    }

    private static double[] scaled(double[] shape, double yield) {
        double s = sum(shape);
        double[] out = new double[shape.length];
        for (int i = 0; i < shape.length; i++) out[i] = shape[i] * yield / s;
        return out;
    }

    private static double sum(double[] v) {
        double s = 0;
        for (double x : v) s += x;
        return s;
    }
}
