package org.infera.core.cli;

/** Validation of command-line values; each failure is an {@link InputException} naming the option. */
public final class Checks {
    private Checks() {}

    public static int positive(String option, int value) {
        if (value <= 0) throw new InputException(option + " must be positive, got " + value);
        return value;
    }

    public static double positive(String option, double value) {
        if (!(value > 0) || !Double.isFinite(value)) {
            throw new InputException(option + " must be a positive finite number, got " + value);
        }
        return value;
    }

    public static double fraction(String option, double value) {
        if (!(value > 0 && value < 1)) throw new InputException(option + " must lie strictly between 0 and 1, got " + value);
        return value;
    }

    public static int nonNegative(String option, int value) {
        return Math.toIntExact(nonNegative(option, (long) value));
    }

    public static long nonNegative(String option, long value) {
        if (value < 0) throw new InputException(option + " must not be negative, got " + value);
        return value;
    }
}
