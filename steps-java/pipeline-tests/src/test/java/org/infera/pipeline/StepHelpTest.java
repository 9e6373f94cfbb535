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
    private static final List<Object> STEPS = List.of(
            new org.infera.simulate.SimulateCommand(),
            new org.infera.augment.AugmentCommand(),
            new org.infera.train.TrainCommand(),
            new org.infera.shift.ShiftCommand(),
            new org.infera.fit.FitCommand());
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
                if (!usage.contains("Exit codes:") || !usage.contains("Bad input or usage"))
                    problems.add(name + ": --help lists no exit codes");
                for (String sub : cli.getSubcommands().keySet()) {
                    if (!sub.equals("help") && !usage.contains(sub))
                        problems.add(name + ": --help does not list sub-command " + sub);
                }
            }
        }
        assertTrue(commands >= 5 + 6 + 4 + 4 + 8, "every step and sub-command was rendered: " + commands);
        assertEquals(List.of(), problems, String.join("\n", problems));
    }

    /**
     * Where a pipeline parameter and a step option mean the same thing, the step's standalone default is
     * the schema's: a user running one step by hand gets what the pipeline would do.
     */
    @Test
    void stepDefaultsAreTheSchemasWhereTheyMeanTheSame() throws Exception {
        com.fasterxml.jackson.databind.JsonNode root = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(NextflowRun.REPO.resolve("nextflow_schema.json").toFile());
        java.util.Map<String, String> schema = new java.util.TreeMap<>();
        root.get("$defs").forEach(g -> g.get("properties")
                .fields()
                .forEachRemaining(
                        e -> schema.put(e.getKey(), e.getValue().get("default").asText())));
        // parameter -> step, sub-command (or ""), option
        String[][] same = {
            {"fractions", "augment", "split", "--fractions"},
            {"draws", "augment", "score", "--draws"},
            {"samples", "augment", "score", "--samples"},
            {"epochs", "train", "classifier", "--epochs"},
            {"batch_size", "train", "classifier", "--batch-size"},
            {"learning_rate", "train", "classifier", "--learning-rate"},
            {"patience", "train", "classifier", "--patience"},
            {"hidden", "train", "classifier", "--hidden"},
            {"device", "train", "classifier", "--device"},
            {"inferno_temperature", "train", "inferno", "--temperature"},
            {"bins", "train", "inferno", "--bins"},
            {"neos_objective", "train", "neos", "--objective"},
            {"neos_histogram", "train", "neos", "--histogram"},
            {"neos_bandwidth", "train", "neos", "--bandwidth"},
            {"neos_mu", "train", "neos", "--mu"},
            {"inferno_learning_rate_decay", "train", "inferno", "--learning-rate-decay"},
            {"pivot_lambda", "train", "pivot", "--lambda"},
            {"pivot_epochs", "train", "pivot", "--epochs"},
            {"pivot_pretrain_epochs", "train", "pivot", "--pretrain-epochs"},
            {"pivot_adversary_steps", "train", "pivot", "--adversary-steps"},
            {"pivot_adversary_activation", "train", "pivot", "--adversary-activation"},
            {"sally_hidden", "train", "sally", "--hidden"},
            {"sally_epochs", "train", "sally", "--epochs"},
            {"sally_batch_size", "train", "sally", "--batch-size"},
            {"bins", "shift", "templates", "--bins"},
            {"template_split", "shift", "templates", "--split"},
            {"device", "shift", "templates", "--device"},
            {"scan_points", "fit", "benchmarks", "--scan-points"},
            {"scan_range", "fit", "benchmarks", "--scan-range"},
            {"limits_bins", "fit", "limits", "--bins"},
            {"diagnostics_scan_points", "fit", "diagnostics", "--scan-points"},
            {"seed", "fit", "diagnostics", "--seed"},
            // --coverage
            {"bins", "shift", "pseudo-experiments", "--bins"},
            {"device", "shift", "pseudo-experiments", "--device"},
            {"coverage", "fit", "coverage", "--toys"}
        };
        List<String> problems = new ArrayList<>();
        for (String[] row : same) {
            Object step = STEPS.stream()
                    .filter(c -> c.getClass().getPackageName().endsWith("." + row[1]))
                    .findFirst()
                    .orElseThrow();
            CommandLine cli = new CommandLine(step);
            if (!row[2].isEmpty()) cli = cli.getSubcommands().get(row[2]);
            CommandLine.Model.OptionSpec option = cli.getCommandSpec().findOption(row[3]);
            if (option == null) {
                problems.add(row[1] + " " + row[2] + ": no option " + row[3]);
                continue;
            }
            String java = option.defaultValueString() == null ? "null" : option.defaultValueString();
            String expected = schema.get(row[0]);
            boolean equal = java.equals(expected);
            try {
                equal |= Double.parseDouble(java) == Double.parseDouble(expected);
            } catch (NumberFormatException e) {
                // not numbers: compared as text
            }
            if (!equal)
                problems.add("--" + row[0] + " " + expected + " in nextflow_schema.json, but infera-" + row[1] + " "
                        + row[2] + " " + row[3] + " defaults to " + java);
        }
        assertEquals(List.of(), problems, String.join("\n", problems));
    }

    private static void collect(CommandLine cli, List<CommandLine> out) {
        out.add(cli);
        for (CommandLine sub : cli.getSubcommands().values()) collect(sub, out);
    }
}
