package org.infera.fit.coverage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.infera.core.cli.StepMain;
import org.infera.core.data.TemplatesFile;
import org.infera.fit.FitCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * infera-fit coverage on templates written here (5 bins, 50 signal and 1000 background events as the
 * INFERNO analysis expects, r and λ as histosys): pseudo-data from the templates themselves must cover in
 * every cell, the cells are the benchmarks' truths, and the outputs do not depend on how the toys are split
 * among replicas.
 */
class CoverageCommandTest {
    @TempDir
    Path dir;

    static final Path ANALYSIS =
            Path.of(System.getProperty("infera.repo", "../..")).resolve("params/analysis/inferno-paper.json");

    private Path templates(String name) {
        Path t = dir.resolve(name);
        new TemplatesFile(
                        "classifier",
                        new double[] {0, 0.2, 0.4, 0.6, 0.8, 1},
                        new String[] {"signal", "background"},
                        new long[] {1, 0},
                        new double[][] {{2, 3, 5, 15, 25}, {500, 250, 150, 70, 30}},
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

    private List<String> run(Path out, Path... replicas) throws Exception {
        List<String> args = new java.util.ArrayList<>(List.of("coverage"));
        for (Path r : replicas) args.addAll(List.of("--templates", "classifier=" + r));
        args.addAll(List.of("--analysis", ANALYSIS.toString(), "--toys", "400", "--seed", "3", "-o", out.toString()));
        assertEquals(0, StepMain.execute(new FitCommand(), args.toArray(String[]::new)));
        return Files.readAllLines(out.resolve("coverage.csv"));
    }

    @Test
    void templatePseudoDataCoverInEveryCellWhateverTheSplit() throws Exception {
        Path t = templates("t.h5");
        List<String> one = run(dir.resolve("one"), t);
        // BM0–2 at nominal; BM3 nominal, r ±0.4, λ ±1; BM4 those and the background yield ±100
        assertEquals(1 + 3 + 5 + 7, one.size());
        List<String> header = List.of(one.get(0).split(","));
        for (String line : one.subList(1, one.size())) {
            String[] row = line.split(",");
            assertEquals("400", row[header.indexOf("n")]);
            assertEquals("false", row[header.indexOf("flagged")], line);
            double pullMean = Double.parseDouble(row[header.indexOf("pull_mean")]);
            double pullSpread = Double.parseDouble(row[header.indexOf("pull_spread")]);
            assertTrue(Math.abs(pullMean) < 4 * pullSpread / Math.sqrt(400) + 0.05, line);
            assertTrue(Math.abs(pullSpread - 1) < 0.25, line); // the asymptotic interval at 50 signal events
        }
        assertTrue(Files.readString(dir.resolve("one/coverage.md")).contains("template level: χ²"));
        // the same toys split between two replicas (identical templates): the same bytes but the replica column
        Path copy = Files.copy(t, dir.resolve("t2.h5"));
        assertEquals(one, run(dir.resolve("two"), t, copy));
        List<String> a = Files.readAllLines(dir.resolve("one/experiments.csv")),
                b = Files.readAllLines(dir.resolve("two/experiments.csv"));
        assertArrayEquals(
                a.stream().map(l -> l.replaceFirst("^(\\w+,\\w+),\\d+,", "$1,")).toArray(),
                b.stream().map(l -> l.replaceFirst("^(\\w+,\\w+),\\d+,", "$1,")).toArray());
    }
}
