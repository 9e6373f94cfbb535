package org.infera.core.cli;

import picocli.CommandLine.Option;

/**
 * The seed of every random choice a step makes (a mixin of every step that draws): the same seed and inputs give
 * byte-identical outputs, whatever the machine or the number of threads.
 */
public final class SeedOption {
    @Option(
            names = "--seed",
            required = true,
            paramLabel = "SEED",
            description = "Random seed of the run: the same seed and inputs give byte-identical outputs.")
    public long seed;
}
