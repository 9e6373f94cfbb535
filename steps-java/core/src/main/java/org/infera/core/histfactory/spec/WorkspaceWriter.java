package org.infera.core.histfactory.spec;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes a workspace in pyhf's JSON format (what {@code pyhf.Workspace(json.load(f))} accepts). */
public final class WorkspaceWriter {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private WorkspaceWriter() {}

    public static void write(Workspace w, Path file) throws IOException {
        Files.writeString(file, toJson(w) + "\n");
    }

    public static String toJson(Workspace w) {
        try {
            return JSON.writeValueAsString(tree(w));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static ObjectNode tree(Workspace w) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode channels = root.putArray("channels");
        for (Workspace.Channel c : w.channels()) {
            ObjectNode channel = channels.addObject();
            channel.put("name", c.name());
            ArrayNode samples = channel.putArray("samples");
            for (Workspace.Sample s : c.samples()) {
                ObjectNode sample = samples.addObject();
                sample.put("name", s.name());
                numbers(sample.putArray("data"), s.data());
                ArrayNode modifiers = sample.putArray("modifiers");
                for (ModifierSpec m : s.modifiers()) modifier(modifiers.addObject(), m);
            }
        }
        ArrayNode observations = root.putArray("observations");
        for (Workspace.Observation o : w.observations()) {
            ObjectNode obs = observations.addObject();
            obs.put("name", o.name());
            numbers(obs.putArray("data"), o.data());
        }
        ArrayNode measurements = root.putArray("measurements");
        for (Workspace.Measurement m : w.measurements()) {
            ObjectNode measurement = measurements.addObject();
            measurement.put("name", m.name());
            ObjectNode config = measurement.putObject("config");
            config.put("poi", m.poi());
            ArrayNode parameters = config.putArray("parameters");
            for (Workspace.ParameterConfig p : m.parameters()) {
                ObjectNode par = parameters.addObject();
                par.put("name", p.name());
                if (p.inits() != null) numbers(par.putArray("inits"), p.inits());
                if (p.bounds() != null) {
                    ArrayNode bounds = par.putArray("bounds");
                    for (double[] b : p.bounds()) numbers(bounds.addArray(), b);
                }
                if (p.fixed() != null) par.put("fixed", p.fixed());
                if (p.auxdata() != null) numbers(par.putArray("auxdata"), p.auxdata());
                if (p.sigmas() != null) numbers(par.putArray("sigmas"), p.sigmas());
                if (p.factors() != null) numbers(par.putArray("factors"), p.factors());
            }
        }
        root.put("version", w.version());
        return root;
    }

    private static void modifier(ObjectNode node, ModifierSpec m) {
        node.put("name", m.name());
        node.put("type", m.type());
        if (m instanceof ModifierSpec.NormSys n) {
            ObjectNode data = node.putObject("data");
            data.put("hi", n.hi());
            data.put("lo", n.lo());
        } else if (m instanceof ModifierSpec.HistoSys h) {
            ObjectNode data = node.putObject("data");
            numbers(data.putArray("hi_data"), h.hiData());
            numbers(data.putArray("lo_data"), h.loData());
        } else if (m instanceof ModifierSpec.ShapeSys s) {
            numbers(node.putArray("data"), s.data());
        } else if (m instanceof ModifierSpec.StatError s) {
            numbers(node.putArray("data"), s.data());
        } else {
            node.putNull("data");
        }
    }

    private static void numbers(ArrayNode array, double[] values) {
        for (double v : values) array.add(v);
    }
}
