package org.infera.fit.histfactory;

import java.io.PrintWriter;
import org.infera.core.cli.ExitCodes;

/** A fit that did not converge is said on stderr and in the exit code, never left as a silent number. */
public final class FitStatus {
    private FitStatus() {}

    public static int exitCode(boolean converged, String what, PrintWriter err) {
        return exitCode(converged, what, "a fit did not converge; the numbers printed are not trustworthy", err);
    }

    public static int exitCode(boolean ok, String what, String problem, PrintWriter err) {
        if (ok) return ExitCodes.OK;
        err.println("warning: " + what + ": " + problem);
        return ExitCodes.FIT_FAILED;
    }
}
