package org.infera.simulate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.infera.core.cli.StepMain;
import org.infera.core.data.MadMinerEventFile;
import org.infera.core.morphing.Morphing;
import org.infera.core.morphing.WeightedFisher;
import org.infera.core.physics.EftToy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The EFT toy in MadMiner's layout: its cross sections and Fisher information against the closed forms. */
class EftToySimulationTest {
    @TempDir
    Path dir;

    @Test
    void weightedEventsReproduceTheCrossSectionsAndTheFisherInformation() throws Exception {
        Path out = dir.resolve("eft.h5");
        assertEquals(
                0,
                StepMain.execute(
                        new SimulateCommand(), "eft-toy", "--events", "200000", "--seed", "4", "-o", out.toString()));
        MadMinerEventFile f = MadMinerEventFile.read(out);
        assertArrayEquals(EftToy.PARAMETERS, f.parameters());
        assertEquals(6, f.benchmarks().length);
        assertEquals(200000, f.events());
        Morphing m = new Morphing(f.morphingComponents(), f.morphingMatrix());
        // σ(θ) = 2 + (2/3) θ1² + (8/45) θ2², Monte Carlo estimate from the morphed weights (relative error ~0.3%)
        for (double[] theta : new double[][] {{0, 0}, {1, 0}, {0.5, -1.5}, {2, 2}}) {
            double sum = 0;
            for (double w : m.eventWeights(f.weights(), theta)) sum += w;
            assertEquals(
                    EftToy.crossSection(theta),
                    sum,
                    0.02 * EftToy.crossSection(theta),
                    "σ at " + Arrays.toString(theta));
        }
        // truth information per unit luminosity at the SM: σ E[t tᵀ] = 2 · diag(4/3, 16/45)
        double[][] truth = WeightedFisher.truth(m, f.weights(), new double[] {0, 0}, 1);
        assertEquals(8.0 / 3, truth[0][0], 0.02 * 8.0 / 3);
        assertEquals(32.0 / 45, truth[1][1], 0.02 * 32.0 / 45);
        assertEquals(0, truth[0][1], 0.02);
        // rate-only information: L (∂σ)² / σ, zero at the SM (∇σ = 0) and (2θ1·2/3)²/σ at θ = (0.5, 0)
        assertEquals(0, WeightedFisher.rate(m, f.weights(), new double[] {0, 0}, 1)[0][0], 1e-3);
        double expected = Math.pow(4.0 / 3 * 0.5, 2) / EftToy.crossSection(new double[] {0.5, 0});
        assertEquals(expected, WeightedFisher.rate(m, f.weights(), new double[] {0.5, 0}, 1)[0][0], 0.05 * expected);
        System.out.printf(
                "EFT toy, 200k events: truth Fisher per unit luminosity at the SM %.4f, %.4f (closed form "
                        + "%.4f, %.4f)%n",
                truth[0][0], truth[1][1], 8.0 / 3, 32.0 / 45);
    }

    @Test
    void sameSeedGivesTheSameFileAndShardsAddUp() throws Exception {
        Path a = dir.resolve("a.h5"), b = dir.resolve("b.h5");
        assertEquals(
                0,
                StepMain.execute(
                        new SimulateCommand(), "eft-toy", "--events", "5000", "--seed", "9", "-o", a.toString()));
        assertEquals(
                0,
                StepMain.execute(
                        new SimulateCommand(), "eft-toy", "--events", "5000", "--seed", "9", "-o", b.toString()));
        assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b));
        double total = 0;
        for (int s = 0; s < 2; s++) {
            Path shard = dir.resolve("s" + s + ".h5");
            assertEquals(
                    0,
                    StepMain.execute(
                            new SimulateCommand(),
                            "eft-toy",
                            "--events",
                            "40000",
                            "--seed",
                            "9",
                            "--shards",
                            "2",
                            "--shard",
                            String.valueOf(s),
                            "-o",
                            shard.toString()));
            for (double[] w : MadMinerEventFile.read(shard).weights()) total += w[0];
        }
        assertEquals(2, total, 0.02, "the shards' SM weights add up to σ_SM");
    }
}
