package org.infera.fit.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.hipparchus.distribution.continuous.ChiSquaredDistribution;
import org.infera.core.cli.Checks;
import org.infera.core.data.EstimatedLogRatiosFile;
import org.infera.core.data.MadMinerEventFile;
import org.infera.core.physics.GaussianToy;
import org.infera.fit.FitCli;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * infera-fit limits --method ratio on the Gaussian toy (x ~ N(θ, 5), σ = 1) with the exact log r(x | θ, θ1 = 0) =
 * [x² − (x − θ)²]/10 as the log-ratios infera-shift would write: the Asimov q of N = L events at θ_t = 0 is
 * 2 N KL(N(0, 5) ‖ N(θ, 5)) = N θ²/5, so the boundaries at CL c are ±sqrt(5 χ²_1(c)/N); and q against a direct sum
 * over the events written out here.
 */
class RatioLimitsTest {
    static final double LUMINOSITY = 100;
    static final String GRID = "-0.6:0.6:61";

    @TempDir
    static Path dir;

    static Path events, a, b, logRatios, otherGrid, scoresDir;

    @BeforeAll
    static void eventsWithTheExactLogRatio() throws Exception {
        double[] grid = Checks.range("grid", GRID);
        events = Files.createDirectories(dir.resolve("events"));
        // one run in two shards: weights of each shard divided by the run's total, so they add up to σ = 1
        GaussianToy.weightedEvents(120_000, 200_000, 21, 0, grid).write(a = events.resolve("gauss_shard00000.h5"));
        GaussianToy.weightedEvents(80_000, 200_000, 22, 0, grid).write(b = events.resolve("gauss_shard00001.h5"));
        logRatios = Files.createDirectories(dir.resolve("log-ratios"));
        for (Path p : List.of(a, b)) exact(p, grid, logRatios);
        otherGrid = Files.createDirectories(dir.resolve("log-ratios-other-grid"));
        for (Path p : List.of(a, b)) exact(p, Checks.range("grid", "-0.6:0.6:31"), otherGrid);
    }

    /** The exact log r(x | θ_g, 0) of every event of one shard, float32 as a network's. */
    private static void exact(Path eventsFile, double[] grid, Path out) {
        gaussian(eventsFile, grid, out, 5);
    }

    /**
     * log r(x | θ_g, 0) of a Gaussian model of variance v, [x² − (x − θ)²]/(2v), of every event of one shard, float32
     * as a network's (v = 5: the exact one); several variances: an ensemble, one member per variance, and their mean.
     */
    private static void gaussian(Path eventsFile, double[] grid, Path out, double... variances) {
        MadMinerEventFile f = MadMinerEventFile.read(eventsFile);
        int k = variances.length;
        float[][] logR = new float[f.events()][grid.length];
        float[][][] members = k == 1 ? null : new float[k][f.events()][grid.length];
        for (int e = 0; e < logR.length; e++) {
            double x = f.observations()[e][0];
            for (int g = 0; g < grid.length; g++) {
                double sum = 0;
                for (int m = 0; m < k; m++) {
                    double v = (x * x - (x - grid[g]) * (x - grid[g])) / (2 * variances[m]);
                    if (members != null) members[m][e][g] = (float) v;
                    sum += v;
                }
                logR[e][g] = (float) (sum / k);
            }
        }
        double[][] points = new double[grid.length][];
        for (int g = 0; g < grid.length; g++) points[g] = new double[] {grid[g]};
        String name = eventsFile.getFileName().toString();
        new EstimatedLogRatiosFile(
                        name,
                        f.events(),
                        "ratio",
                        "exact",
                        f.parameters(),
                        f.observables(),
                        new double[] {0},
                        points,
                        logR,
                        members)
                .write(out.resolve(name));
    }

    private static double logR(double x, double theta) {
        return (x * x - (x - theta) * (x - theta)) / 10;
    }

    private static FitCli.Result limits(String... more) {
        return limitsOn(GRID, more);
    }

    private static FitCli.Result limitsOn(String grid, String... more) {
        List<String> args = new ArrayList<>(List.of(
                "limits",
                "--method",
                "ratio",
                "--luminosity",
                String.valueOf(LUMINOSITY),
                "--grid=" + grid,
                "--events",
                a.toString(),
                b.toString()));
        args.addAll(List.of(more));
        return FitCli.run(args.toArray(String[]::new));
    }

    /** Where q − q_min crosses χ²_1(c) below and above the minimum, by linear interpolation on the grid. */
    static double[] boundaries(JsonNode json, double confidence) {
        double threshold = new ChiSquaredDistribution(1).inverseCumulativeProbability(confidence);
        double qMin = json.get("q_min").asDouble();
        JsonNode grid = json.get("grid");
        double lower = Double.NaN, upper = Double.NaN;
        for (int g = 1; g < grid.size(); g++) {
            double t0 = grid.get(g - 1).get("theta").get(0).asDouble(),
                    t1 = grid.get(g).get("theta").get(0).asDouble();
            double q0 = grid.get(g - 1).get("q").asDouble() - qMin,
                    q1 = grid.get(g).get("q").asDouble() - qMin;
            double at = t0 + (threshold - q0) / (q1 - q0) * (t1 - t0);
            if (q0 > threshold && q1 <= threshold) lower = at;
            if (q0 <= threshold && q1 > threshold) upper = at;
        }
        return new double[] {lower, upper};
    }

    @Test
    void exactLogRatioGivesTheAnalyticBoundaries() {
        FitCli.Result r = limits("--log-ratios", logRatios.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals("ratio", r.json().get("method").asText());
        assertEquals(LUMINOSITY, r.json().get("expected_events").asDouble(), 1e-9 * LUMINOSITY); // w(θ_t) add up to 1
        for (double c : new double[] {0.6827, 0.95}) {
            double exact = Math.sqrt(5 * new ChiSquaredDistribution(1).inverseCumulativeProbability(c) / LUMINOSITY);
            double[] lu = boundaries(r.json(), c);
            System.out.printf("RatioLimitsTest: %.4f CL [%.5f, %.5f], exact ±%.5f%n", c, lu[0], lu[1], exact);
            // the sample's mean x (σ 0.005 for 2·10^5 events) tilts q by 0.4 N θ x̄: the ends move by about 2%
            assertEquals(-exact, lu[0], 0.04 * exact, c + " lower");
            assertEquals(exact, lu[1], 0.04 * exact, c + " upper");
        }
        JsonNode truth = r.json().get("grid").get(30);
        assertEquals(0, truth.get("theta").get(0).asDouble(), 1e-12);
        assertEquals(0, truth.get("q").asDouble(), 0);
    }

    /**
     * An ensemble of Gaussian models of variances 4 and 6.25: member k's Asimov q is N θ²/v_k (E[x] = 0, E[x² − (x −
     * θ)²] = −θ²), so its boundaries are ±sqrt(v_k χ²_1(c)/N), and their mean log r̂ is the model of 1/v = (1/4 +
     * 1/6.25)/2. Each member's p-values in the ensemble's JSON are those of the same run on that member alone.
     */
    @Test
    void anEnsembleGivesEachMembersOwnLimitsBesideThoseOfItsMean() throws Exception {
        double[] grid = Checks.range("grid", GRID), variances = {4, 6.25};
        Path ensemble = Files.createDirectories(dir.resolve("log-ratios-ensemble"));
        List<Path> alone = new ArrayList<>();
        for (int k = 0; k < 2; k++) alone.add(Files.createDirectories(dir.resolve("log-ratios-member" + k)));
        for (Path p : List.of(a, b)) {
            gaussian(p, grid, ensemble, variances);
            for (int k = 0; k < 2; k++) gaussian(p, grid, alone.get(k), variances[k]);
        }
        FitCli.Result r = limits("--log-ratios", ensemble.toString());
        assertEquals(0, r.code(), r.err());
        JsonNode members = r.json().get("ensemble");
        assertEquals(2, members.get("members").asInt());
        double c = 0.95, chi2 = new ChiSquaredDistribution(1).inverseCumulativeProbability(c);
        double meanVariance = 1 / ((1 / variances[0] + 1 / variances[1]) / 2);
        double[] lu = boundaries(r.json(), c);
        assertEquals(Math.sqrt(meanVariance * chi2 / LUMINOSITY), lu[1], 0.04 * lu[1], "the mean's upper end");
        for (int k = 0; k < 2; k++) {
            FitCli.Result own = limits("--log-ratios", alone.get(k).toString());
            assertEquals(0, own.code(), own.err());
            assertNull(own.json().get("ensemble"));
            JsonNode ownGrid = own.json().get("grid");
            for (int g = 0; g < grid.length; g++)
                assertEquals(
                        ownGrid.get(g).get("p_value").asDouble(),
                        members.get("p_values").get(k).get(g).asDouble(),
                        1e-12,
                        "member " + k + " at grid point " + g);
            double[] ends = boundaries(own.json(), c);
            double exact = Math.sqrt(variances[k] * chi2 / LUMINOSITY);
            System.out.printf("RatioLimitsTest: member %d [%.5f, %.5f], exact ±%.5f%n", k, ends[0], ends[1], exact);
            assertEquals(-exact, ends[0], 0.04 * exact, "member " + k + " lower");
            assertEquals(exact, ends[1], 0.04 * exact, "member " + k + " upper");
        }
    }

    @Test
    void qIsTheDirectSumOverTheEvents() {
        JsonNode grid = limits("--log-ratios", logRatios.toString()).json().get("grid");
        // Σ over both shards, in double: ν(θ) = L Σ w_i(θ), n_i = L w_i(0), the exact log r rounded to float32
        double[] thetas = Checks.range("grid", GRID);
        double nuTrue = 0;
        double[] nu = new double[thetas.length], kin = new double[thetas.length];
        for (Path p : List.of(a, b)) {
            MadMinerEventFile f = MadMinerEventFile.read(p);
            double[][] values = f.benchmarkValues();
            for (int e = 0; e < f.events(); e++) {
                double n = LUMINOSITY * f.weights()[e][0]; // benchmark 0 is the reference θ = 0
                nuTrue += n;
                for (int g = 0; g < thetas.length; g++) {
                    int k = benchmark(values, thetas[g]);
                    nu[g] += LUMINOSITY * f.weights()[e][k];
                    kin[g] += n * (float) logR(f.observations()[e][0], thetas[g]);
                }
            }
        }
        for (int g = 0; g < thetas.length; g++) {
            double direct = 2 * (nu[g] - nuTrue) - 2 * nuTrue * Math.log(nu[g] / nuTrue) - 2 * (kin[g] - kin[30]);
            double q = grid.get(g).get("q").asDouble();
            assertEquals(direct, q, 1e-8 * Math.max(1, Math.abs(direct)), "θ = " + thetas[g]);
        }
    }

    private static int benchmark(double[][] values, double theta) {
        for (int k = 0; k < values.length; k++) if (Math.abs(values[k][0] - theta) < 1e-9) return k;
        throw new AssertionError("no benchmark at " + theta);
    }

    @Test
    void badInputIsRefusedNamingTheProblem() throws Exception {
        // log-ratios at another grid
        FitCli.Result r = limits("--log-ratios", otherGrid.toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("grid/points") && r.err().contains("31 grid points"), r.err());
        // the truth is no grid point (but a benchmark: the events have its weights)
        r = limitsOn("-0.6:-0.02:30", "--log-ratios", logRatios.toString(), "--theta-true", "0");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("--theta-true") && r.err().contains("no point of --grid"), r.err());
        // the log-ratios of other events: shard 1's file under shard 0's name
        Path swapped = Files.createDirectories(dir.resolve("swapped"));
        Files.copy(logRatios.resolve(b.getFileName()), swapped.resolve(a.getFileName()));
        Files.copy(logRatios.resolve(a.getFileName()), swapped.resolve(b.getFileName()));
        r = limits("--log-ratios", swapped.toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("events_file") && r.err().contains("not of"), r.err());
        // a directory without the shard's file
        r = limits("--log-ratios", dir.toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("gauss_shard00000.h5"), r.err());
        // scores instead of log-ratios, or no log-ratios at all
        r = limits("--log-ratios", logRatios.toString(), "--scores", logRatios.toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("--scores"), r.err());
        r = limits();
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("--log-ratios"), r.err());
        r = limits("--log-ratios", logRatios.toString(), "--toys", "10");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("--toys"), r.err());
        // --log-ratios with the histogram methods
        r = FitCli.run(
                "limits",
                "--method",
                "sally",
                "--luminosity",
                "100",
                "--grid=" + GRID,
                "--events",
                a.toString(),
                "--scores",
                dir.toString(),
                "--log-ratios",
                logRatios.toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("--log-ratios belongs to --method ratio"), r.err());
        // a file of another format under the shard's name
        Path wrongFormat = Files.createDirectories(dir.resolve("wrong-format"));
        Files.copy(a, wrongFormat.resolve(a.getFileName()));
        r = limits("--log-ratios", wrongFormat.toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("estimated_log_ratios"), r.err());
        assertNull(r.json());
    }

    @Test
    void theFileRoundTripsAndRefusesAWrongShape() throws Exception {
        EstimatedLogRatiosFile f = EstimatedLogRatiosFile.read(logRatios.resolve(a.getFileName()));
        assertEquals(120_000, f.logR().length);
        assertEquals(61, f.grid().length);
        assertEquals((float) logR(MadMinerEventFile.read(a).observations()[7][0], f.grid()[3][0]), f.logR()[7][3]);
        Path bad = dir.resolve("bad.h5");
        new EstimatedLogRatiosFile(
                        "x.h5",
                        3,
                        "ratio",
                        "alices",
                        f.parameters(),
                        f.observables(),
                        f.theta1(),
                        f.grid(),
                        Arrays.copyOf(f.logR(), 2),
                        null)
                .write(bad);
        var e = org.junit.jupiter.api.Assertions.assertThrows(
                org.infera.core.cli.InputException.class, () -> EstimatedLogRatiosFile.read(bad));
        assertTrue(e.getMessage().contains("log_r") && e.getMessage().contains("2 rows"), e.getMessage());
    }
}
