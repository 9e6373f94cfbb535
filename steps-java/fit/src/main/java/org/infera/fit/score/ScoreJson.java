package org.infera.fit.score;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.infera.core.cli.InputException;
import org.infera.core.io.StrictJson;

/** Strict reading of the JSON that infera-fit fisher and limits print, for the score-based summary. */
final class ScoreJson {
    private ScoreJson() {}

    static JsonNode read(Path file) {
        JsonNode root = StrictJson.readTree(file, "JSON of infera-fit", InputException.Value::new);
        if (!root.isObject()) throw new InputException.Shape(file, "$", "expected a JSON object");
        return root;
    }

    /** The largest Fisher information entry: beyond it the inverse underflows. */
    static final double MAX_INFORMATION = 1e150;

    static void allowOnly(JsonNode node, Path file, String path, String... fields) {
        java.util.Set<String> allowed = java.util.Set.of(fields);
        for (java.util.Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!allowed.contains(f))
                throw new InputException.Shape(
                        file, path + "." + f, "unknown field (known: " + String.join(", ", fields) + ")");
        }
    }

    static String[] strings(JsonNode node, String field, Path file) {
        JsonNode a = node.path(field);
        if (!a.isArray() || a.isEmpty()) throw new InputException.Shape(file, "$." + field, "is missing or empty");
        String[] out = new String[a.size()];
        for (int i = 0; i < out.length; i++) {
            if (!a.get(i).isTextual() || a.get(i).asText().isBlank())
                throw new InputException.Shape(file, "$." + field + "[" + i + "]", "expected a name");
            out[i] = a.get(i).asText();
        }
        return out;
    }

    static double[] doubles(JsonNode node, String field, Path file) {
        JsonNode a = node.path(field);
        if (!a.isArray()) throw new InputException.Shape(file, "$." + field, "is missing (expected a list of numbers)");
        double[] out = new double[a.size()];
        for (int i = 0; i < out.length; i++) out[i] = number(a.get(i), file, "$." + field + "[" + i + "]");
        return out;
    }

    /** An "ensemble" object's number of members: a whole number from 2 to 10 000 ($.ensemble.members). */
    static int ensembleMembers(JsonNode ensemble, Path file) {
        JsonNode m = ensemble.path("members");
        if (!m.isIntegralNumber() || m.asLong() < 2 || m.asLong() > 10_000)
            throw new InputException.Value(
                    file, "$.ensemble.members", "expected a whole number from 2 to 10000, found " + m);
        return m.asInt();
    }

    static double number(JsonNode n, Path file, String path) {
        if (n == null || !n.isNumber())
            throw new InputException.Value(
                    file, path, "expected a number, found " + (n == null || n.isMissingNode() ? "nothing" : n));
        double v = n.asDouble();
        if (!Double.isFinite(v)) throw new InputException.Value(file, path, "not finite (" + v + ")");
        return v;
    }

    /**
     * The Fisher information of a fisher JSON: square over the parameters, finite, symmetric, non-negative diagonal.
     */
    static double[][] fisher(JsonNode node, Path file, int n) {
        JsonNode f = node.path("fisher");
        if (!f.isArray() || f.size() != n)
            throw new InputException.Shape(
                    file, "$.fisher", "expected a " + n + "×" + n + " matrix (one row per parameter)");
        double[][] m = new double[n][n];
        for (int a = 0; a < n; a++) {
            if (!f.get(a).isArray() || f.get(a).size() != n)
                throw new InputException.Shape(
                        file, "$.fisher[" + a + "]", "expected " + n + " numbers (a square matrix)");
            for (int b = 0; b < n; b++) m[a][b] = number(f.get(a).get(b), file, "$.fisher[" + a + "][" + b + "]");
        }
        for (int a = 0; a < n; a++) {
            for (int b = 0; b < n; b++) {
                if (Math.abs(m[a][b]) > MAX_INFORMATION)
                    throw new InputException.Value(
                            file, "$.fisher[" + a + "][" + b + "]", "beyond ±" + MAX_INFORMATION);
            }
            if (m[a][a] < 0)
                throw new InputException.Value(
                        file, "$.fisher[" + a + "][" + a + "]", "negative information " + m[a][a]);
            for (int b = 0; b < a; b++) {
                double scale = Math.max(Math.abs(m[a][b]), Math.abs(m[b][a]));
                if (Math.abs(m[a][b] - m[b][a]) > 1e-9 * scale) {
                    throw new InputException.Value(
                            file,
                            "$.fisher[" + a + "][" + b + "]",
                            "the matrix is not symmetric (" + m[a][b] + " vs " + m[b][a] + ")");
                }
                if (m[a][b] * m[a][b] > m[a][a] * m[b][b] * (1 + 1e-9)) {
                    throw new InputException.Value(
                            file, "$.fisher[" + a + "][" + b + "]", "not a Fisher information (|I_ab|² > I_aa I_bb)");
                }
            }
        }
        return m;
    }
}
