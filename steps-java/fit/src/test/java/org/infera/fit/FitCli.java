package org.infera.fit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import picocli.CommandLine;

/** Runs infera-fit in the test's JVM as the executable would (exit 2 on bad input), keeping its JSON output and its errors. */
public final class FitCli {
    private FitCli() {}

    /** The exit code, the JSON printed on stdout (null if none) and stderr. */
    public record Result(int code, JsonNode json, String err) {}

    public static Result run(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        CommandLine cli = new CommandLine(new FitCommand());
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        cli.setExecutionExceptionHandler((ex, c, p) -> {
            c.getErr().println(ex.getMessage());
            return ex instanceof org.infera.core.cli.InputException ? 2 : 1;
        });
        int code = cli.execute(args);
        String text = out.toString();
        try {
            return new Result(code, text.isBlank() ? null : new ObjectMapper().readTree(text), err.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + text, e);
        }
    }
}
