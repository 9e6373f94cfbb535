package org.infera.train.pivot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.infera.core.cli.StepMain;
import org.infera.core.data.SamplesFixtures;
import org.infera.nn.TrainedNetwork;
import org.infera.nn.onnx.OnnxRuntimeCheck;
import org.infera.train.TrainCommand;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A problem made for the pivot: x0 separates signal N(1, 1) from background N(−1, 1) whatever the nuisance; x1
 * separates them too, signal N(1, 0.5) against background N(0, 0.5), but the nuisance ν ~ N(0, 1) shifts the
 * background's x1 by ν. A plain classifier (λ = 0) uses x1, so its output tells ν; the pivot gives x1 up, and a
 * fresh adversary then predicts ν no better than the prior mean.
 */
class PivotCommandTest {
    @TempDir
    static Path dir;

    static Path samples;
    static Path analysis;

    @BeforeAll
    static void data() throws Exception {
        System.setProperty("ai.djl.offline", "true");
        samples = SamplesFixtures.write(
                dir.resolve("samples.h5"),
                3000,
                17,
                new String[] {"x0", "x1"},
                new String[] {"signal", "background"},
                50,
                1000,
                rng -> new double[] {1 + rng.gaussian(), 1 + 0.5 * rng.gaussian()},
                rng -> new double[] {-1 + rng.gaussian(), 0.5 * rng.gaussian()});
        analysis = dir.resolve("analysis.json");
        Files.writeString(
                analysis,
                """
                {"name": "pivot-toy", "features": ["x0", "x1"],
                 "processes": [{"name": "signal", "expectedYield": 50, "signal": true},
                               {"name": "background", "expectedYield": 1000, "signal": false}],
                 "nuisances": [{"name": "nu", "process": "background", "nominal": 0, "up": 1, "down": -1,
                                "effect": {"type": "shift", "feature": "x1"}}],
                 "benchmarks": [{"id": 0, "floating": ["nu"], "constraints": {"nu": 1}}]}
                """);
    }

    static int train(Path out, String... extra) {
        List<String> args = new ArrayList<>(List.of(
                "pivot",
                "--samples",
                samples.toString(),
                "--analysis",
                analysis.toString(),
                "--seed",
                "5",
                "--hidden",
                "16,16",
                "--adversary-hidden",
                "16,16",
                "--batch-size",
                "128",
                "--pretrain-epochs",
                "3",
                "-o",
                out.toString()));
        args.addAll(List.of(extra));
        return StepMain.execute(new TrainCommand(), args.toArray(new String[0]));
    }

    static JsonNode check(Path model) throws Exception {
        return new ObjectMapper()
                .readTree(model.resolve(PivotReport.FILE).toFile())
                .get("validation_fresh_adversary");
    }

    @Test
    void thePivotsOutputIsIndependentOfTheNuisanceAndThePlainClassifiersIsNot() throws Exception {
        Path plain = dir.resolve("plain"), pivot = dir.resolve("pivot");
        assertEquals(0, train(plain, "--lambda", "0", "--epochs", "6", "--patience", "6"));
        assertEquals(0, train(pivot, "--lambda", "10", "--epochs", "6", "--patience", "6", "--adversary-steps", "5"));
        JsonNode p = check(plain), q = check(pivot);
        double plainRatio = p.get("adversary_over_no_information").asDouble();
        double pivotRatio = q.get("adversary_over_no_information").asDouble();
        double plainCorrelation = p.get("correlation_with_nuisance").get("nu").asDouble();
        double pivotCorrelation = q.get("correlation_with_nuisance").get("nu").asDouble();
        String figures = "plain: ratio " + plainRatio + ", correlation " + plainCorrelation + "; pivot: ratio "
                + pivotRatio + ", correlation " + pivotCorrelation;
        assertTrue(plainRatio < 0.8 && plainCorrelation > 0.3, "the classifier's output tells ν: " + figures);
        assertTrue(pivotRatio > 0.97 && Math.abs(pivotCorrelation) < 0.1, "the pivot's does not: " + figures);
        // the no-information value is the truncated normal's variance (0.973337) up to the validation sample's
        // statistics: 3000 background events, a standard error of about 0.026
        assertEquals(0.973337, q.get("no_information_loss").asDouble(), 0.08);
        // still a classifier: better than guessing (log 2 = 0.693) through x0
        assertTrue(q.get("classifier_loss").asDouble() < 0.6, figures);
        OnnxRuntimeCheck.assertOnnxRuntimeAgreesWithDjl(pivot, 3);
    }

    @Test
    void sameSeedGivesByteIdenticalModels() throws Exception {
        Path a = dir.resolve("a"), b = dir.resolve("b");
        // with the tanh adversary, which pivot.json names beside the check's ReLU one
        assertEquals(0, train(a, "--lambda", "3", "--epochs", "2", "--adversary-activation", "tanh"));
        assertEquals(0, train(b, "--lambda", "3", "--epochs", "2", "--adversary-activation", "tanh"));
        JsonNode report =
                new ObjectMapper().readTree(a.resolve(PivotReport.FILE).toFile());
        assertEquals("tanh", report.get("adversary_activation").asText());
        assertEquals("relu", report.get("check_adversary_activation").asText());
        for (String f : List.of(
                TrainedNetwork.SPEC,
                TrainedNetwork.WEIGHTS,
                TrainedNetwork.HISTORY,
                TrainedNetwork.ONNX,
                PivotReport.FILE)) {
            assertArrayEquals(Files.readAllBytes(a.resolve(f)), Files.readAllBytes(b.resolve(f)), f);
        }
    }
}
