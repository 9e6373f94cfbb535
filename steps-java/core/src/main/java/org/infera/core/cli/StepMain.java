package org.infera.core.cli;

import picocli.CommandLine;

/**
 * Runs a step's Picocli command with the project's conventions: exit 2 with a one-line message for
 * bad input or usage, exit 1 with the stack trace for internal errors.
 */
public final class StepMain {
    private StepMain() {}

    public static int execute(Object command, String... args) {
        System.setProperty("java.awt.headless", "true");
        CommandLine cli = HelpConventions.apply(new CommandLine(command));
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            String step = commandLine.getCommandSpec().qualifiedName();
            if (ex instanceof InputException) {
                commandLine.getErr().println(step + ": error: " + ex.getMessage());
                return ExitCodes.BAD_INPUT;
            }
            commandLine.getErr().println(step + ": internal error: " + ex);
            ex.printStackTrace(commandLine.getErr());
            return ExitCodes.INTERNAL;
        });
        return cli.execute(args);
    }

    /** Entry point helper: runs the command and exits the JVM with its code. */
    public static void main(Object command, String... args) {
        System.exit(execute(command, args));
    }
}
