package org.infera.core.histfactory.spec;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.infera.core.cli.InputException;
import org.infera.core.io.StrictJson;

/**
 * Reads a workspace in pyhf's JSON format (schema 1.0.0) and checks what pyhf's schema checks: every
 * error names the file, the JSON path of the offending element ({@code $.channels[0].samples[1]...}),
 * the channel, sample and modifier, and what was expected. Unknown fields are errors, as in pyhf's
 * schema. The rules that need the whole model (name reuse, which settings a parameter accepts, the
 * POI) are {@link org.infera.core.histfactory.model.ModelBuilder}'s. Stricter than pyhf on purpose:
 * negative yields, counts or uncertainties, non-finite numbers, and bounds that are not [low, high].
 */
public final class WorkspaceReader {
    private static final Set<String> MODIFIER_TYPES =
            Set.of("normfactor", "normsys", "histosys", "shapesys", "staterror", "lumi", "shapefactor");

    /** The largest magnitude of any number in a workspace: beyond it sums of squares overflow. */
    public static final double MAX_MAGNITUDE = 1e12;

    private final String source;

    private WorkspaceReader(String source) {
        this.source = source;
    }

    public static Workspace read(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new InputException.FileProblem(file, null, "no such workspace file");
        } catch (java.nio.charset.MalformedInputException e) {
            throw new InputException.WorkspaceProblem(file, "$", "not UTF-8 text");
        } catch (IOException e) {
            throw new InputException.FileProblem(file, null, "cannot read the workspace: " + e.getMessage(), e);
        }
        return parse(text, file.toString());
    }

    public static Workspace parse(String json, String source) {
        JsonNode root =
                StrictJson.parseTree(json, Path.of(source), "a workspace (JSON)", InputException.WorkspaceProblem::new);
        if (!root.isObject())
            throw new InputException.WorkspaceProblem(Path.of(source), "$", "a workspace must be a JSON object");
        return new WorkspaceReader(source).workspace(root);
    }

    private Workspace workspace(JsonNode root) {
        allowOnly(root, "$ (the workspace)", "channels", "observations", "measurements", "version");
        JsonNode version = root.get("version");
        if (version == null || !version.isTextual())
            fail("$.version (the workspace): missing; pyhf's schema requires \"version\": \"1.0.0\"");
        if (!version.asText().equals("1.0.0"))
            fail("$.version: '" + version.asText() + "' is not a schema version pyhf knows (1.0.0)");
        List<Workspace.Channel> channels = new ArrayList<>();
        Set<String> names = new HashSet<>();
        int ci = 0;
        for (JsonNode c : array(root, "channels", "$ (the workspace)", true)) {
            String path = "$.channels[" + ci++ + "]";
            Workspace.Channel channel = channel(c, path);
            if (!names.add(channel.name())) fail(path + ".name: channel '" + channel.name() + "' is declared twice");
            channels.add(channel);
        }
        List<Workspace.Observation> observations = new ArrayList<>();
        Set<String> observed = new HashSet<>();
        int oi = 0;
        for (JsonNode o : array(root, "observations", "$ (the workspace)", true)) {
            String path = "$.observations[" + oi++ + "]";
            allowOnly(o, path + " (an observation)", "name", "data");
            String name = text(o, "name", path + " (an observation)");
            String where = path + " (observation of channel '" + name + "')";
            Workspace.Channel channel = channels.stream()
                    .filter(ch -> ch.name().equals(name))
                    .findFirst()
                    .orElse(null);
            if (channel == null) {
                // pyhf takes the observations of the model's channels and ignores any other
                System.err.println("warning: " + source + ": " + path + ".name: observation '" + name
                        + "' names no channel; ignored, as pyhf ignores it");
                continue;
            }
            if (!observed.add(name)) fail(path + ".name: channel '" + name + "' is observed twice");
            double[] data = numbers(o.get("data"), path + ".data (observation of channel '" + name + "')");
            checkBins(data, channel.bins(), where);
            checkNonNegative(data, where, "counts");
            observations.add(new Workspace.Observation(name, data));
        }
        for (Workspace.Channel c : channels) {
            if (!observed.contains(c.name())) fail("$.observations: channel '" + c.name() + "' has no observation");
        }
        List<Workspace.Measurement> measurements = new ArrayList<>();
        int mi = 0;
        for (JsonNode m : array(root, "measurements", "$ (the workspace)", true))
            measurements.add(measurement(m, "$.measurements[" + mi++ + "]"));
        return new Workspace(channels, observations, measurements, version.asText());
    }

    private Workspace.Channel channel(JsonNode c, String path) {
        allowOnly(c, path + " (a channel)", "name", "samples");
        String name = text(c, "name", path + " (a channel)");
        List<Workspace.Sample> samples = new ArrayList<>();
        Set<String> names = new HashSet<>();
        int si = 0;
        for (JsonNode s : array(c, "samples", path + " (channel '" + name + "')", true)) {
            String spath = path + ".samples[" + si++ + "]";
            Workspace.Sample sample = sample(s, name, spath);
            if (!names.add(sample.name()))
                fail(spath + ".name (channel '" + name + "'): sample '" + sample.name() + "' is declared twice");
            if (!samples.isEmpty() && sample.data().length != samples.get(0).data().length) {
                fail(spath + ".data (channel '" + name + "', sample '" + sample.name() + "'): " + sample.data().length
                        + " bins, but sample '" + samples.get(0).name() + "' has "
                        + samples.get(0).data().length);
            }
            samples.add(sample);
        }
        return new Workspace.Channel(name, samples);
    }

    private Workspace.Sample sample(JsonNode s, String channel, String path) {
        allowOnly(s, path + " (a sample of channel '" + channel + "')", "name", "data", "modifiers");
        String name = text(s, "name", path + " (a sample of channel '" + channel + "')");
        String where = path + " (channel '" + channel + "', sample '" + name + "')";
        double[] data = numbers(s.get("data"), path + ".data (channel '" + channel + "', sample '" + name + "')");
        if (data.length == 0) fail(where + ": no bins");
        checkNonNegative(data, where, "yields");
        List<ModifierSpec> modifiers = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        JsonNode list = s.get("modifiers");
        if (list == null || list.isNull())
            fail(where + ": missing field modifiers (pyhf's schema requires it; [] for none)");
        int mi = 0;
        for (JsonNode m : array(s, "modifiers", where, false)) {
            String mpath = path + ".modifiers[" + mi++ + "]";
            ModifierSpec modifier = modifier(m, "channel '" + channel + "', sample '" + name + "'", mpath, data.length);
            if (!keys.add(modifier.type() + "/" + modifier.name())) {
                fail(mpath + " (channel '" + channel + "', sample '" + name + "'): modifier '" + modifier.name() + "' ("
                        + modifier.type() + ") is declared twice");
            }
            modifiers.add(modifier);
        }
        return new Workspace.Sample(name, data, modifiers);
    }

    private ModifierSpec modifier(JsonNode m, String sample, String path, int bins) {
        allowOnly(m, path + " (a modifier of " + sample + ")", "name", "type", "data");
        String name = text(m, "name", path + " (a modifier of " + sample + ")");
        String type = text(m, "type", path + " (modifier '" + name + "' of " + sample + ")");
        String what = " (" + sample + ", modifier '" + name + "' (" + type + "))";
        String where = path + what;
        if (!MODIFIER_TYPES.contains(type))
            fail(path + ".type" + what + ": unknown modifier type; known types are " + MODIFIER_TYPES);
        if (type.equals("lumi") && !name.equals("lumi")) {
            fail(path + ".name" + what
                    + ": pyhf's schema names the lumi modifier 'lumi' (one luminosity parameter per workspace)");
        }
        JsonNode data = m.get("data");
        if (data == null) fail(where + ": missing field data");
        switch (type) {
            case "normfactor", "lumi", "shapefactor" -> {
                if (!data.isNull()) fail(path + ".data" + what + ": data must be null");
                return type.equals("normfactor")
                        ? new ModifierSpec.NormFactor(name)
                        : type.equals("lumi") ? new ModifierSpec.Lumi(name) : new ModifierSpec.ShapeFactor(name);
            }
            case "normsys" -> {
                if (!data.isObject()) fail(path + ".data" + what + ": data must be {\"hi\": …, \"lo\": …}");
                allowOnly(data, path + ".data" + what, "hi", "lo");
                double hi = number(data.get("hi"), path + ".data.hi" + what);
                double lo = number(data.get("lo"), path + ".data.lo" + what);
                if (hi < 0 || lo < 0)
                    fail(path + ".data" + what + ": hi and lo are factors and cannot be negative (hi " + hi + ", lo "
                            + lo + ")");
                return new ModifierSpec.NormSys(name, hi, lo);
            }
            case "histosys" -> {
                if (!data.isObject())
                    fail(path + ".data" + what + ": data must be {\"hi_data\": […], \"lo_data\": […]}");
                allowOnly(data, path + ".data" + what, "hi_data", "lo_data");
                double[] hi = numbers(data.get("hi_data"), path + ".data.hi_data" + what);
                double[] lo = numbers(data.get("lo_data"), path + ".data.lo_data" + what);
                checkBins(hi, bins, path + ".data.hi_data" + what);
                checkBins(lo, bins, path + ".data.lo_data" + what);
                return new ModifierSpec.HistoSys(name, hi, lo);
            }
            default -> { // shapesys, staterror: absolute uncertainties per bin
                double[] sigma = numbers(data, path + ".data" + what);
                checkBins(sigma, bins, path + ".data" + what);
                checkNonNegative(sigma, path + ".data" + what, "uncertainties");
                return type.equals("shapesys")
                        ? new ModifierSpec.ShapeSys(name, sigma)
                        : new ModifierSpec.StatError(name, sigma);
            }
        }
    }

    private Workspace.Measurement measurement(JsonNode m, String path) {
        allowOnly(m, path + " (a measurement)", "name", "config");
        String name = text(m, "name", path + " (a measurement)");
        String where = path + " (measurement '" + name + "')";
        JsonNode config = m.get("config");
        if (config == null || !config.isObject()) fail(where + ": missing config object");
        allowOnly(config, path + ".config (measurement '" + name + "')", "poi", "parameters");
        if (config.get("poi") == null || !config.get("poi").isTextual())
            fail(path + ".config.poi (measurement '" + name + "'): missing (the parameter of interest)");
        if (config.get("parameters") == null)
            fail(path + ".config.parameters (measurement '" + name
                    + "'): missing (pyhf's schema requires it; [] for none)");
        String poi = config.get("poi").asText();
        List<Workspace.ParameterConfig> parameters = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int pi = 0;
        for (JsonNode p : array(config, "parameters", path + ".config (measurement '" + name + "')", false)) {
            String ppath = path + ".config.parameters[" + pi++ + "]";
            allowOnly(
                    p,
                    ppath + " (measurement '" + name + "', a parameter)",
                    "name",
                    "inits",
                    "bounds",
                    "fixed",
                    "auxdata",
                    "sigmas",
                    "factors");
            String pname = text(p, "name", ppath + " (measurement '" + name + "', a parameter)");
            String what = " (measurement '" + name + "', parameter '" + pname + "')";
            if (!seen.add(pname))
                fail(ppath + ".name" + what
                        + ": configured twice (pyhf refuses several configurations of one parameter)");
            double[] inits = p.has("inits")
                    ? nonEmpty(numbers(p.get("inits"), ppath + ".inits" + what), ppath + ".inits" + what)
                    : null;
            double[][] bounds = null;
            if (p.has("bounds")) {
                JsonNode b = p.get("bounds");
                if (!b.isArray() || b.isEmpty())
                    fail(ppath + ".bounds" + what + ": bounds must be a non-empty list of [low, high] pairs");
                bounds = new double[b.size()][];
                for (int i = 0; i < b.size(); i++) {
                    bounds[i] = numbers(b.get(i), ppath + ".bounds[" + i + "]" + what);
                    if (bounds[i].length != 2 || !(bounds[i][0] < bounds[i][1])) {
                        fail(ppath + ".bounds[" + i + "]" + what + ": must be [low, high] with low < high");
                    }
                }
            }
            Boolean fixed = null;
            if (p.has("fixed")) {
                if (!p.get("fixed").isBoolean()) fail(ppath + ".fixed" + what + ": fixed must be true or false");
                fixed = p.get("fixed").asBoolean();
            }
            double[] aux = p.has("auxdata")
                    ? nonEmpty(numbers(p.get("auxdata"), ppath + ".auxdata" + what), ppath + ".auxdata" + what)
                    : null;
            double[] sigmas = p.has("sigmas")
                    ? nonEmpty(numbers(p.get("sigmas"), ppath + ".sigmas" + what), ppath + ".sigmas" + what)
                    : null;
            if (sigmas != null)
                for (double s : sigmas)
                    if (!(s > 0)) fail(ppath + ".sigmas" + what + ": sigmas must be positive, got " + s);
            double[] factors = p.has("factors")
                    ? nonEmpty(numbers(p.get("factors"), ppath + ".factors" + what), ppath + ".factors" + what)
                    : null;
            if (factors != null)
                for (double f : factors)
                    if (!(f > 0)) fail(ppath + ".factors" + what + ": factors must be positive, got " + f);
            parameters.add(new Workspace.ParameterConfig(pname, inits, bounds, fixed, aux, sigmas, factors));
        }
        return new Workspace.Measurement(name, poi, parameters);
    }

    private double[] nonEmpty(double[] values, String where) {
        if (values.length == 0) fail(where + ": empty (pyhf's schema asks for at least one value)");
        return values;
    }

    private Iterable<JsonNode> array(JsonNode parent, String field, String where, boolean required) {
        JsonNode a = parent.get(field);
        if (a == null || a.isNull()) {
            if (required) fail(where + ": missing field " + field);
            return List.of();
        }
        if (!a.isArray()) fail(where + ": " + field + " must be a list");
        if (required && a.isEmpty()) fail(where + ": " + field + " is empty");
        return a;
    }

    private String text(JsonNode node, String field, String where) {
        JsonNode t = node.get(field);
        if (t == null || !t.isTextual() || t.asText().isEmpty()) fail(where + ": missing or empty field " + field);
        return t.asText();
    }

    private double number(JsonNode n, String where) {
        if (n == null || !n.isNumber()) fail(where + ": expected a number, got " + (n == null ? "nothing" : n));
        double v = n.asDouble();
        if (!Double.isFinite(v)) fail(where + ": not finite (" + v + ")");
        if (Math.abs(v) > MAX_MAGNITUDE)
            fail(where + ": " + v + " is beyond ±" + MAX_MAGNITUDE + " (the likelihood would overflow)");
        return v;
    }

    private double[] numbers(JsonNode n, String where) {
        if (n == null || !n.isArray())
            fail(where + ": expected a list of numbers, got " + (n == null ? "nothing" : n.getNodeType()));
        double[] out = new double[n.size()];
        Iterator<JsonNode> it = n.elements();
        for (int i = 0; it.hasNext(); i++) {
            JsonNode v = it.next();
            if (!v.isNumber()) fail(where + "[" + i + "]: expected a number, got " + v);
            out[i] = v.asDouble();
            if (!Double.isFinite(out[i])) fail(where + "[" + i + "]: not finite (" + out[i] + ")");
            if (Math.abs(out[i]) > MAX_MAGNITUDE)
                fail(where + "[" + i + "]: " + out[i] + " is beyond ±" + MAX_MAGNITUDE
                        + " (the likelihood would overflow)");
        }
        return out;
    }

    private void checkBins(double[] data, int bins, String where) {
        if (data.length != bins) fail(where + ": " + data.length + " bins, but the channel has " + bins);
    }

    private void checkNonNegative(double[] data, String where, String what) {
        for (int i = 0; i < data.length; i++) {
            if (data[i] < 0) fail(where + ": negative " + what + " in bin " + i + " (" + data[i] + ")");
        }
    }

    private void allowOnly(JsonNode node, String where, String... fields) {
        if (!node.isObject()) fail(where + ": expected a JSON object");
        Set<String> allowed = Set.of(fields);
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!allowed.contains(f))
                fail(where + ": unknown field '" + f + "' (allowed: " + String.join(", ", fields) + ")");
        }
    }

    private void fail(String message) {
        throw new InputException.WorkspaceProblem(Path.of(source), null, message);
    }
}
