package org.infera.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.infera.augment.AugmentCommand;
import org.infera.core.cli.StepMain;
import org.infera.core.data.ScoreSamplesFile;
import org.infera.fit.FitCommand;
import org.infera.shift.ShiftCommand;
import org.infera.simulate.SimulateCommand;
import org.infera.train.TrainCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Score-based inference on the EFT toy, step by step: weighted events in MadMiner's layout →
 * score samples at the SM → SALLY → Fisher information. The toy's truth information per unit
 * luminosity at the SM is diag(8/3, 32/45); SALLY's can only lose (the observables are smeared).
 */
class ScoreInferenceIT {
    @TempDir
    Path dir;

    @Test
    void sallyRecoversTheFisherInformationOfTheEftToy() throws Exception {
        System.setProperty("ai.djl.offline", "true");
        Path events = dir.resolve("eft.h5"), samples = dir.resolve("score.h5"), model = dir.resolve("sally");
        assertEquals(
                0,
                StepMain.execute(
                        new SimulateCommand(),
                        "eft-toy",
                        "--events",
                        "100000",
                        "--seed",
                        "5",
                        "-o",
                        events.toString()));
        assertEquals(
                0,
                StepMain.execute(
                        new AugmentCommand(),
                        "score",
                        "--at",
                        "0,0",
                        "--draws",
                        "60000",
                        "--seed",
                        "5",
                        "-o",
                        samples.toString(),
                        events.toString()));
        ScoreSamplesFile s = ScoreSamplesFile.read(samples);
        assertEquals(
                100000,
                s.effectiveSampleSize(),
                1e-6,
                "equal weights at the SM: the effective sample size is the event count");
        assertEquals(
                0,
                StepMain.execute(
                        new TrainCommand(),
                        "sally",
                        "--samples",
                        samples.toString(),
                        "--seed",
                        "5",
                        "--epochs",
                        "30",
                        "-o",
                        model.toString()));
        Path scores = dir.resolve("eft-scores");
        assertEquals(
                0,
                StepMain.execute(
                        new ShiftCommand(),
                        "scores",
                        "--model",
                        model.toString(),
                        "--events",
                        events.toString(),
                        "-o",
                        scores.toString()));
        double[][] truth = fisher("truth", events, null), sally = fisher("sally", events, scores);
        assertEquals(8.0 / 3, truth[0][0], 0.02 * 8.0 / 3);
        assertEquals(32.0 / 45, truth[1][1], 0.02 * 32.0 / 45);
        for (int a = 0; a < 2; a++) {
            assertTrue(
                    sally[a][a] < truth[a][a] * 1.01,
                    "SALLY cannot know more than the truth: " + sally[a][a] + " vs " + truth[a][a]);
            assertTrue(
                    sally[a][a] > truth[a][a] * 0.9,
                    "SALLY keeps most of the information: " + sally[a][a] + " vs " + truth[a][a]);
        }
        // expected limits from histograms of the score: q(θ) near the SM follows the SALLY information, q ≈ L I θ²
        StringWriter limits = new StringWriter();
        CommandLine cli = new CommandLine(new FitCommand());
        cli.setOut(new PrintWriter(limits));
        Path png = dir.resolve("p.png");
        assertEquals(
                0,
                cli.execute(
                        "limits",
                        "--events",
                        events.toString(),
                        "--scores",
                        scores.toString(),
                        "--luminosity",
                        "100",
                        "--grid=-0.1:0.1:3,-0.2:0.2:3",
                        "--plot",
                        png.toString()));
        JsonNode grid = new ObjectMapper().readTree(limits.toString()).get("grid");
        assertEquals(9, grid.size());
        assertEquals(1.0, grid.get(4).get("p_value").asDouble(), 1e-9, "the true point");
        double qTheta1 = grid.get(7).get("q").asDouble(); // θ = (0.1, 0)
        double fisherPrediction = 100 * sally[0][0] * 0.1 * 0.1;
        assertTrue(
                qTheta1 > 0.7 * fisherPrediction && qTheta1 < 1.1 * fisherPrediction,
                "q " + qTheta1 + " against L I θ² " + fisherPrediction);
        assertTrue(java.nio.file.Files.size(png) > 3000);
        System.out.printf(
                "ScoreInferenceIT: Fisher information per unit luminosity at the SM: truth %.4f, %.4f; SALLY %.4f, "
                        + "%.4f "
                        + "(closed form %.4f, %.4f)%n",
                truth[0][0], truth[1][1], sally[0][0], sally[1][1], 8.0 / 3, 32.0 / 45);
    }

    @Test
    void sallyOnTheGaussianToyReachesTheFisherInformationAndTheMseFloor() throws Exception {
        System.setProperty("ai.djl.offline", "true");
        Path samples = dir.resolve("gauss.h5"), model = dir.resolve("sally");
        assertEquals(
                0,
                StepMain.execute(
                        new SimulateCommand(),
                        "gaussian-toy",
                        "--events",
                        "100000",
                        "--seed",
                        "1",
                        "-o",
                        samples.toString()));
        // the simulator: the true score (x − θ)/5 has second moment 0.2 (the Fisher information per event)
        double[][] x = ScoreSamplesFile.read(samples)
                .splits()
                .get(org.infera.core.data.Split.TEST)
                .x();
        double truth = 0;
        for (double[] e : x) truth += e[0] * e[0] / 25 / x.length;
        assertEquals(0.2, truth, 0.01 * 0.2, "true-score Fisher information per event");
        assertEquals(
                0,
                StepMain.execute(
                        new TrainCommand(),
                        "sally",
                        "--samples",
                        samples.toString(),
                        "--seed",
                        "1",
                        "-o",
                        model.toString()));
        double mse;
        try (var net = org.infera.nn.TrainedNetwork.load(model)) {
            mse = net.spec().bestValidationLoss();
        }
        assertEquals(0.05, mse, 0.05 * 0.05, "SALLY's MSE to the joint score against its floor E[Var(t | x)] = 0.05");
        Path scores = dir.resolve("scores");
        assertEquals(
                0,
                StepMain.execute(
                        new ShiftCommand(),
                        "scores",
                        "--model",
                        model.toString(),
                        "--samples",
                        samples.toString(),
                        "-o",
                        scores.toString()));
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(new FitCommand());
        cli.setOut(new PrintWriter(out));
        assertEquals(
                0,
                cli.execute(
                        "fisher",
                        "--samples",
                        samples.toString(),
                        "--theta",
                        "0",
                        "--luminosity",
                        "1",
                        "--mode",
                        "sally",
                        "--scores",
                        scores.toString()));
        double sally = new ObjectMapper()
                .readTree(out.toString())
                .get("fisher")
                .get(0)
                .get(0)
                .asDouble();
        assertEquals(0.2, sally, 0.03 * 0.2, "SALLY's Fisher information per event");
        System.out.printf(
                "ScoreInferenceIT: Gaussian toy: true-score information %.4f, SALLY %.4f (0.2), SALLY MSE %.5f (floor "
                        + "0.05)%n",
                truth, sally, mse);
    }

    @Test
    void badInputIsRefusedWithExitTwo() throws Exception {
        Path events = dir.resolve("eft.h5"), infera = dir.resolve("events.h5");
        assertEquals(
                0,
                StepMain.execute(
                        new SimulateCommand(), "eft-toy", "--events", "2000", "--seed", "1", "-o", events.toString()));
        assertEquals(
                0,
                StepMain.execute(
                        new SimulateCommand(),
                        "inferno-paper",
                        "--events",
                        "2000",
                        "--seed",
                        "1",
                        "-o",
                        infera.toString()));
        // an infera events file is not weighted events in MadMiner's layout
        assertEquals(
                2,
                StepMain.execute(
                        new AugmentCommand(),
                        "score",
                        "--at",
                        "0,0",
                        "--seed",
                        "1",
                        "-o",
                        dir.resolve("x.h5").toString(),
                        infera.toString()));
        assertEquals(
                2,
                StepMain.execute(
                        new AugmentCommand(),
                        "score",
                        "--at",
                        "0",
                        "--seed",
                        "1",
                        "-o",
                        dir.resolve("x.h5").toString(),
                        events.toString()));
        assertEquals(
                2,
                StepMain.execute(
                        new FitCommand(),
                        "fisher",
                        "--events",
                        events.toString(),
                        "--theta",
                        "0,0",
                        "--luminosity",
                        "1",
                        "--mode",
                        "sally"));
        assertEquals(
                2,
                StepMain.execute(
                        new FitCommand(),
                        "fisher",
                        "--events",
                        events.toString(),
                        "--theta",
                        "0,0",
                        "--luminosity",
                        "-1"));
        assertEquals(
                2,
                StepMain.execute(
                        new FitCommand(),
                        "fisher",
                        "--events",
                        events.toString(),
                        "--theta",
                        "0,0",
                        "--luminosity",
                        "1",
                        "--mode",
                        "oracle"));
        assertTrue(!java.nio.file.Files.exists(dir.resolve("x.h5")));
    }

    private static double[][] fisher(String mode, Path events, Path scores) throws Exception {
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(new FitCommand());
        cli.setOut(new PrintWriter(out));
        String[] args = scores == null
                ? new String[] {
                    "fisher", "--events", events.toString(), "--theta", "0,0", "--luminosity", "1", "--mode", mode
                }
                : new String[] {
                    "fisher",
                    "--events",
                    events.toString(),
                    "--theta",
                    "0,0",
                    "--luminosity",
                    "1",
                    "--mode",
                    mode,
                    "--scores",
                    scores.toString()
                };
        assertEquals(0, cli.execute(args));
        JsonNode f = new ObjectMapper().readTree(out.toString()).get("fisher");
        return new double[][] {
            {f.get(0).get(0).asDouble(), f.get(0).get(1).asDouble()},
            {f.get(1).get(0).asDouble(), f.get(1).get(1).asDouble()}
        };
    }
}
