package org.infera.core.histfactory.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.infera.core.cli.InputException;
import org.infera.core.histfactory.interp.InterpCodes;
import org.infera.core.histfactory.interp.Interpolation;
import org.infera.core.histfactory.spec.ModifierSpec;
import org.infera.core.histfactory.spec.Workspace;

/**
 * Compiles a workspace and one of its measurements into a {@link Model}, with pyhf's conventions:
 * channels and samples in name order, parameters in name order (per-bin sets expanded in bin
 * order), pyhf's default inits and bounds per modifier type, staterror widths
 * σ_b = sqrt(Σ_s δ_sb²) / Σ_s ν⁰_sb over the channel's samples that carry it, shapesys τ_b = (ν⁰_b/δ_b)².
 * Per-bin parameters of bins with no uncertainty (or no yield) are fixed at 1 and unconstrained.
 *
 * <p>{@link #build} applies pyhf's model-builder rules (those of pyhf 0.7.6's modifiers'
 * {@code required_parset} and {@code reduce_paramsets_requirements}): a name shared by several
 * modifiers must ask for the same parameter set (normsys and histosys may share one; a shapesys name
 * belongs to one sample); a measurement setting is accepted only where the parameter set has it
 * ({@code sigmas} for lumi and staterror, {@code auxdata} for constrained sets, {@code factors} for
 * shapesys) and must have one value per parameter; a lumi parameter needs inits, bounds, auxdata and
 * sigmas; the POI is a single parameter; settings of parameters no modifier uses are ignored with a
 * warning, as pyhf ignores them. Errors name the JSON path of the offending element.
 * {@link #buildWithWidths} adds one extension pyhf does not have, for infera's own benchmark models
 * only: {@code sigmas} (a constraint width) on normsys and histosys parameters.
 */
public final class ModelBuilder {
    private final String source;
    private final boolean widths;
    private final Map<String, ParameterSet> sets = new TreeMap<>();
    private final Map<String, String> firstUse = new TreeMap<>();
    private Workspace workspace;

    private ModelBuilder(String source, boolean widths) {
        this.source = source;
        this.widths = widths;
    }

    /** With pyhf's default interpolation codes (code4 for normsys, code4p for histosys). */
    public static Model build(Workspace w, String measurement, String source) {
        return build(w, measurement, source, InterpCodes.NORMSYS_DEFAULT, InterpCodes.HISTOSYS_DEFAULT);
    }

    /** With pyhf's rules: the model pyhf builds from this workspace with these interpolation codes. */
    public static Model build(Workspace w, String measurement, String source, String normsysCode, String histosysCode) {
        return new ModelBuilder(source, false)
                .model(
                        w,
                        w.measurement(measurement),
                        InterpCodes.normsys(normsysCode),
                        InterpCodes.histosys(histosysCode));
    }

    /**
     * As {@link #build}, but normsys and histosys parameters may carry {@code sigmas}: a Gaussian
     * constraint of that width, which pyhf cannot express. For models infera builds itself (never for
     * a file: such a workspace is not pyhf's).
     */
    public static Model buildWithWidths(
            Workspace w, String measurement, String source, String normsysCode, String histosysCode) {
        return new ModelBuilder(source, true)
                .model(
                        w,
                        w.measurement(measurement),
                        InterpCodes.normsys(normsysCode),
                        InterpCodes.histosys(histosysCode));
    }

    /** The observed data of the workspace (main counts in the model's channel order, auxdata of the model). */
    public static Dataset observed(Workspace w, Model model) {
        double[] main = new double[model.bins()];
        for (int c = 0; c < model.channels.size(); c++) {
            double[] obs = w.observation(model.channels.get(c)).data();
            System.arraycopy(obs, 0, main, model.channelOffset[c], obs.length);
        }
        return new Dataset(main, model.auxdata());
    }

    private Model model(Workspace w, Workspace.Measurement m, Interpolation normsys, Interpolation histosys) {
        this.workspace = w;
        List<Workspace.Channel> channels = new ArrayList<>(w.channels());
        channels.sort(Comparator.comparing(Workspace.Channel::name));
        // 1. the parameter sets every modifier needs
        for (Workspace.Channel c : channels) {
            for (Workspace.Sample s : c.samples()) {
                for (ModifierSpec mod : s.modifiers()) declare(mod, c, s, normsys);
            }
        }
        setStatErrorWidths(channels);
        setShapeSysFactors(channels);
        configure(m);
        // 2. parameter order: by name, as pyhf lists config.parameters
        List<ParameterSet> ordered = new ArrayList<>(sets.values());
        int offset = 0;
        for (ParameterSet p : ordered) {
            p.offset = offset;
            offset += p.size;
        }
        ParameterSet poiSet = sets.get(m.poi());
        String poiPath = measurementPath(m) + ".config.poi (measurement '" + m.name() + "')";
        if (poiSet == null) {
            throw new InputException(source + ": " + poiPath + ": the POI '" + m.poi()
                    + "' is not a parameter of the model (parameters: " + sets.keySet() + ")");
        }
        if (poiSet.size != 1) {
            throw new InputException(
                    source + ": " + poiPath + ": the POI '" + m.poi() + "' is a " + poiSet.kind + " with " + poiSet.size
                            + " parameters; a POI must be a single parameter (pyhf refuses multi-bin POIs)");
        }
        // 3. compiled samples
        List<String> names = new ArrayList<>();
        int[] channelBins = new int[channels.size()];
        SampleTerm[][] terms = new SampleTerm[channels.size()][];
        int binOffset = 0;
        for (int ci = 0; ci < channels.size(); ci++) {
            Workspace.Channel c = channels.get(ci);
            names.add(c.name());
            channelBins[ci] = c.bins();
            List<Workspace.Sample> samples = new ArrayList<>(c.samples());
            samples.sort(Comparator.comparing(Workspace.Sample::name));
            terms[ci] = new SampleTerm[samples.size()];
            for (int si = 0; si < samples.size(); si++) terms[ci][si] = compile(c, samples.get(si), binOffset);
            binOffset += c.bins();
        }
        return new Model(ordered, names, channelBins, terms, normsys, histosys, poiSet.offset);
    }

    private void declare(ModifierSpec mod, Workspace.Channel c, Workspace.Sample s, Interpolation normsys) {
        String where = modifierPath(c, s, mod) + " (channel '" + c.name() + "', sample '" + s.name() + "', modifier '"
                + mod.name() + "' (" + mod.type() + "))";
        String family =
                switch (mod.type()) {
                    case "normsys", "histosys" -> "alpha";
                    default -> mod.type();
                };
        if (mod instanceof ModifierSpec.NormSys ns && normsys.needsPositive() && !(ns.hi() > 0 && ns.lo() > 0)) {
            throw new InputException(source + ": " + where + ": hi " + ns.hi() + " and lo " + ns.lo()
                    + " must be positive for " + normsys.name() + " (exponential) interpolation");
        }
        int size = Model.isPerBin(mod.type()) ? c.bins() : 1;
        ParameterSet existing = sets.get(mod.name());
        if (existing != null) {
            String existingFamily =
                    existing.kind.equals("normsys") || existing.kind.equals("histosys") ? "alpha" : existing.kind;
            if (!existingFamily.equals(family)) {
                throw new InputException(
                        source + ": " + where + ": parameter '" + mod.name() + "' is already a " + existing.kind + " ("
                                + firstUse.get(mod.name()) + "); one name cannot be both (pyhf: invalid name reuse)");
            }
            if (existing.size != size) {
                throw new InputException(source + ": " + where + ": parameter '" + mod.name() + "' needs " + size
                        + " values here but " + existing.size + " at " + firstUse.get(mod.name()));
            }
            if (mod.type().equals("shapesys")) {
                throw new InputException(source + ": " + where + ": shapesys parameters belong to one sample; '"
                        + mod.name() + "' is already used at " + firstUse.get(mod.name()));
            }
            if (mod.type().equals("staterror") && !firstUse.get(mod.name()).startsWith("channel '" + c.name() + "'")) {
                throw new InputException(source + ": " + where + ": staterror '" + mod.name()
                        + "' is already used in another channel (" + firstUse.get(mod.name()) + ")");
            }
            return;
        }
        firstUse.put(mod.name(), "channel '" + c.name() + "', sample '" + s.name() + "' at " + modifierPath(c, s, mod));
        ParameterSet p =
                switch (mod.type()) {
                    case "normfactor", "shapefactor" -> new ParameterSet(
                            mod.name(), mod.type(), size, 1, 0, 10, ParameterSet.Constraint.NONE, 0, 0);
                    case "normsys", "histosys" -> new ParameterSet(
                            mod.name(), mod.type(), 1, 0, -5, 5, ParameterSet.Constraint.GAUSSIAN, 0, 1);
                    case "lumi" -> new ParameterSet(
                            mod.name(), "lumi", 1, 1, 0, 10, ParameterSet.Constraint.GAUSSIAN, Double.NaN, Double.NaN);
                    case "staterror" -> new ParameterSet(
                            mod.name(), "staterror", size, 1, 1e-10, 10, ParameterSet.Constraint.GAUSSIAN, 1, 0);
                    case "shapesys" -> new ParameterSet(
                            mod.name(), "shapesys", size, 1, 1e-10, 10, ParameterSet.Constraint.POISSON, 0, 0);
                    default -> throw new IllegalStateException(mod.type());
                };
        sets.put(mod.name(), p);
    }

    private void setStatErrorWidths(List<Workspace.Channel> channels) {
        for (ParameterSet p : sets.values()) {
            if (!p.kind.equals("staterror")) continue;
            double[] variance = new double[p.size];
            double[] nominal = new double[p.size];
            for (Workspace.Channel c : channels) {
                for (Workspace.Sample s : c.samples()) {
                    for (ModifierSpec mod : s.modifiers()) {
                        if (!(mod instanceof ModifierSpec.StatError se)
                                || !mod.name().equals(p.name)) continue;
                        for (int b = 0; b < p.size; b++) {
                            nominal[b] += s.data()[b];
                            if (s.data()[b] > 0) variance[b] += se.data()[b] * se.data()[b];
                        }
                    }
                }
            }
            for (int b = 0; b < p.size; b++) {
                double sigma = nominal[b] > 0 ? Math.sqrt(variance[b]) / nominal[b] : 0;
                if (sigma > 0) p.scale[b] = sigma;
                else p.mask(b);
            }
        }
    }

    private void setShapeSysFactors(List<Workspace.Channel> channels) {
        for (Workspace.Channel c : channels) {
            for (Workspace.Sample s : c.samples()) {
                for (ModifierSpec mod : s.modifiers()) {
                    if (!(mod instanceof ModifierSpec.ShapeSys ss)) continue;
                    ParameterSet p = sets.get(mod.name());
                    for (int b = 0; b < p.size; b++) {
                        double nom = s.data()[b], delta = ss.data()[b];
                        if (nom > 0 && delta > 0) {
                            p.scale[b] = (nom / delta) * (nom / delta);
                            p.auxdata[b] = p.scale[b];
                        } else {
                            p.mask(b);
                        }
                    }
                }
            }
        }
    }

    /** The measurement's per-parameter settings over the defaults. */
    private void configure(Workspace.Measurement m) {
        int index = 0;
        for (Workspace.ParameterConfig c : m.parameters()) {
            String path = measurementPath(m) + ".config.parameters[" + index++ + "]";
            String what = " (measurement '" + m.name() + "', parameter '" + c.name() + "')";
            ParameterSet p = sets.get(c.name());
            if (p == null) {
                System.err.println("warning: " + source + ": " + path + what + ": no modifier declares '" + c.name()
                        + "'; its settings are ignored, as pyhf ignores them");
                continue;
            }
            if (c.inits() != null) copy(c.inits(), p.inits, path + ".inits" + what, "inits");
            if (c.bounds() != null) {
                if (c.bounds().length != p.size) {
                    throw new InputException(source + ": " + path + ".bounds" + what + ": " + c.bounds().length
                            + " bounds for " + p.size + " parameters");
                }
                for (int i = 0; i < p.size; i++) {
                    p.lower[i] = c.bounds()[i][0];
                    p.upper[i] = c.bounds()[i][1];
                }
            }
            if (c.fixed() != null) java.util.Arrays.fill(p.fixed, c.fixed());
            if (c.auxdata() != null) {
                if (p.constraint == ParameterSet.Constraint.NONE) {
                    throw new InputException(source + ": " + path + ".auxdata" + what + ": auxdata given, but a "
                            + p.kind + " is not constrained");
                }
                copy(c.auxdata(), p.auxdata, path + ".auxdata" + what, "auxdata");
            }
            if (c.sigmas() != null) {
                boolean accepted = p.kind.equals("lumi")
                        || p.kind.equals("staterror")
                        || (widths && (p.kind.equals("normsys") || p.kind.equals("histosys")));
                if (!accepted) {
                    throw new InputException(source + ": " + path + ".sigmas" + what + ": sigmas given, but a " + p.kind
                            + " parameter has none to set ("
                            + (p.constraint == ParameterSet.Constraint.GAUSSIAN
                                    ? "pyhf's " + p.kind + " constraint is a unit-width Gaussian"
                                    : "its constraint is not a Gaussian")
                            + "; pyhf accepts sigmas for lumi and staterror only)");
                }
                copy(c.sigmas(), p.scale, path + ".sigmas" + what, "sigmas");
            }
            if (c.factors() != null) {
                if (!p.kind.equals("shapesys")) {
                    throw new InputException(source + ": " + path + ".factors" + what + ": factors given, but a "
                            + p.kind + " parameter has none to set (pyhf accepts factors for shapesys only)");
                }
                copy(c.factors(), p.scale, path + ".factors" + what, "factors");
            }
            if (p.kind.equals("lumi")
                    && !widths
                    && (c.inits() == null || c.bounds() == null || c.auxdata() == null || c.sigmas() == null)) {
                throw new InputException(
                        source + ": " + path + what + ": a lumi parameter needs inits, bounds, auxdata and sigmas "
                                + "in the measurement's parameters (pyhf has no defaults for them)");
            }
        }
        for (ParameterSet p : sets.values()) {
            String where = source + ": " + measurementPath(m) + ".config.parameters (measurement '" + m.name()
                    + "', parameter '" + p.name + "')";
            if (p.kind.equals("lumi") && (Double.isNaN(p.auxdata[0]) || Double.isNaN(p.scale[0]))) {
                throw new InputException(
                        where + ": a lumi parameter needs auxdata and sigmas in the measurement's parameters");
            }
            for (int i = 0; i < p.size; i++) {
                if (p.inits[i] < p.lower[i] || p.inits[i] > p.upper[i]) {
                    throw new InputException(where + ": init " + p.inits[i] + " is outside its bounds [" + p.lower[i]
                            + ", " + p.upper[i] + "]");
                }
            }
        }
    }

    private String measurementPath(Workspace.Measurement m) {
        return "$.measurements[" + indexOf(workspace.measurements(), m) + "]";
    }

    private String modifierPath(Workspace.Channel c, Workspace.Sample s, ModifierSpec mod) {
        return "$.channels[" + indexOf(workspace.channels(), c) + "].samples[" + indexOf(c.samples(), s)
                + "].modifiers[" + indexOf(s.modifiers(), mod) + "]";
    }

    /** The position of this very element (records compare arrays by reference, so equal-looking ones stay apart). */
    private static <T> int indexOf(List<T> list, T element) {
        for (int i = 0; i < list.size(); i++) if (list.get(i) == element) return i;
        return list.indexOf(element);
    }

    private void copy(double[] from, double[] to, String where, String field) {
        if (from.length != to.length) {
            throw new InputException(source + ": " + where + ": " + field + " has " + from.length + " values for "
                    + to.length + " parameters");
        }
        System.arraycopy(from, 0, to, 0, to.length);
    }

    private SampleTerm compile(Workspace.Channel c, Workspace.Sample s, int offset) {
        List<ModifierSpec.HistoSys> additive = new ArrayList<>();
        List<Integer> scalarPar = new ArrayList<>();
        List<double[]> scalarHiLo = new ArrayList<>();
        List<int[]> binPar = new ArrayList<>();
        for (ModifierSpec mod : s.modifiers()) {
            ParameterSet p = sets.get(mod.name());
            if (mod instanceof ModifierSpec.HistoSys h) {
                additive.add(h);
            } else if (mod instanceof ModifierSpec.NormSys ns) {
                scalarPar.add(p.offset);
                scalarHiLo.add(new double[] {ns.hi(), ns.lo()});
            } else if (mod instanceof ModifierSpec.NormFactor || mod instanceof ModifierSpec.Lumi) {
                scalarPar.add(p.offset);
                scalarHiLo.add(new double[] {Double.NaN, Double.NaN});
            } else {
                int[] idx = new int[c.bins()];
                for (int b = 0; b < idx.length; b++) {
                    boolean active = !(p.fixed[b] && !p.constrained[b] && p.constraint != ParameterSet.Constraint.NONE);
                    idx[b] = active ? p.offset + b : -1;
                }
                binPar.add(idx);
            }
        }
        int na = additive.size();
        int[] addPar = new int[na];
        double[][] hi = new double[na][], lo = new double[na][];
        for (int k = 0; k < na; k++) {
            addPar[k] = sets.get(additive.get(k).name()).offset;
            hi[k] = additive.get(k).hiData();
            lo[k] = additive.get(k).loData();
        }
        double[] sHi = new double[scalarPar.size()], sLo = new double[scalarPar.size()];
        for (int j = 0; j < sHi.length; j++) {
            sHi[j] = scalarHiLo.get(j)[0];
            sLo[j] = scalarHiLo.get(j)[1];
        }
        return new SampleTerm(
                c.name(),
                s.name(),
                offset,
                s.data(),
                addPar,
                hi,
                lo,
                scalarPar.stream().mapToInt(Integer::intValue).toArray(),
                sHi,
                sLo,
                binPar.toArray(new int[0][]));
    }
}
