package org.infera.fit.binned;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.infera.core.cli.StepMain;
import org.infera.core.data.TemplatesFile;
import org.infera.fit.FitCli;
import org.infera.fit.FitCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchmarksCommandTest {
    @TempDir
    Path dir;

    static final Path ANALYSIS =
            Path.of(System.getProperty("infera.repo", "../..")).resolve("params/analysis/inferno-paper.json");

    static final double[] SIGNAL = {2, 3, 5, 15, 25};
    static final double[] BACKGROUND = {500, 250, 150, 70, 30};

    private Path templates() {
        return templates("t.h5", SIGNAL);
    }

    private Path templates(String name, double[] signal) {
        Path t = dir.resolve(name);
        new TemplatesFile(
                        "classifier",
                        new double[] {0, 0.2, 0.4, 0.6, 0.8, 1},
                        new String[] {"signal", "background"},
                        new long[] {1, 0},
                        new double[][] {signal, BACKGROUND},
                        new long[][] {{1, 1, 1, 1, 1}, {1, 1, 1, 1, 1}},
                        List.of(
                                new TemplatesFile.NuisanceTemplate(
                                        "r", 1, 0, 0.2, -0.2, new double[] {520, 255, 145, 60, 20}, new double[] {
                                            480, 245, 155, 80, 40
                                        }),
                                new TemplatesFile.NuisanceTemplate(
                                        "lambda", 1, 3, 3.5, 2.5, new double[] {505, 252, 148, 68, 27}, new double[] {
                                            495, 248, 152, 72, 33
                                        })))
                .write(t);
        return t;
    }

    @Test
    void writesTheTableWithBenchmarkZeroEqualToTheClosedForm() throws Exception {
        Path out = dir.resolve("fit");
        assertEquals(
                0,
                StepMain.execute(
                        new FitCommand(),
                        "benchmarks",
                        "--templates",
                        "classifier=" + templates(),
                        "--analysis",
                        ANALYSIS.toString(),
                        "--outdir",
                        out.toString()));
        List<String> csv = Files.readAllLines(out.resolve("benchmarks.csv"));
        assertEquals("statistic,benchmark,sigma_fisher,width_profile", csv.get(0));
        assertEquals(6, csv.size());
        // BM0: only s floats, so σ_s = 1 / sqrt(Σ f_s² / ν) with f_s = s_i / 50 and ν = s_i + b_i.
        double info = 0;
        for (int i = 0; i < SIGNAL.length; i++) info += Math.pow(SIGNAL[i] / 50, 2) / (SIGNAL[i] + BACKGROUND[i]);
        String[] bm0 = csv.get(1).split(",");
        assertEquals("classifier", bm0[0]);
        assertEquals(1 / Math.sqrt(info), Double.parseDouble(bm0[2]), 1e-9);
        double previous = 0;
        for (int b = 0; b < 5; b++) {
            String[] row = csv.get(1 + b).split(",");
            double sigma = Double.parseDouble(row[2]), width = Double.parseDouble(row[3]);
            assertEquals(sigma, width, 0.05 * sigma, "profile half-width near σ_Fisher on BM" + b);
            if (b <= 2) assertTrue(sigma >= previous, "floating more nuisances never helps (BM" + b + ")");
            previous = sigma;
            assertTrue(Files.size(out.resolve("scans/classifier_bm" + b + ".png")) > 1000);
        }
        assertTrue(
                Files.readString(out.resolve("benchmarks.md")).contains("| paper: classifier | 100 | 14.99 | 18.94 |"));
        assertTrue(Files.readString(out.resolve("benchmarks.json")).contains("\"sigma_fisher\""));
    }

    @Test
    void replicasOfAStatisticAreSummarisedByTheirMedian() throws Exception {
        Path a = templates("a.h5", SIGNAL);
        Path b = templates("b.h5", new double[] {1, 2, 4, 17, 26});
        Path out = dir.resolve("fit");
        assertEquals(
                0,
                StepMain.execute(
                        new FitCommand(),
                        "benchmarks",
                        "--templates",
                        "classifier=" + a,
                        "--templates",
                        "classifier=" + b,
                        "--analysis",
                        ANALYSIS.toString(),
                        "--outdir",
                        out.toString()));
        List<String> each = Files.readAllLines(out.resolve("benchmarks_replicas.csv"));
        assertEquals(1 + 2 * 5, each.size());
        List<String> csv = Files.readAllLines(out.resolve("benchmarks.csv"));
        assertEquals(6, csv.size());
        for (int bm = 0; bm < 5; bm++) {
            double sum = 0;
            for (String line : each.subList(1, each.size())) {
                String[] f = line.split(",");
                if (Integer.parseInt(f[2]) == bm) sum += Double.parseDouble(f[3]);
            }
            assertEquals(
                    sum / 2, Double.parseDouble(csv.get(1 + bm).split(",")[2]), 1e-12, "median of two = their mean");
        }
    }

    @Test
    void sameInputsGiveByteIdenticalOutputs() throws Exception {
        Path t = templates();
        Path a = dir.resolve("a"), b = dir.resolve("b");
        for (Path out : List.of(a, b)) {
            assertEquals(
                    0,
                    StepMain.execute(
                            new FitCommand(),
                            "benchmarks",
                            "--templates",
                            "classifier=" + t,
                            "--analysis",
                            ANALYSIS.toString(),
                            "--outdir",
                            out.toString(),
                            "--scan-points",
                            "11"));
        }
        for (String f : List.of("benchmarks.csv", "benchmarks.json", "benchmarks.md", "scans/classifier_bm4.png")) {
            assertArrayEquals(Files.readAllBytes(a.resolve(f)), Files.readAllBytes(b.resolve(f)), f);
        }
    }

    @Test
    void rejectsBadInputWithExitTwo() throws Exception {
        Path out = dir.resolve("bad");
        Path t = templates();
        assertEquals(
                2,
                StepMain.execute(
                        new FitCommand(),
                        "benchmarks",
                        "--templates",
                        "classifier=" + dir.resolve("none.h5"),
                        "--analysis",
                        ANALYSIS.toString(),
                        "--outdir",
                        out.toString()));
        assertEquals(
                2,
                StepMain.execute(
                        new FitCommand(),
                        "benchmarks",
                        "--templates",
                        "classifier=" + t,
                        "--analysis",
                        ANALYSIS.toString(),
                        "--outdir",
                        out.toString(),
                        "--scan-points",
                        "1"));
        assertEquals(
                2,
                StepMain.execute(
                        new FitCommand(),
                        "benchmarks",
                        "--templates",
                        "a b=" + t,
                        "--analysis",
                        ANALYSIS.toString(),
                        "--outdir",
                        out.toString()));
        Path noLambda = Files.writeString(
                dir.resolve("a.json"), Files.readString(ANALYSIS).replace("[\"r\", \"lambda\"]", "[\"r\", \"sigma\"]"));
        assertEquals(
                2,
                StepMain.execute(
                        new FitCommand(),
                        "benchmarks",
                        "--templates",
                        "classifier=" + t,
                        "--analysis",
                        noLambda.toString(),
                        "--outdir",
                        out.toString()));
        // Negative yields in a template file.
        Path negative = dir.resolve("neg.h5");
        org.infera.core.hdf5.H5Output.write(
                negative, TemplatesFile.FORMAT, TemplatesFile.VERSION, o -> o.attribute("", "statistic", "x")
                        .dataset("bins/edges", new double[] {0, 1})
                        .dataset("processes/names", new String[] {"signal", "background"})
                        .dataset("processes/is_signal", new long[] {1, 0})
                        .dataset("nominal/yields", new double[][] {{5}, {-1}})
                        .dataset("nominal/mc_counts", new long[][] {{1}, {1}}));
        assertEquals(
                2,
                StepMain.execute(
                        new FitCommand(),
                        "benchmarks",
                        "--templates",
                        "classifier=" + negative,
                        "--analysis",
                        ANALYSIS.toString(),
                        "--outdir",
                        out.toString()));
        assertFalse(Files.exists(out));
    }

    @Test
    void writesEachFittedWorkspaceSoThatItsFitGivesTheTablesSigma() throws Exception {
        Path out = dir.resolve("fit");
        assertEquals(
                0,
                StepMain.execute(
                        new FitCommand(),
                        "benchmarks",
                        "--templates",
                        "classifier=" + templates(),
                        "--analysis",
                        ANALYSIS.toString(),
                        "--outdir",
                        out.toString()));
        List<String> csv = Files.readAllLines(out.resolve("benchmarks.csv"));
        String readme = Files.readString(out.resolve("workspaces/README.md"));
        for (int b = 0; b < 5; b++) {
            Path ws = out.resolve("workspaces/classifier_bm" + b + ".json");
            assertTrue(Files.size(out.resolve("cls/classifier_bm" + b + ".png")) > 5000);
            if (b > 0) {
                // floating nuisances: pyhf cannot state the fitted model, so no file, and the README says why
                assertFalse(Files.exists(ws), ws.toString());
                assertTrue(readme.contains("- classifier_bm" + b + ": nuisance 'r' "), readme);
                continue;
            }
            // pyhf's default interpolation codes: the file needs no modifier_settings
            FitCli.Result fit = FitCli.run("fit", "--workspace", ws.toString());
            assertEquals(0, fit.code(), fit.err());
            double sigmaMu = fit.json().get("sigma_poi_fisher").asDouble();
            double signalYield = 0;
            for (double v : SIGNAL) signalYield += v;
            assertEquals(
                    Double.parseDouble(csv.get(1 + b).split(",")[2]),
                    sigmaMu * signalYield,
                    1e-9 * sigmaMu * signalYield,
                    "BM" + b);
        }
        assertTrue(readme.contains("- `classifier_bm0.json`"), readme);
        assertTrue(readme.contains("nuisance 'r' floats unconstrained; pyhf has no unconstrained histosys"), readme);
        assertTrue(
                readme.contains(
                        "nuisance 'lambda' has a Gaussian constraint of width 2 in α units, and pyhf's histosys "
                                + "constraint always has width 1"),
                readme);
        List<String> limits = Files.readAllLines(out.resolve("limits.csv"));
        assertEquals(
                "statistic,benchmark,expected_minus2,expected_minus1,expected_median,expected_plus1,expected_plus2",
                limits.get(0));
        // BM0 has no nuisances: on background-only Asimov data q_A(s) = 2 Σ [ν_i − b_i − b_i ln(ν_i / b_i)] with
        // ν_i = b_i + s f_i, and the median expected CLs limit is where √q_A = Φ⁻¹(0.975)
        double total = 0;
        for (double v : SIGNAL) total += v;
        double lo = 0, hi = 200;
        for (int it = 0; it < 200; it++) {
            double s = (lo + hi) / 2, qA = 0;
            for (int i = 0; i < SIGNAL.length; i++) {
                double nu = BACKGROUND[i] + s * SIGNAL[i] / total;
                qA += 2 * (nu - BACKGROUND[i] - BACKGROUND[i] * Math.log(nu / BACKGROUND[i]));
            }
            if (Math.sqrt(qA) < 1.959963984540054) lo = s;
            else hi = s;
        }
        assertEquals(lo, Double.parseDouble(limits.get(1).split(",")[4]), 1e-7 * lo);
    }
}
