package org.infera.core.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.infera.core.io.AtomicOutput;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * Runs a step's Picocli command with the project's conventions: exit 2 with a one-line message for
 * bad input or usage, exit 1 with the stack trace for internal errors. Every command with an output
 * option gets {@code --overwrite}; its outputs are checked ({@link AtomicOutput#check}) before the
 * command runs, so a taken output path costs no work.
 */
public final class StepMain {
    /** The options that name an output path (a file or directory the step writes). */
    public static final Set<String> OUTPUT_OPTIONS = Set.of("--out", "--outdir", "--plot", "--neos-outdir");

    public static final String OVERWRITE = "--overwrite";

    private StepMain() {}

    public static int execute(Object command, String... args) {
        return execute(command, null, null, args);
    }

    /**
     * As {@link #execute(Object, String...)}, printing to {@code out} and {@code err} (null: standard output and
     * error).
     */
    public static int execute(Object command, java.io.PrintWriter out, java.io.PrintWriter err, String... args) {
        System.setProperty("java.awt.headless", "true");
        CommandLine cli = HelpConventions.apply(new CommandLine(command));
        if (out != null) cli.setOut(out);
        if (err != null) cli.setErr(err);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        addOverwrite(cli);
        cli.setExecutionStrategy(StepMain::run);
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
        try {
            return cli.execute(args);
        } catch (OutOfMemoryError e) { // an Error, which picocli lets through: the machine's limit, not a bug
            cli.getErr()
                    .println(cli.getCommandSpec().qualifiedName() + ": out of memory: the Java heap of "
                            + (Runtime.getRuntime().maxMemory() >> 20) + " MiB is too small for this work ("
                            + e.getMessage() + "); give the step more (INFERA_JAVA_OPTS=-Xmx…; in the pipeline, "
                            + "the process's memory within --max_memory) or less work at once");
            cli.getErr().flush();
            return ExitCodes.INTERNAL;
        }
    }

    /** Entry point helper: runs the command and exits the JVM with its code. */
    public static void main(Object command, String... args) {
        System.exit(execute(command, args));
    }

    private static void addOverwrite(CommandLine cli) {
        CommandSpec spec = cli.getCommandSpec();
        boolean writes = spec.options().stream()
                .anyMatch(o -> List.of(o.names()).stream().anyMatch(OUTPUT_OPTIONS::contains));
        if (writes && spec.findOption(OVERWRITE) == null) {
            spec.addOption(OptionSpec.builder(OVERWRITE)
                    .arity("0")
                    .type(boolean.class)
                    .description(
                            "Replace outputs that already exist, if infera wrote them (otherwise an existing output "
                                    + "path is refused).")
                    .build());
        }
        for (CommandLine sub : cli.getSubcommands().values()) addOverwrite(sub);
    }

    private static int run(ParseResult parsed) {
        ParseResult leaf = parsed;
        while (leaf.subcommand() != null) leaf = leaf.subcommand();
        ParseResult command = leaf;
        boolean overwrite = command.hasMatchedOption(OVERWRITE);
        try {
            return AtomicOutput.withOverwrite(overwrite, () -> {
                if (!helpRequested(parsed)) checkOutputs(command);
                return new CommandLine.RunLast().execute(parsed);
            });
        } catch (CommandLine.ExecutionException | CommandLine.ParameterException e) {
            throw e;
        } catch (InputException e) {
            throw new CommandLine.ExecutionException(command.commandSpec().commandLine(), e.getMessage(), e);
        } catch (Exception e) {
            throw new CommandLine.ExecutionException(command.commandSpec().commandLine(), String.valueOf(e), e);
        }
    }

    private static boolean helpRequested(ParseResult parsed) {
        for (ParseResult p = parsed; p != null; p = p.subcommand()) {
            if (p.isUsageHelpRequested() || p.isVersionHelpRequested()) return true;
        }
        return false;
    }

    private static void checkOutputs(ParseResult command) {
        for (OptionSpec option : command.matchedOptions()) {
            String name = option.longestName();
            if (option.isOption() && name == null) continue;
            if (!List.of(option.names()).stream().anyMatch(OUTPUT_OPTIONS::contains)) continue;
            Object value = option.getValue();
            if (value instanceof Path) AtomicOutput.check(name, (Path) value);
        }
    }
}
