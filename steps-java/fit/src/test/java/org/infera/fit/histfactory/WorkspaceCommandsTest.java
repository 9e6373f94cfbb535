package org.infera.fit.histfactory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.infera.core.cli.StepMain;
import org.infera.fit.FitCli;
import org.infera.fit.FitCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The workspace sub-commands of infera-fit, run as a user runs them: JSON on stdout, exit codes, plots. */
class WorkspaceCommandsTest {
    static final Path README = Path.of(System.getProperty("infera.repo", "../.."))
            .resolve("steps-java/core/src/test/resources/histfactory/pyhf-readme.json");

    @TempDir
    Path dir;

    private static FitCli.Result run(String... args) {
        return FitCli.run(args);
    }

    @Test
    void hypotestPrintsPyhfsKeys() throws Exception {
        FitCli.Result r = run("hypotest", "--workspace", README.toString(), "--poi-value", "1");
        assertEquals(0, r.code(), r.err());
        assertEquals(0.05251497423736956, r.json().get("cls_obs").asDouble(), 2e-5 * 0.0525);
        assertEquals(5, r.json().get("cls_exp").size());
        assertEquals(3.93824492, r.json().get("test_stat").asDouble(), 1e-6 * 3.94);
    }

    @Test
    void upperLimitPrintsObservedAndExpectedAndDrawsTheBand() throws Exception {
        Path png = dir.resolve("cls.png");
        FitCli.Result r = run("upper-limit", "--workspace", README.toString(), "--plot", png.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals(1.01156939, r.json().get("obs").asDouble(), 1e-4);
        assertEquals(1.06234693, r.json().get("exp").get(2).asDouble(), 1e-4);
        assertTrue(Files.size(png) > 5000);
    }

    @Test
    void aLimitBeyondThePoiBoundIsReportedNotGuessed() throws Exception {
        Path weak = dir.resolve("weak.json");
        Files.writeString(weak, Files.readString(README).replace("\"data\": [12.0, 11.0]", "\"data\": [0.1, 0.1]"));
        FitCli.Result r = run("upper-limit", "--workspace", weak.toString());
        assertEquals(3, r.code());
        assertTrue(r.json().get("obs").isNull());
        assertTrue(
                r.json().get("problem").asText().contains("upper bound"),
                r.json().toString());
        assertTrue(r.err().contains("upper bound"), r.err());
    }

    @Test
    void fitReportsTheBoundAndTheCorrelations() throws Exception {
        FitCli.Result r = run("fit", "--workspace", README.toString());
        assertEquals(0, r.code(), r.err());
        JsonNode mu = r.json().get("parameters").get(0);
        assertEquals("mu", mu.get("name").asText());
        assertTrue(mu.get("at_bound").asBoolean());
        assertTrue(r.err().contains("on a bound"), r.err());
        JsonNode corr = r.json().get("correlations");
        assertEquals(3, corr.size());
        assertEquals(corr.get(0).get(1).asDouble(), corr.get(1).get(0).asDouble(), 1e-12);
    }

    @Test
    void fisherInformationAtAGivenPointHasTheClosedForm() throws Exception {
        FitCli.Result r = run("fit", "--workspace", README.toString(), "--fisher-at", "mu=1");
        assertEquals(0, r.code(), r.err());
        JsonNode info = r.json().get("fisher_at").get("fisher");
        // ν = s + b γ at μ = γ = 1: I_μμ = Σ s²/ν, I_μγ_b = s_b b_b / ν_b, I_γγ = b²/ν + τ
        double[] s = {12, 11}, b = {50, 52}, delta = {3, 7};
        double imumu = 0;
        for (int i = 0; i < 2; i++) {
            double nu = s[i] + b[i];
            imumu += s[i] * s[i] / nu;
            assertEquals(s[i] * b[i] / nu, info.get(0).get(1 + i).asDouble(), 1e-10);
            assertEquals(
                    b[i] * b[i] / nu + (b[i] / delta[i]) * (b[i] / delta[i]),
                    info.get(1 + i).get(1 + i).asDouble(),
                    1e-9);
        }
        assertEquals(imumu, info.get(0).get(0).asDouble(), 1e-12);
        assertEquals(
                2,
                run("fit", "--workspace", README.toString(), "--fisher-at", "nu=1")
                        .code());
    }

    @Test
    void scanGivesTheTestStatisticAtTheTestedValue() throws Exception {
        FitCli.Result r = run(
                "scan",
                "--workspace",
                README.toString(),
                "--range",
                "0:2:5",
                "--plot",
                dir.resolve("s.png").toString());
        assertEquals(0, r.code(), r.err());
        // μ̂ = 0, so 2ΔNLL at μ = 1 is q̃(1)
        assertEquals(
                3.93824492, r.json().get("points").get(2).get("twice_delta_nll").asDouble(), 1e-6 * 3.94);
        assertTrue(r.json().get("interval_68").get("lower_at_bound").asBoolean());
    }

    @Test
    void badInputExitsTwoWithTheReason() throws Exception {
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, Files.readString(README).replace("[3.0, 7.0]", "[3.0, NaN]"));
        FitCli.Result r = run("hypotest", "--workspace", bad.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("bad.json"), r.err());
        assertEquals(
                2,
                run("scan", "--workspace", README.toString(), "--range", "2:1:5")
                        .code());
        assertEquals(
                2,
                run("hypotest", "--workspace", README.toString(), "--test-stat", "qq")
                        .code());
        assertEquals(
                2,
                run("hypotest", "--workspace", README.toString(), "--interp-histosys", "code1")
                        .code());
        assertEquals(
                2,
                StepMain.execute(
                        new FitCommand(),
                        "fit",
                        "--workspace",
                        dir.resolve("missing.json").toString()));
    }
}
