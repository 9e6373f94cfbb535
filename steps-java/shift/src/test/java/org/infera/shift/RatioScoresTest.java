package org.infera.shift;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.infera.core.cli.Progress;
import org.infera.core.cli.StepMain;
import org.infera.core.data.EstimatedScoresFile;
import org.infera.core.data.MadMinerEventFile;
import org.infera.core.physics.EftToy;
import org.infera.nn.ModelFixtures;
import org.infera.nn.NetworkSpec;
import org.infera.nn.TrainedNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * infera-shift scores of a likelihood-ratio estimator: each event's score at --at is the central finite difference
 * of the network's log r̂(x | θ, θ1) in each θ component, computed here from the network's outputs alone.
 */
class RatioScoresTest {
    @Test
    void scoreIsTheThetaGradientOfLogR(@TempDir Path dir) {
        System.setProperty("ai.djl.offline", "true");
        Path events = dir.resolve("eft.h5");
        try (Progress progress = new Progress("test", 200, "events")) {
            EftToy.events(200, 200, 1, progress).write(events);
        }
        MadMinerEventFile f = MadMinerEventFile.read(events);
        Path model = ModelFixtures.untrained(
                dir.resolve("ratio"),
                new NetworkSpec(
                                "ratio",
                                List.of(
                                        f.observables()[0],
                                        f.observables()[1],
                                        "theta0:" + f.parameters()[0],
                                        "theta0:" + f.parameters()[1]),
                                new double[] {0.1, 0.2, 0, 0},
                                new double[] {1.1, 0.9, 0.6, 0.6},
                                List.of(8),
                                "tanh",
                                1,
                                3,
                                1,
                                1,
                                0.5,
                                "test",
                                null,
                                null)
                        .withRatio(new NetworkSpec.Ratio("alices", 1, List.of(f.parameters()), new double[] {0, 0})));
        Path out = dir.resolve("scores");
        assertEquals(
                0,
                StepMain.execute(
                        new ShiftCommand(),
                        "scores",
                        "--model",
                        model.toString(),
                        "--at",
                        "0.3,-0.2",
                        "--events",
                        events.toString(),
                        "-o",
                        out.toString()));
        double[][] score = EstimatedScoresFile.forEvents(out, events, f).score();
        double h = 1e-2;
        try (TrainedNetwork net = TrainedNetwork.load(model)) {
            for (int e = 0; e < 20; e++) {
                double[] x = f.observations()[e];
                for (int a = 0; a < 2; a++) {
                    double[][] up = {{x[0], x[1], 0.3, -0.2}}, down = {{x[0], x[1], 0.3, -0.2}};
                    up[0][2 + a] += h;
                    down[0][2 + a] -= h;
                    double difference = ((double) net.outputs(up)[0][0] - net.outputs(down)[0][0]) / (2 * h);
                    assertEquals(difference, score[e][a], 2e-3, "event " + e + " parameter " + a);
                }
            }
        }
    }
}
