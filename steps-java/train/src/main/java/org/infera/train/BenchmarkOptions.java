package org.infera.train;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The analysis and benchmark that a likelihood-aware objective (INFERNO, neos) is built from (a Picocli mixin). */
public final class BenchmarkOptions {
    @Option(
            paramLabel = "analysis.json",
            names = "--analysis",
            required = true,
            description = "Analysis definition (JSON): processes, nuisances, benchmarks.")
    public Path analysisFile;

    @Option(
            names = "--benchmark",
            required = true,
            paramLabel = "K",
            description = "Benchmark whose floating parameters and constraints the objective uses.")
    public int benchmark;
}
