package org.infera.fit.diagnostics;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import org.infera.core.io.AtomicOutput;
import org.infera.fit.histfactory.Json;

/** CSV and JSON cells of the diagnostics: numbers as Java prints doubles (round-trip exact), NaN as empty/null. */
final class Tables {
    private Tables() {}

    static String join(Object... cells) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) s.append(',');
            Object c = cells[i];
            if (c instanceof Double d) s.append(Double.isFinite(d) ? d.toString() : "");
            else s.append(c);
        }
        return s.toString();
    }

    static void put(ObjectNode o, String key, double v) {
        if (Double.isFinite(v)) o.put(key, v);
        else o.putNull(key);
    }

    static void writeJson(Path file, ObjectNode node) throws java.io.IOException {
        java.nio.file.Files.writeString(file, Json.MAPPER.writeValueAsString(node) + "\n");
    }

    static void writeJsonAtomically(Path file, ObjectNode node) {
        AtomicOutput.write(file, tmp -> writeJson(tmp, node));
    }
}
