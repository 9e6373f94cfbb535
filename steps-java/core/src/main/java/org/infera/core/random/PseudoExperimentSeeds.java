package org.infera.core.random;

import java.nio.charset.StandardCharsets;

/**
 * The seeds of pseudo-experiments: each from the run's seed, a stream, the cell it belongs to (statistic,
 * benchmark, truth) and its global index within the cell, so that any split of a cell's pseudo-experiments
 * into tasks or replicas draws the same ones, and no two cells share one (their coverages are independent,
 * as the global χ² over cells assumes). The streams are derived from tags no other stream of a run uses
 * (simulation shards, splits and training derive from small indices), so pseudo-experiments never reuse
 * training or template events.
 */
public final class PseudoExperimentSeeds {
    /** Fresh events of an event-level pseudo-experiment (drawn in the shift step). */
    public static final long EVENTS = 0x436F7645766E7473L;
    /** Auxiliary measurements of an event-level pseudo-experiment (drawn in the fit step). */
    public static final long AUXILIARY = 0x436F764175786CL;
    /** Pseudo-data from a fitted model's own templates (the machinery check). */
    public static final long TEMPLATES = 0x436F7654706C74L;

    private PseudoExperimentSeeds() {}

    public static long seed(long runSeed, long stream, String statistic, int benchmark, int truth, long index) {
        long s = Rng.derivedSeed(runSeed, stream);
        for (byte b : statistic.getBytes(StandardCharsets.UTF_8)) s = Rng.derivedSeed(s, b);
        s = Rng.derivedSeed(Rng.derivedSeed(s, benchmark), truth);
        return Rng.derivedSeed(s, index);
    }
}
