package org.infera.nn.statistics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class StatisticKindTest {
    static final Path REPO = Path.of(System.getProperty("infera.repo", "../.."));

    /** The pipeline's copy of the registry is the registry; -Dinfera.regenerate=true writes it. */
    @Test
    void pipelineFileIsTheRegistry() throws Exception {
        Path file = REPO.resolve("conf/statistics.json");
        if (Boolean.getBoolean("infera.regenerate")) Files.writeString(file, PipelineStatistics.json());
        assertEquals(
                PipelineStatistics.json(),
                Files.readString(file),
                "conf/statistics.json differs from StatisticKind: mvn -pl steps-java/nn test -Dinfera.regenerate=true");
    }

    @Test
    void pipelineNamesParseToKindAndBenchmark() {
        assertEquals(
                new StatisticKind.Named(StatisticKind.INFERNO, 4),
                StatisticKind.parse("inferno_bm4").orElseThrow());
        assertEquals(
                new StatisticKind.Named(StatisticKind.CLASSIFIER, null),
                StatisticKind.parse("classifier").orElseThrow());
        assertTrue(StatisticKind.parse("classifier_bm1").isEmpty(), "the classifier is not trained per benchmark");
        assertTrue(StatisticKind.parse("inferno").isEmpty(), "INFERNO needs its benchmark");
        assertTrue(StatisticKind.parse("classifer").isEmpty());
        assertEquals(
                new StatisticKind.Named(StatisticKind.PIVOT, null),
                StatisticKind.parse("pivot").orElseThrow());
        assertTrue(StatisticKind.PIVOT.readsAnalysis() && !StatisticKind.CLASSIFIER.readsAnalysis());
        assertEquals(
                "classifier|inferno_bm\\d+|neos_bm\\d+|pivot", StatisticKind.namePattern(StatisticKind.Family.BINNED));
    }
}
