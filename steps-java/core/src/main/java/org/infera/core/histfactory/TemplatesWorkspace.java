package org.infera.core.histfactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.infera.core.analysis.Analysis;
import org.infera.core.cli.InputException;
import org.infera.core.data.TemplatesFile;
import org.infera.core.histfactory.model.Model;
import org.infera.core.histfactory.model.ModelBuilder;
import org.infera.core.histfactory.spec.ModifierSpec;
import org.infera.core.histfactory.spec.Workspace;

/**
 * The HistFactory workspace of one summary statistic's templates on one benchmark, in pyhf's layout
 * (exactly pyhf's format, and so re-runnable in pyhf, only where {@link #pyhfExport} says so):
 * <ul>
 *   <li>one sample per process with its expected yields; the signal sample carries the POI "mu" (a
 *       normfactor: s = μ · expected signal yield);</li>
 *   <li>each nuisance is a histosys on its process, with the unit-normalised up/down templates scaled to
 *       the process yield (shape only) and α = ±1 at the up/down values; a benchmark's Gaussian width w
 *       becomes the constraint width w / half-range in α units; a floating but unconstrained nuisance
 *       gets width {@link #UNCONSTRAINED_SIGMA} (pyhf has no unconstrained histosys; σ changes by about
 *       (σ_α from the data / 1e4)², 2e-8 relative on the test templates); a nuisance the benchmark does not float is
 * fixed at 0;</li>
 *   <li>a floating background yield is a normfactor, or with a width w a lumi-type factor (linear,
 *       Gaussian constraint of width w / yield around 1);</li>
 *   <li>the observations are the Asimov data at nominal values; bins with no expected events are left out
 *       (they carry no information, and a shifted template that fills one is a Monte Carlo fluctuation).</li>
 * </ul>
 * Fit it with histosys code2 ({@link #HISTOSYS_CODE}): the INFERNO paper's quadratic interpolation
 * with linear extrapolation continued from hi/lo. There are no normsys modifiers. Constraint widths on
 * histosys parameters are an extension of pyhf's format ({@link #model} builds it); {@link #pyhfExport}
 * says whether a benchmark's model can be written as a workspace pyhf loads as the same model.
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

    /** The bins the workspace keeps: those with expected events at nominal values, in order. */
    public static int[] keptBins(TemplatesFile t) {
        return IntStream.range(0, t.bins())
                .filter(i -> {
                    double total = 0;
                    for (double[] row : t.nominal()) total += row[i];
                    return total > 0;
                })
                .toArray();
    }

    public static Workspace of(TemplatesFile t, Analysis.Benchmark benchmark, String source) {
        int[] keep = keptBins(t);
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
                    config.add(new Workspace.ParameterConfig(
                            name, new double[] {1}, new double[][] {{0, 10}}, null, new double[] {1}, new double[] {
                                w / yield
                            }));
                }
            }
            for (TemplatesFile.NuisanceTemplate n : t.nuisances()) {
                if (n.process() != p) continue;
                modifiers.add(new ModifierSpec.HistoSys(
                        n.name(), scaled(pick(n.up(), keep), yield), scaled(pick(n.down(), keep), yield)));
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
        if (signals != 1)
            throw new InputException(source + ": the templates name " + signals + " signal processes; expected one");
        double[] observed = new double[keep.length];
        for (Workspace.Sample s : samples) for (int i = 0; i < keep.length; i++) observed[i] += s.data()[i];
        String channel = t.statistic() == null || t.statistic().isEmpty() ? "statistic" : t.statistic();
        return new Workspace(
                List.of(new Workspace.Channel(channel, samples)),
                List.of(new Workspace.Observation(channel, observed)),
                List.of(new Workspace.Measurement("benchmark_" + benchmark.id(), POI, config)),
                "1.0.0");
    }

    /** The model infera fits on a benchmark: code2 histosys, constraint widths in the measurement's sigmas. */
    public static Model model(Workspace w, String source) {
        return ModelBuilder.buildWithWidths(w, null, source, NORMSYS_CODE, HISTOSYS_CODE);
    }

    /** The benchmark's workspace as pyhf states it, or why pyhf cannot state that model. */
    public record PyhfExport(Workspace workspace, String whyNot) {}

    /**
     * The fitted workspace {@code w} of this benchmark as a file pyhf loads as the same model, or the reason
     * there is none. pyhf's histosys constraint is always a unit-width Gaussian (no unconstrained histosys,
     * no other width), and none of pyhf's histosys interpolations is infera's code2 beyond |α| = 1 (pyhf's
     * code2 jumps there, code4p is another polynomial), so a benchmark with a floating nuisance has no pyhf
     * file; re-expressing it (α' = α/k, templates at ±k) would be a different model than the one fitted.
     * Nuisances fixed at 0 are the nominal templates under every code. A constrained floating yield is
     * pyhf's lumi modifier, which must be named {@code lumi}: at most one per workspace.
     */
    public static PyhfExport pyhfExport(TemplatesFile t, Analysis.Benchmark benchmark, Workspace w) {
        List<String> floating = benchmark.floating() == null ? List.of() : benchmark.floating();
        Map<String, Double> widths = benchmark.constraints() == null ? Map.of() : benchmark.constraints();
        List<String> reasons = new ArrayList<>();
        for (TemplatesFile.NuisanceTemplate n : t.nuisances()) {
            if (!floating.contains(n.name())) continue;
            Double width = widths.get(n.name());
            if (width == null) {
                reasons.add("nuisance '" + n.name() + "' floats unconstrained; pyhf has no unconstrained histosys");
            } else {
                double sigma = width / Math.abs((n.upValue() - n.downValue()) / 2);
                reasons.add(
                        "nuisance '" + n.name() + "' has a Gaussian constraint of width " + fmt(sigma) + " in α units"
                                + (sigma == 1 ? "" : ", and pyhf's histosys constraint always has width 1")
                                + "; its code2 interpolation (continued from hi/lo beyond |α| = 1) is none of pyhf's "
                                + "histosys codes");
            }
        }
        List<String> lumis = new ArrayList<>();
        for (Workspace.Channel c : w.channels()) {
            for (Workspace.Sample s : c.samples()) {
                for (ModifierSpec m : s.modifiers())
                    if (m instanceof ModifierSpec.Lumi && !lumis.contains(m.name())) lumis.add(m.name());
            }
        }
        if (lumis.size() > 1)
            reasons.add("yields " + lumis + " are constrained; a pyhf workspace holds one lumi parameter");
        if (!reasons.isEmpty()) return new PyhfExport(null, String.join("; ", reasons));
        if (lumis.isEmpty() || lumis.get(0).equals("lumi")) return new PyhfExport(w, null);
        return new PyhfExport(renamed(w, lumis.get(0), "lumi"), null);
    }

    /**
     * The same workspace with parameter {@code from} called {@code to} (pyhf's schema names the lumi modifier "lumi").
     */
    private static Workspace renamed(Workspace w, String from, String to) {
        List<Workspace.Channel> channels = new ArrayList<>();
        for (Workspace.Channel c : w.channels()) {
            List<Workspace.Sample> samples = new ArrayList<>();
            for (Workspace.Sample s : c.samples()) {
                List<ModifierSpec> mods = new ArrayList<>();
                for (ModifierSpec m : s.modifiers())
                    mods.add(m instanceof ModifierSpec.Lumi && m.name().equals(from) ? new ModifierSpec.Lumi(to) : m);
                samples.add(new Workspace.Sample(s.name(), s.data(), mods));
            }
            channels.add(new Workspace.Channel(c.name(), samples));
        }
        List<Workspace.Measurement> measurements = new ArrayList<>();
        for (Workspace.Measurement m : w.measurements()) {
            List<Workspace.ParameterConfig> config = new ArrayList<>();
            for (Workspace.ParameterConfig p : m.parameters()) {
                config.add(
                        p.name().equals(from)
                                ? new Workspace.ParameterConfig(
                                        to, p.inits(), p.bounds(), p.fixed(), p.auxdata(), p.sigmas(), p.factors())
                                : p);
            }
            measurements.add(new Workspace.Measurement(m.name(), m.poi(), config));
        }
        return new Workspace(channels, w.observations(), measurements, w.version());
    }

    private static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : String.valueOf(v);
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
