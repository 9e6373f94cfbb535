package org.infera.pipeline;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.Attribute;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import io.jhdf.api.WritableGroup;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiFunction;

/** Copies an HDF5 file dataset by dataset (as jhdf reads them), letting a test change, retype or drop one. */
final class H5Rewrite {
    /** Returned by an edit to leave the dataset out. */
    static final Object REMOVE = new Object();

    private H5Rewrite() {}

    /** Every dataset of the file by its slash path, in file order, with its data. */
    static Map<String, Object> datasets(Path file) {
        Map<String, Object> out = new LinkedHashMap<>();
        try (HdfFile f = new HdfFile(file)) {
            collect(f, "", out);
        }
        return out;
    }

    static Map<String, Object> rootAttributes(Path file) {
        Map<String, Object> out = new LinkedHashMap<>();
        try (HdfFile f = new HdfFile(file)) {
            for (Map.Entry<String, Attribute> a : f.getAttributes().entrySet())
                out.put(a.getKey(), a.getValue().getData());
        }
        return out;
    }

    private static void collect(Group g, String prefix, Map<String, Object> out) {
        for (Map.Entry<String, Node> e : g.getChildren().entrySet()) {
            String path = prefix + e.getKey();
            if (e.getValue() instanceof Dataset d) out.put(path, d.getData());
            else if (e.getValue() instanceof Group sub) collect(sub, path + "/", out);
        }
    }

    /**
     * Writes {@code target}: the source's datasets through {@code edit(path, data)} (REMOVE drops one) and
     * its root attributes through {@code attributes} (a null value drops one).
     */
    static void write(
            Path source, Path target, BiFunction<String, Object, Object> edit, Map<String, Object> attributeChanges) {
        Map<String, Object> data = datasets(source);
        Map<String, Object> attributes = rootAttributes(source);
        for (Map.Entry<String, Object> c : attributeChanges.entrySet()) {
            if (c.getValue() == null) attributes.remove(c.getKey());
            else attributes.put(c.getKey(), c.getValue());
        }
        Map<String, WritableGroup> groups = new LinkedHashMap<>();
        try (WritableHdfFile f = HdfFile.write(target)) {
            for (Map.Entry<String, Object> a : attributes.entrySet()) f.putAttribute(a.getKey(), a.getValue());
            for (Map.Entry<String, Object> d : data.entrySet()) {
                Object value = edit.apply(d.getKey(), d.getValue());
                if (value == REMOVE) continue;
                String path = d.getKey();
                int slash = path.lastIndexOf('/');
                if (slash < 0) {
                    f.putDataset(path, value);
                } else {
                    String group = path.substring(0, slash);
                    WritableGroup g = groups.computeIfAbsent(group, name -> {
                        WritableGroup parent = f.putGroup(name.split("/")[0]);
                        String[] parts = name.split("/");
                        for (int i = 1; i < parts.length; i++) parent = parent.putGroup(parts[i]);
                        return parent;
                    });
                    g.putDataset(path.substring(slash + 1), value);
                }
            }
        }
    }
}
