package org.infera.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.TreeMap;
import org.infera.nn.statistics.StatisticKind;
import org.junit.jupiter.api.Test;

/** The pipeline's parameter schema agrees with the registry of statistics (org.infera.nn.statistics.StatisticKind). */
class StatisticsRegistryTest {
    private static Map<String, JsonNode> schemaParameters() throws Exception {
        JsonNode root = new ObjectMapper()
                .readTree(NextflowRun.REPO.resolve("nextflow_schema.json").toFile());
        Map<String, JsonNode> params = new TreeMap<>();
        root.get("$defs")
                .forEach(g -> g.get("properties").fields().forEachRemaining(e -> params.put(e.getKey(), e.getValue())));
        return params;
    }

    @Test
    void theStatisticsParameterAcceptsExactlyTheRegistrysBinnedNames() throws Exception {
        String one = StatisticKind.namePattern(StatisticKind.Family.BINNED);
        assertEquals(
                "^(" + one + ")(,(" + one + "))*$",
                schemaParameters().get("statistics").get("pattern").asText());
    }

    @Test
    void everyTrainingOptionComesFromASchemaParameter() throws Exception {
        Map<String, JsonNode> params = schemaParameters();
        for (StatisticKind kind : StatisticKind.values()) {
            kind.pipelineOptions()
                    .forEach((option, parameter) -> assertTrue(
                            params.containsKey(parameter),
                            kind.id() + " " + option + " takes --" + parameter
                                    + ", which nextflow_schema.json does not define"));
        }
    }
}
