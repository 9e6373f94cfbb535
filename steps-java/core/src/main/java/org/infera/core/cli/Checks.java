package org.infera.core.cli;

/** Validation of command-line values; each failure is an {@link InputException} naming the option. */
public final class Checks {
    private Checks() {}

    public static int positive(String option, int value) {
        if (value <= 0) throw new InputException.BadOption(option, option + " must be positive, got " + value);
        return value;
    }

    public static double positive(String option, double value) {
        if (!(value > 0) || !Double.isFinite(value)) {
            throw new InputException.BadOption(option, option + " must be a positive finite number, got " + value);
        }
        return value;
    }

    public static double fraction(String option, double value) {
        if (!(value > 0 && value < 1))
            throw new InputException.BadOption(option, option + " must lie strictly between 0 and 1, got " + value);
        return value;
    }

    /**
     * The largest magnitude of a parameter value given on the command line: beyond it, morphing and likelihoods
     * overflow.
     */
    public static final double MAX_PARAMETER = 1e6;

    /** A parameter point: every value finite and within ±{@link #MAX_PARAMETER}. */
    public static double[] point(String option, double[] values) {
        if (values == null) return null;
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i]) || Math.abs(values[i]) > MAX_PARAMETER) {
                throw new InputException.BadOption(
                        option,
                        option + ": value " + (i + 1) + " must be a finite number within ±" + MAX_PARAMETER + ", got "
                                + values[i]);
            }
        }
        return values;
    }

    /** A finite number within ±{@link #MAX_PARAMETER}. */
    public static double value(String option, double value) {
        return point(option, new double[] {value})[0];
    }

    /** A positive finite number no larger than {@code max}. */
    public static double positiveAtMost(String option, double value, double max) {
        positive(option, value);
        if (value > max)
            throw new InputException.BadOption(option, option + " must be at most " + max + ", got " + value);
        return value;
    }

    /** A count from 1 to {@code max} (more would exhaust memory or time). */
    public static int count(String option, int value, int max) {
        if (value < 1 || value > max)
            throw new InputException.BadOption(option, option + " must lie in 1.." + max + ", got " + value);
        return value;
    }

    public static int nonNegative(String option, int value) {
        return Math.toIntExact(nonNegative(option, (long) value));
    }

    public static long nonNegative(String option, long value) {
        if (value < 0) throw new InputException.BadOption(option, option + " must not be negative, got " + value);
        return value;
    }

    /** The most points of one LO:HI:N range: more is a typo, and would take hours. */
    public static final int MAX_RANGE_POINTS = 10_000;

    /** LO:HI:N as N equally spaced values; errors name {@code option}. */
    public static double[] range(String option, String range) {
        String[] parts = range.split(":");
        try {
            if (parts.length != 3) throw new NumberFormatException();
            double lo = Double.parseDouble(parts[0]), hi = Double.parseDouble(parts[1]);
            int n = Integer.parseInt(parts[2]);
            if (!(hi > lo)
                    || n < 2
                    || n > MAX_RANGE_POINTS
                    || !Double.isFinite(lo)
                    || !Double.isFinite(hi)
                    || Math.abs(lo) > MAX_PARAMETER
                    || Math.abs(hi) > MAX_PARAMETER) {
                throw new NumberFormatException();
            }
            double[] v = new double[n];
            for (int i = 0; i < n; i++) v[i] = lo + (hi - lo) * i / (n - 1);
            return v;
        } catch (NumberFormatException e) {
            throw new InputException.BadOption(
                    option,
                    option + " '" + range + "': expected LO:HI:N with finite LO < HI (within ±" + MAX_PARAMETER
                            + ") and 2 ≤ N ≤ " + MAX_RANGE_POINTS + ", e.g. 0:3:61");
        }
    }
}
