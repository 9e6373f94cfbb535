package org.infera.fit.binned;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The published INFERNO Table 2 (σ of s per benchmark), to print beside our numbers. */
final class PaperTable {
    private final JsonNode root;

    private PaperTable(JsonNode root) {
        this.root = root;
    }

    static PaperTable load() {
        try (InputStream in = PaperTable.class.getResourceAsStream("paper-table2.json")) {
            return new PaperTable(new ObjectMapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String source() {
        return root.get("source").asText();
    }

    /** The paper's value for a row ("classifier", "inferno", "analytic") and benchmark, or NaN. */
    double value(String row, int benchmark) {
        JsonNode r = root.get("rows").get(row);
        return r != null && benchmark >= 0 && benchmark < r.size()
                ? r.get(benchmark).asDouble()
                : Double.NaN;
    }

    /** How many trainings the paper's row is the median of ("—" for the analytic row, which has none). */
    String trainings(String statistic) {
        return "analytic".equals(rowOf(statistic)) ? "—" : "100";
    }

    /** The paper row that a statistic's name corresponds to ("inferno_bm4" → "inferno"). */
    static String rowOf(String statistic) {
        int underscore = statistic.indexOf('_');
        return underscore < 0 ? statistic : statistic.substring(0, underscore);
    }
}
