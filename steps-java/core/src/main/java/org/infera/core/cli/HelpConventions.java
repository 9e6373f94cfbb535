package org.infera.core.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine;

/** What every step's and sub-command's --help says beyond its options: the exit codes, the same everywhere. */
public final class HelpConventions {
    private HelpConventions() {}

    /** The exit codes of every step executable (ExitCodes), as --help lists them. */
    public static Map<String, String> exitCodes() {
        Map<String, String> codes = new LinkedHashMap<>();
        codes.put(String.valueOf(ExitCodes.OK), "Success.");
        codes.put(
                String.valueOf(ExitCodes.INTERNAL),
                "Internal error (a bug, or the machine failed): the stack trace follows.");
        codes.put(
                String.valueOf(ExitCodes.BAD_INPUT),
                "Bad input or usage: the message names the file or option, the field and what is wrong.");
        codes.put(
                String.valueOf(ExitCodes.FIT_FAILED),
                "A valid fit did not converge (infera-fit): the output is written, flagged, not to be trusted.");
        return codes;
    }

    /** Applies the conventions to a command and all its sub-commands. */
    public static CommandLine apply(CommandLine cli) {
        cli.getCommandSpec()
                .usageMessage()
                .exitCodeListHeading("%nExit codes:%n")
                .exitCodeList(exitCodes());
        for (CommandLine sub : cli.getSubcommands().values()) apply(sub);
        return cli;
    }
}
