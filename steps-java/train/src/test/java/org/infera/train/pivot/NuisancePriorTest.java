package org.infera.train.pivot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.infera.core.analysis.Analysis;
import org.infera.core.data.Sample;
import org.infera.core.physics.InfernoPaperProblem;
import org.infera.core.random.Rng;
import org.junit.jupiter.api.Test;

/**
 * The pivot's prior on the INFERNO paper problem: each background event moved by exactly its drawn nuisance
 * values, the signal untouched and outside the adversary's mask, and the adversary's no-information loss (the mean
 * of z² over the masked events) equal to the variance of a standard normal truncated at ±3, computed here from its
 * closed form: 1 − 2·3·φ(3) / (2Φ(3) − 1) = 0.973337.
 */
class NuisancePriorTest {
    static final Path ANALYSIS = Path.of("../../params/analysis/inferno-paper.json");

    @Test
    void backgroundEventsCarryTheirDrawsAndTheNoInformationLossIsThePriorVariance() {
        Analysis analysis = Analysis.read(ANALYSIS);
        NuisancePrior prior = NuisancePrior.of(analysis, ANALYSIS);
        int n = 200_000;
        Rng events = new Rng(1);
        double[][] x = new double[n][];
        long[] label = new long[n], process = new long[n];
        for (int i = 0; i < n; i++) {
            boolean signal = i % 4 == 0;
            x[i] = signal ? InfernoPaperProblem.signal(events) : InfernoPaperProblem.background(events, 0, 3);
            label[i] = signal ? 1 : 0;
            process[i] = signal ? 0 : 1;
        }
        NuisancePrior.Drawn drawn = prior.draw(new Sample(x, label, process, new double[n]), new Rng(2));
        float[] z = drawn.targets().values(), mask = drawn.targets().mask();
        assertEquals(2, drawn.targets().width(), "r and lambda");
        double sum = 0, squares = 0, masked = 0;
        for (int i = 0; i < n; i++) {
            double[] before = x[i], after = drawn.sample().x()[i];
            double zr = z[2 * i], zl = z[2 * i + 1];
            assertTrue(Math.abs(zr) <= 3 && Math.abs(zl) <= 3, "truncated at 3σ");
            if (process[i] == 0) {
                assertEquals(0, mask[i]);
                for (int j = 0; j < 3; j++) assertEquals(before[j], after[j], 0.0, "signal is not moved");
                continue;
            }
            assertEquals(1, mask[i]);
            // r shifts x0 by r − 0 with r = 0.2 z; λ = 3 + 0.5 z rescales x2 by 3/λ
            assertEquals(before[0] + 0.2 * zr, after[0], 1e-6);
            assertEquals(before[1], after[1], 0.0);
            assertEquals(
                    before[2] * 3 / (3 + 0.5 * zl), after[2], 1e-6 * Math.max(1, before[2])); // z is stored as float32
            sum += zr + zl;
            squares += zr * zr + zl * zl;
            masked += 2;
        }
        double phi3 = Math.exp(-4.5) / Math.sqrt(2 * Math.PI);
        double bigPhi3 = 0.9986501019683699; // Φ(3)
        double variance = 1 - 2 * 3 * phi3 / (2 * bigPhi3 - 1);
        assertEquals(0.973337, variance, 1e-6);
        // 300000 draws of z²: the standard error of their mean is about sqrt(2/300000) = 0.0026
        assertEquals(variance, squares / masked, 0.011, "no-information loss");
        assertEquals(0, sum / masked, 0.008, "the prior mean");
    }

    @Test
    void aRateWhosePriorReachesZeroIsRefused() {
        Analysis a = Analysis.read(ANALYSIS);
        Analysis.Nuisance l = a.nuisances().get(1);
        Analysis wide = new Analysis(
                a.name(),
                a.features(),
                a.processes(),
                java.util.List.of(
                        a.nuisances().get(0), new Analysis.Nuisance(l.name(), l.process(), 3, 5.5, 0.5, l.effect())),
                a.benchmarks());
        var e = org.junit.jupiter.api.Assertions.assertThrows(
                org.infera.core.cli.InputException.class, () -> NuisancePrior.of(wide, ANALYSIS));
        assertTrue(e.getMessage().contains("nuisances.lambda"), e.getMessage());
    }
}
