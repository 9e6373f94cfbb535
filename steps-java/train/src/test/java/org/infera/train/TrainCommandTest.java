package org.infera.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.infera.nn.statistics.StatisticKind;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class TrainCommandTest {
    /** Every statistic of the registry has its trainer, and every trainer its registry line. */
    @Test
    void subCommandsAreTheRegistrysKinds() {
        List<String> trainers = new ArrayList<>(
                new CommandLine(new TrainCommand()).getSubcommands().keySet());
        trainers.remove("engine");
        assertEquals(StatisticKind.ids(), trainers);
    }
}
