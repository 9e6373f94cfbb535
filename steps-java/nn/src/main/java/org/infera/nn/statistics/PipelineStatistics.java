package org.infera.nn.statistics;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The registry as the pipeline reads it (conf/statistics.json): per kind its family, whether it is trained per
 * benchmark, whether its trainings can be averaged (--ensemble), whether its trainer reads the analysis, and the
 * training options with the parameters behind them. Written from {@link StatisticKind} only; a test fails when the
 * file in the repository differs.
 */
public final class PipelineStatistics {
    private PipelineStatistics() {}

    public static String json() {
        Map<String, Object> kinds = new LinkedHashMap<>();
        for (StatisticKind k : StatisticKind.values()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("family", k.family().name().toLowerCase(Locale.ROOT));
            entry.put("per_benchmark", k.perBenchmark());
            entry.put("ensemble", k.averagedOverTrainings());
            entry.put("reads_analysis", k.readsAnalysis());
            entry.put("options", k.pipelineOptions());
            kinds.put(k.id(), entry);
        }
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(kinds) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes the file: {@code java -cp … org.infera.nn.statistics.PipelineStatistics > conf/statistics.json}. */
    public static void main(String[] args) {
        System.out.print(json());
    }
}
