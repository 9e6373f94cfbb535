package org.infera.fit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/**
 * Runs infera-fit in the test's JVM as the executable does (StepMain: exit 2 on bad input, --overwrite), keeping its
 * JSON output and its errors.
 */
public final class FitCli {
    private FitCli() {}

    /** The exit code, the JSON printed on stdout (null if none) and stderr. */
    public record Result(int code, JsonNode json, String err) {}

    public static Result run(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        PrintWriter o = new PrintWriter(out), w = new PrintWriter(err);
        int code = org.infera.core.cli.StepMain.execute(new FitCommand(), o, w, args);
        o.flush();
        w.flush();
        String text = out.toString();
        try {
            return new Result(code, text.isBlank() ? null : new ObjectMapper().readTree(text), err.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + text, e);
        }
    }
}
