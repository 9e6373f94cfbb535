package org.infera.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.infera.core.cli.HelpConventions;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Every step's and sub-command's --help, rendered as a user sees it: no picocli warning (an unescaped
 * %, say), option labels that say what goes there rather than a Java field name, and the exit codes.
 */
class StepHelpTest {
    private static final List<Object> STEPS = List.of(new org.infera.simulate.SimulateCommand(), new org.infera.augment.AugmentCommand(),
            new org.infera.train.TrainCommand(), new org.infera.shift.ShiftCommand(), new org.infera.fit.FitCommand());
    /** A label made from a Java field name: <seedOption>, <analysisFile>. */
    private static final Pattern FIELD_NAME_LABEL = Pattern.compile("<[a-z]+[A-Z][A-Za-z]*>");

    @Test
    void everyHelpRendersWithoutWarningsWithLabelsAndExitCodes() {
        List<String> problems = new ArrayList<>();
        int commands = 0;
        for (Object step : STEPS) {
            List<CommandLine> all = new ArrayList<>();
            collect(HelpConventions.apply(new CommandLine(step)), all);
            for (CommandLine cli : all) {
                commands++;
                String name = cli.getCommandSpec().qualifiedName();
                PrintStream err = System.err;
                ByteArrayOutputStream captured = new ByteArrayOutputStream();
                String usage;
                try {
                    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
                    usage = cli.getUsageMessage(CommandLine.Help.Ansi.OFF);
                } finally {
                    System.setErr(err);
                }
                String warnings = captured.toString(StandardCharsets.UTF_8);
                if (!warnings.isBlank()) problems.add(name + ": picocli printed " + warnings.strip());
                Matcher m = FIELD_NAME_LABEL.matcher(usage);
                while (m.find()) problems.add(name + ": option label " + m.group() + " is a Java field name");
                if (!usage.contains("Exit codes:") || !usage.contains("Bad input or usage")) problems.add(name + ": --help lists no exit codes");
                for (String sub : cli.getSubcommands().keySet()) {
                    if (!sub.equals("help") && !usage.contains(sub)) problems.add(name + ": --help does not list sub-command " + sub);
                }
            }
        }
        assertTrue(commands >= 5 + 4 + 8, "every step and sub-command was rendered: " + commands);
        assertEquals(List.of(), problems, String.join("\n", problems));
    }

    private static void collect(CommandLine cli, List<CommandLine> out) {
        out.add(cli);
        for (CommandLine sub : cli.getSubcommands().values()) collect(sub, out);
    }
}
