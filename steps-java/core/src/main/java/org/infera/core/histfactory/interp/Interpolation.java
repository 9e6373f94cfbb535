package org.infera.core.histfactory.interp;

/**
 * A HistFactory interpolation code: the value of a quantity at a nuisance parameter α, given its
 * values {@code lo}, {@code nom}, {@code hi} at α = −1, 0, +1. Normsys applies it to the factors
 * (lo, 1, hi); histosys to each bin's yields, adding value − nom to the nominal.
 *
 * <p>Each code also gives the first and second derivative in α, so that fits use exact gradients and
 * Hessians (Newton's method converges quadratically only with exact second derivatives).
 */
public interface Interpolation {
    /** The code's name as pyhf spells it: code0, code1, code2, code4, code4p. */
    String name();

    double value(double alpha, double lo, double nom, double hi);

    /** Writes value, d/dα and d²/dα² into {@code out[0..2]}. */
    void derivatives(double alpha, double lo, double nom, double hi, double[] out);

    /** Whether the code needs strictly positive lo, nom, hi (the exponential ones). */
    default boolean needsPositive() {
        return false;
    }
}
