package org.infera.train;

import org.infera.nn.statistics.StatisticKind;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The defaults of the options every trainer shares but whose sensible value depends on the statistic (epochs,
 * batch size, patience, soft bins), read from the registry of statistics by the trainer's sub-command name.
 */
public final class TrainingDefaults implements IDefaultValueProvider {
    @Override
    public String defaultValue(ArgSpec arg) {
        if (!(arg instanceof OptionSpec option) || arg.command() == null) return null;
        return StatisticKind.of(trainer(arg))
                .map(k -> k.trainerDefaults().get(option.longestName()))
                .orElse(null);
    }

    /** The trainer's name: that of the command the option belongs to, or of the command a mixin is mixed into. */
    private static String trainer(ArgSpec arg) {
        var spec = arg.command();
        while (spec.parent() != null && StatisticKind.of(spec.name()).isEmpty()) spec = spec.parent();
        return spec.name();
    }
}
