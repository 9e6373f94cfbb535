package org.infera.core.stats;

/**
 * Which parameters float in a fit and the Gaussian constraint width of each (0 for none), indexed
 * like the parameters of a {@link BinnedModel}. Constraints are centred on the nominal values.
 */
public record Constraints(boolean[] floating, double[] width) {
    public boolean constrained(int a) {
        return width[a] > 0;
    }
}
