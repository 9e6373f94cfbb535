package org.infera.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.djl.engine.Engine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.infera.core.cli.StepMain;
import org.infera.core.data.SamplesFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On a machine where DJL sees a GPU (a CUDA build: mvn -Pcuda), a few epochs of the classifier and
 * of INFERNO on the GPU give the CPU's validation losses to float32 tolerance, and the time of each
 * is printed. Skipped where there is no GPU.
 */
class GpuSmokeTest {
    @TempDir
    Path dir;

    @Test
    void trainingOnTheGpuMatchesTheCpu() throws Exception {
        System.setProperty("ai.djl.offline", "true");
        assumeTrue(Engine.getInstance().getGpuCount() > 0, "no GPU visible to DJL");
        Path samples = SamplesFixtures.write(dir.resolve("samples.h5"), 4000, 21);
        for (String kind : List.of("classifier", "inferno")) {
            double[] loss = new double[2];
            for (int d = 0; d < 2; d++) {
                String device = d == 0 ? "cpu" : "gpu";
                Path out = dir.resolve(kind + "_" + device);
                List<String> args = new java.util.ArrayList<>(List.of(
                        kind,
                        "--samples",
                        samples.toString(),
                        "--seed",
                        "4",
                        "--epochs",
                        "3",
                        "--patience",
                        "3",
                        "--device",
                        device,
                        "-o",
                        out.toString()));
                if (kind.equals("inferno")) {
                    args.addAll(List.of(
                            "--analysis",
                            Path.of(System.getProperty("infera.repo", "../.."))
                                    .resolve("params/analysis/inferno-paper.json")
                                    .toString(),
                            "--benchmark",
                            "4",
                            "--batch-size",
                            "500"));
                }
                long t0 = System.nanoTime();
                assertEquals(0, StepMain.execute(new TrainCommand(), args.toArray(new String[0])));
                System.out.printf(
                        "GpuSmokeTest: %s, 3 epochs on %s: %.2f s%n", kind, device, (System.nanoTime() - t0) / 1e9);
                List<String> history = Files.readAllLines(out.resolve("history.csv"));
                loss[d] = Double.parseDouble(history.get(1).split(",")[2]);
            }
            assertEquals(
                    loss[0],
                    loss[1],
                    1e-3 * Math.abs(loss[0]),
                    kind + ": first-epoch validation loss, CPU against GPU");
        }
    }
}
