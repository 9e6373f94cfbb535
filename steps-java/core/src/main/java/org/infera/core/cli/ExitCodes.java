package org.infera.core.cli;

/** Exit codes shared by every step executable. */
public final class ExitCodes {
    public static final int OK = 0;
    /** An internal error: a bug, or the machine failed us. */
    public static final int INTERNAL = 1;
    /** Bad input or usage: the user can fix it. */
    public static final int BAD_INPUT = 2;
    /** A fit did not converge: the output is written, flagged, and must not be trusted. */
    public static final int FIT_FAILED = 3;

    private ExitCodes() {}
}
