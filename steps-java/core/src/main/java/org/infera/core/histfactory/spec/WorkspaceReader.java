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
 * Reads a workspace in pyhf's JSON format and checks it: every error names the file, the channel,
 * the sample and the modifier, and what was expected. Unknown fields are errors, so a typo never
 * passes silently.
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
        JsonNode root = StrictJson.parseTree(json, Path.of(source), "a workspace (JSON)", InputException.WorkspaceProblem::new);
        if (!root.isObject()) throw new InputException.WorkspaceProblem(Path.of(source), "$", "a workspace must be a JSON object");
        return new WorkspaceReader(source).workspace(root);
    }

    private Workspace workspace(JsonNode root) {
        allowOnly(root, "the workspace", "channels", "observations", "measurements", "version");
        List<Workspace.Channel> channels = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (JsonNode c : array(root, "channels", "the workspace", true)) {
            Workspace.Channel channel = channel(c);
            if (!names.add(channel.name())) fail("channel '" + channel.name() + "' is declared twice");
            channels.add(channel);
        }
        List<Workspace.Observation> observations = new ArrayList<>();
        Set<String> observed = new HashSet<>();
        for (JsonNode o : array(root, "observations", "the workspace", true)) {
            allowOnly(o, "an observation", "name", "data");
            String name = text(o, "name", "an observation");
            Workspace.Channel channel = channels.stream().filter(ch -> ch.name().equals(name)).findFirst()
                    .orElseThrow(() -> new InputException.WorkspaceProblem(Path.of(source), "observations", "observation '" + name + "' names no channel"));
            if (!observed.add(name)) fail("channel '" + name + "' is observed twice");
            double[] data = numbers(o.get("data"), "observation of channel '" + name + "', field data");
            checkBins(data, channel.bins(), "observation of channel '" + name + "'");
            checkNonNegative(data, "observation of channel '" + name + "'", "counts");
            observations.add(new Workspace.Observation(name, data));
        }
        for (Workspace.Channel c : channels) {
            if (!observed.contains(c.name())) fail("channel '" + c.name() + "' has no observation");
        }
        List<Workspace.Measurement> measurements = new ArrayList<>();
        for (JsonNode m : array(root, "measurements", "the workspace", true)) measurements.add(measurement(m));
        String version = root.has("version") ? root.get("version").asText() : "1.0.0";
        return new Workspace(channels, observations, measurements, version);
    }

    private Workspace.Channel channel(JsonNode c) {
        allowOnly(c, "a channel", "name", "samples");
        String name = text(c, "name", "a channel");
        List<Workspace.Sample> samples = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (JsonNode s : array(c, "samples", "channel '" + name + "'", true)) {
            Workspace.Sample sample = sample(s, name);
            if (!names.add(sample.name())) fail("channel '" + name + "': sample '" + sample.name() + "' is declared twice");
            if (!samples.isEmpty() && sample.data().length != samples.get(0).data().length) {
                fail("channel '" + name + "', sample '" + sample.name() + "': " + sample.data().length
                        + " bins, but sample '" + samples.get(0).name() + "' has " + samples.get(0).data().length);
            }
            samples.add(sample);
        }
        return new Workspace.Channel(name, samples);
    }

    private Workspace.Sample sample(JsonNode s, String channel) {
        allowOnly(s, "a sample of channel '" + channel + "'", "name", "data", "modifiers");
        String name = text(s, "name", "a sample of channel '" + channel + "'");
        String where = "channel '" + channel + "', sample '" + name + "'";
        double[] data = numbers(s.get("data"), where + ", field data");
        if (data.length == 0) fail(where + ": no bins");
        checkNonNegative(data, where, "yields");
        List<ModifierSpec> modifiers = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (JsonNode m : array(s, "modifiers", where, false)) {
            ModifierSpec modifier = modifier(m, where, data.length);
            if (!keys.add(modifier.type() + "/" + modifier.name())) {
                fail(where + ": modifier '" + modifier.name() + "' (" + modifier.type() + ") is declared twice");
            }
            modifiers.add(modifier);
        }
        return new Workspace.Sample(name, data, modifiers);
    }

    private ModifierSpec modifier(JsonNode m, String sample, int bins) {
        allowOnly(m, "a modifier of " + sample, "name", "type", "data");
        String name = text(m, "name", "a modifier of " + sample);
        String type = text(m, "type", "modifier '" + name + "' of " + sample);
        String where = sample + ", modifier '" + name + "' (" + type + ")";
        if (!MODIFIER_TYPES.contains(type)) fail(where + ": unknown modifier type; known types are " + MODIFIER_TYPES);
        JsonNode data = m.get("data");
        switch (type) {
            case "normfactor", "lumi", "shapefactor" -> {
                if (data != null && !data.isNull()) fail(where + ": data must be null");
                return type.equals("normfactor") ? new ModifierSpec.NormFactor(name)
                        : type.equals("lumi") ? new ModifierSpec.Lumi(name) : new ModifierSpec.ShapeFactor(name);
            }
            case "normsys" -> {
                if (data == null || !data.isObject()) fail(where + ": data must be {\"hi\": …, \"lo\": …}");
                allowOnly(data, where + ", data", "hi", "lo");
                double hi = number(data.get("hi"), where + ", field hi");
                double lo = number(data.get("lo"), where + ", field lo");
                if (hi < 0 || lo < 0) fail(where + ": hi and lo are factors and cannot be negative (hi " + hi + ", lo " + lo + ")");
                return new ModifierSpec.NormSys(name, hi, lo);
            }
            case "histosys" -> {
                if (data == null || !data.isObject()) fail(where + ": data must be {\"hi_data\": […], \"lo_data\": […]}");
                allowOnly(data, where + ", data", "hi_data", "lo_data");
                double[] hi = numbers(data.get("hi_data"), where + ", field hi_data");
                double[] lo = numbers(data.get("lo_data"), where + ", field lo_data");
                checkBins(hi, bins, where + ", hi_data");
                checkBins(lo, bins, where + ", lo_data");
                return new ModifierSpec.HistoSys(name, hi, lo);
            }
            default -> {  // shapesys, staterror: absolute uncertainties per bin
                double[] sigma = numbers(data, where + ", field data");
                checkBins(sigma, bins, where);
                checkNonNegative(sigma, where, "uncertainties");
                return type.equals("shapesys") ? new ModifierSpec.ShapeSys(name, sigma) : new ModifierSpec.StatError(name, sigma);
            }
        }
    }

    private Workspace.Measurement measurement(JsonNode m) {
        allowOnly(m, "a measurement", "name", "config");
        String name = text(m, "name", "a measurement");
        String where = "measurement '" + name + "'";
        JsonNode config = m.get("config");
        if (config == null || !config.isObject()) fail(where + ": missing config object");
        allowOnly(config, where + ", config", "poi", "parameters");
        if (config.get("poi") == null || !config.get("poi").isTextual()) fail(where + ": config has no poi (the parameter of interest)");
        String poi = config.get("poi").asText();
        List<Workspace.ParameterConfig> parameters = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (JsonNode p : array(config, "parameters", where + ", config", false)) {
            allowOnly(p, where + ", a parameter", "name", "inits", "bounds", "fixed", "auxdata", "sigmas", "factors");
            String pname = text(p, "name", where + ", a parameter");
            String pw = where + ", parameter '" + pname + "'";
            if (!seen.add(pname)) fail(pw + ": configured twice");
            double[] inits = p.has("inits") ? numbers(p.get("inits"), pw + ", field inits") : null;
            double[][] bounds = null;
            if (p.has("bounds")) {
                JsonNode b = p.get("bounds");
                if (!b.isArray()) fail(pw + ": bounds must be a list of [low, high] pairs");
                bounds = new double[b.size()][];
                for (int i = 0; i < b.size(); i++) {
                    bounds[i] = numbers(b.get(i), pw + ", bounds[" + i + "]");
                    if (bounds[i].length != 2 || !(bounds[i][0] < bounds[i][1])) {
                        fail(pw + ": bounds[" + i + "] must be [low, high] with low < high");
                    }
                }
            }
            Boolean fixed = null;
            if (p.has("fixed")) {
                if (!p.get("fixed").isBoolean()) fail(pw + ": fixed must be true or false");
                fixed = p.get("fixed").asBoolean();
            }
            double[] aux = p.has("auxdata") ? numbers(p.get("auxdata"), pw + ", field auxdata") : null;
            double[] sigmas = p.has("sigmas") ? numbers(p.get("sigmas"), pw + ", field sigmas") : null;
            if (sigmas != null) for (double s : sigmas) if (!(s > 0)) fail(pw + ": sigmas must be positive, got " + s);
            if (p.has("factors")) fail(pw + ": 'factors' is not supported; give the uncertainties in the shapesys data");
            parameters.add(new Workspace.ParameterConfig(pname, inits, bounds, fixed, aux, sigmas));
        }
        return new Workspace.Measurement(name, poi, parameters);
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
        if (Math.abs(v) > MAX_MAGNITUDE) fail(where + ": " + v + " is beyond ±" + MAX_MAGNITUDE + " (the likelihood would overflow)");
        return v;
    }

    private double[] numbers(JsonNode n, String where) {
        if (n == null || !n.isArray()) fail(where + ": expected a list of numbers, got " + (n == null ? "nothing" : n.getNodeType()));
        double[] out = new double[n.size()];
        Iterator<JsonNode> it = n.elements();
        for (int i = 0; it.hasNext(); i++) {
            JsonNode v = it.next();
            if (!v.isNumber()) fail(where + "[" + i + "]: expected a number, got " + v);
            out[i] = v.asDouble();
            if (!Double.isFinite(out[i])) fail(where + "[" + i + "]: not finite (" + out[i] + ")");
            if (Math.abs(out[i]) > MAX_MAGNITUDE) fail(where + "[" + i + "]: " + out[i] + " is beyond ±" + MAX_MAGNITUDE + " (the likelihood would overflow)");
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
            if (!allowed.contains(f)) fail(where + ": unknown field '" + f + "' (allowed: " + String.join(", ", fields) + ")");
        }
    }

    private void fail(String message) {
        throw new InputException.WorkspaceProblem(Path.of(source), null, message);
    }
}
