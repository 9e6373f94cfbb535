package org.infera.fit.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.hipparchus.distribution.continuous.ChiSquaredDistribution;
import org.infera.core.cli.StepMain;
import org.infera.fit.FitCli;
import org.infera.fit.FitCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The summary of replicas with known Fisher matrices, and limits whose p-values come from the exact
 * quadratic q(θ) = θᵀ I θ: the 95% slice must then be the Fisher half-width sqrt(χ²₀.₉₅ / I_pp), to the
 * grid's resolution.
 */
class SallySummaryCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void mediansOverReplicasAndLimitSlicesMatchTheFisherEllipse() throws Exception {
        double[] scale = {1.0, 1.2, 0.9}; // three replicas: I scaled, so the median is the first
        java.util.List<String> list = new java.util.ArrayList<>(java.util.List.of("--fisher"));
        for (int r = 0; r < 3; r++) {
            Path d = dir.resolve("fisher_r" + r);
            Files.createDirectories(d);
            write(d.resolve("truth.json"), "truth", 300 * scale[r], 80 * scale[r]);
            write(d.resolve("rate.json"), "rate", 30 * scale[r], 1 * scale[r]);
            write(d.resolve("sally.json"), "sally", 270 * scale[r], 64 * scale[r]);
            list.add(d.toString());
        }
        list.add("--limits");
        for (int r = 0; r < 3; r++) {
            Path l = dir.resolve("limits_r" + r + ".json");
            writeLimits(l, 270 * scale[r], 64 * scale[r]);
            list.add(l.toString());
        }
        list.add("-o");
        list.add(dir.resolve("out").toString());
        assertEquals(0, StepMain.execute(new FitCommand(), prepend("sally-summary", list)));

        JsonNode summary = JSON.readTree(dir.resolve("out/summary.json").toFile());
        // σ = 1/sqrt(I) for a diagonal I; the median replica is the unscaled one
        assertEquals(
                1 / Math.sqrt(300),
                summary.at("/cramer_rao_sigma/truth/theta1/0").asDouble(),
                1e-12);
        assertEquals(
                1 / Math.sqrt(300 * 1.2),
                summary.at("/cramer_rao_sigma/truth/theta1/1").asDouble(),
                1e-12,
                "min: the largest I");
        assertEquals(
                1 / Math.sqrt(64),
                summary.at("/cramer_rao_sigma/sally/theta2/0").asDouble(),
                1e-12);
        double level = new ChiSquaredDistribution(2).inverseCumulativeProbability(0.95);
        double[] information = {270, 64};
        String[] names = {"theta1", "theta2"};
        for (int p = 0; p < 2; p++) {
            double half = Math.sqrt(level / information[p]);
            assertEquals(
                    half,
                    summary.at("/limits/" + names[p] + "/fisher_half_width_sally")
                            .asDouble(),
                    1e-12);
            double lo = summary.at("/limits/" + names[p] + "/histogram_slice/0").asDouble();
            double hi = summary.at("/limits/" + names[p] + "/histogram_slice/1").asDouble();
            assertEquals(-half, lo, 0.005, names[p] + ": interpolated between grid points 0.02 apart");
            assertEquals(half, hi, 0.005, names[p]);
        }
        String md = Files.readString(dir.resolve("out/summary.md"));
        assertTrue(md.contains("| SALLY (kinematics + rate) |"), md);
        assertTrue(Files.readString(dir.resolve("out/summary.csv")).startsWith("mode,parameter,sigma_median"));
    }

    /**
     * Replicas whose SALLY information comes from ensembles: the summary reports the median over replicas of the
     * members' spread beside the median information and σ; a replica without an ensemble among ensembles is refused.
     */
    @Test
    void ensembleSpreadIsReportedAsTheTrainingUncertainty() throws Exception {
        double[][] spread = {{5, 0.002}, {3, 0.001}, {9, 0.004}}; // per replica: std of I_11, of σ(theta1)
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("sally-summary", "--fisher"));
        for (int r = 0; r < 3; r++) {
            Path d = Files.createDirectories(dir.resolve("fisher_r" + r));
            write(d.resolve("truth.json"), "truth", 300, 80);
            write(d.resolve("rate.json"), "rate", 30, 1);
            write(d.resolve("sally.json"), "sally", 270, 64);
            ObjectNode sally =
                    (ObjectNode) JSON.readTree(d.resolve("sally.json").toFile());
            ObjectNode e = sally.putObject("ensemble").put("members", 3);
            e.putArray("fisher_std")
                    .add(JSON.createArrayNode().add(spread[r][0]).add(0.5))
                    .add(JSON.createArrayNode().add(0.5).add(2 * spread[r][0]));
            e.putArray("sigma_std").add(spread[r][1]).add(2 * spread[r][1]);
            JSON.writeValue(d.resolve("sally.json").toFile(), sally);
            args.add(d.toString());
        }
        args.addAll(java.util.List.of("-o", dir.resolve("out").toString()));
        assertEquals(0, StepMain.execute(new FitCommand(), args.toArray(String[]::new)));
        JsonNode summary = JSON.readTree(dir.resolve("out/summary.json").toFile());
        assertEquals(3, summary.at("/ensemble/members").asInt());
        assertEquals(5, summary.at("/ensemble/information_std/theta1").asDouble(), 0); // median of 5, 3, 9
        assertEquals(10, summary.at("/ensemble/information_std/theta2").asDouble(), 0);
        assertEquals(0.002, summary.at("/ensemble/sigma_std/theta1").asDouble(), 0);
        String md = Files.readString(dir.resolve("out/summary.md"));
        assertTrue(md.contains("| theta1 | 270.0 ± 5.0 | 0.06086 ± 0.0020 |"), md); // σ = 1/sqrt(270)
        assertTrue(Files.readString(dir.resolve("out/summary.csv"))
                .contains("sally_training_std,theta1,0.002,0.001,0.004,5.0"));
        // one replica scored by a single network among ensembles
        write(dir.resolve("fisher_r2/sally.json"), "sally", 270, 64);
        assertEquals(
                2, StepMain.execute(new FitCommand(), args.toArray(String[]::new)), "a replica without its ensemble");
    }

    @Test
    void withoutFisherInformationTheLimitsAloneGiveTheTable() throws Exception {
        // a simulator that is not morphable (the Gaussian toy): no fisher_r<k>, the run's parameters from its limits
        Path l0 = dir.resolve("limits_r0.json"), l1 = dir.resolve("limits_r1.json");
        writeLimits(l0, 270, 64);
        writeLimits(l1, 300, 80);
        Path out = dir.resolve("out");
        assertEquals(
                0,
                StepMain.execute(
                        new FitCommand(),
                        "sally-summary",
                        "--limits",
                        l0.toString(),
                        l1.toString(),
                        "-o",
                        out.toString()));
        JsonNode summary = JSON.readTree(out.resolve("summary.json").toFile());
        assertEquals(2, summary.get("replicas").asInt());
        assertTrue(summary.path("cramer_rao_sigma").isMissingNode());
        assertFalse(summary.at("/limits/theta1").has("fisher_half_width_sally"));
        // the median of the two replicas' slices, each sqrt(χ²₀.₉₅ / I11) from its exact quadratic q
        double level = new ChiSquaredDistribution(2).inverseCumulativeProbability(0.95);
        double median = (Math.sqrt(level / 270) + Math.sqrt(level / 300)) / 2;
        assertEquals(median, summary.at("/limits/theta1/histogram_slice/1").asDouble(), 0.005);
        String md = Files.readString(out.resolve("summary.md"));
        assertTrue(md.contains("No Fisher information"), md);
        assertFalse(md.contains("Fisher approximation"), md);
    }

    @Test
    void ratioLimitsAreAColumnBesideSallys() throws Exception {
        // SALLY's exact quadratic q and a learned r̂'s q with its minimum off the truth: q = I (θ1 − 0.02)² − I 0.02²,
        // negative near the truth, p-values of q − min q; the slice is 0.02 ± sqrt(χ²₀.₉₅ / I)
        Path sally = dir.resolve("ratio-case/limits_r0.json"), ratio = dir.resolve("ratio-case/limits_ratio_r0.json");
        Files.createDirectories(sally.getParent());
        writeLimits(sally, 270, 64);
        ObjectNode node = ratioLimits(270, 0.02);
        JSON.writeValue(ratio.toFile(), node);
        Path out = dir.resolve("ratio-case/out");
        assertEquals(
                0,
                StepMain.execute(
                        new FitCommand(),
                        "sally-summary",
                        "--limits",
                        sally.toString(),
                        ratio.toString(),
                        "-o",
                        out.toString()));
        JsonNode summary = JSON.readTree(out.resolve("summary.json").toFile());
        double half = Math.sqrt(new ChiSquaredDistribution(2).inverseCumulativeProbability(0.95) / 270);
        assertEquals(half, summary.at("/limits/theta1/histogram_slice/1").asDouble(), 0.005);
        assertEquals(0.02 + half, summary.at("/limits/theta1/ratio_slice/1").asDouble(), 0.005);
        assertEquals(0.02 - half, summary.at("/limits/theta1/ratio_slice/0").asDouble(), 0.005);
        String md = Files.readString(out.resolve("summary.md"));
        assertTrue(md.contains("RATIO: slice"), md);
    }

    @Test
    void ratioEnsembleSpreadIsTheStandardDeviationOfItsMembersSlices() throws Exception {
        // two replicas, each an ensemble of three whose members' q = I_k θ1² + 64 θ2²: member k's slice along θ1
        // ends at ±sqrt(χ²₀.₉₅ / I_k), and the summary gives the median over replicas of their spread over members
        double[][] informations = {{200, 270, 360}, {240, 270, 300}};
        double level = new ChiSquaredDistribution(2).inverseCumulativeProbability(0.95);
        List<String> args = new ArrayList<>(List.of("sally-summary", "--limits"));
        double[] spread = new double[2];
        for (int r = 0; r < 2; r++) {
            Path file = dir.resolve("ratio-ensemble/limits_ratio_r" + r + ".json");
            Files.createDirectories(file.getParent());
            ObjectNode node = ratioLimits(270, 0);
            ObjectNode ensemble = node.putObject("ensemble").put("members", 3);
            ArrayNode pValues = ensemble.putArray("p_values");
            double[] ends = new double[3];
            for (int k = 0; k < 3; k++) {
                ArrayNode row = pValues.addArray();
                for (JsonNode point : ratioLimits(informations[r][k], 0).get("grid")) row.add(point.get("p_value"));
                ends[k] = Math.sqrt(level / informations[r][k]);
            }
            double mean = (ends[0] + ends[1] + ends[2]) / 3, squares = 0;
            for (double e : ends) squares += (e - mean) * (e - mean);
            spread[r] = Math.sqrt(squares / 2);
            JSON.writeValue(file.toFile(), node);
            args.add(file.toString());
        }
        Path out = dir.resolve("ratio-ensemble/out");
        args.addAll(List.of("-o", out.toString()));
        assertEquals(0, StepMain.execute(new FitCommand(), args.toArray(String[]::new)));
        JsonNode summary = JSON.readTree(out.resolve("summary.json").toFile());
        assertEquals(3, summary.at("/ratio_ensemble/members").asInt());
        double median = (spread[0] + spread[1]) / 2;
        System.out.printf("ratio ensemble: spread of the slices' ends %.5f, %.5f%n", spread[0], spread[1]);
        assertEquals(median, summary.at("/ratio_ensemble/slice_std/theta1/1").asDouble(), 0.05 * median);
        assertEquals(median, summary.at("/ratio_ensemble/slice_std/theta1/0").asDouble(), 0.05 * median);
        assertEquals(0, summary.at("/ratio_ensemble/slice_std/theta2/1").asDouble(), 1e-9); // the same I22 = 64
        assertTrue(Files.readString(out.resolve("summary.md")).contains("Training uncertainty of RATIO"));
        assertTrue(Files.readString(out.resolve("summary.csv")).contains("ratio_slice_hi_training_std,theta1,"));
    }

    @Test
    void ratioEnsembleSpreadIsUndefinedWhereAMembersRegionReachesTheGridsEdge() throws Exception {
        // member 2's I11 = 4 puts its θ1 ends at ±sqrt(χ²₀.₉₅ / 4) = ±1.22, beyond the grid's ±1: no spread of θ1's
        // ends (null, n/a, empty); θ2's I22 = 64 is every member's, so its spread is 0
        Path file = dir.resolve("ratio-edge/limits_ratio_r0.json");
        Files.createDirectories(file.getParent());
        ObjectNode node = ratioLimits(270, 0);
        ArrayNode pValues = node.putObject("ensemble").put("members", 3).putArray("p_values");
        for (double i11 : new double[] {200, 270, 4}) {
            ArrayNode row = pValues.addArray();
            for (JsonNode point : ratioLimits(i11, 0).get("grid")) row.add(point.get("p_value"));
        }
        JSON.writeValue(file.toFile(), node);
        Path out = dir.resolve("ratio-edge/out");
        FitCli.Result r = FitCli.run("sally-summary", "--limits", file.toString(), "-o", out.toString());
        assertEquals(0, r.code(), r.err());
        JsonNode summary = JSON.readTree(out.resolve("summary.json").toFile());
        assertTrue(summary.at("/ratio_ensemble/slice_std/theta1/0").isNull(), summary.toString());
        assertTrue(summary.at("/ratio_ensemble/slice_std/theta1/1").isNull(), summary.toString());
        assertEquals(0, summary.at("/ratio_ensemble/slice_std/theta2/1").asDouble(), 1e-9);
        assertTrue(Files.readString(out.resolve("summary.md")).contains("± n/a"));
        assertTrue(Files.readString(out.resolve("summary.csv")).contains("ratio_slice_lo_training_std,theta1,,,,"));
    }

    @Test
    void ratioLimitsFromOneNetworkBesideAnEnsembleAreRefused() throws Exception {
        Path one = dir.resolve("ratio-mixed/limits_ratio_r0.json"),
                two = dir.resolve("ratio-mixed/limits_ratio_r1.json");
        Files.createDirectories(one.getParent());
        JSON.writeValue(one.toFile(), ratioLimits(270, 0));
        ObjectNode node = ratioLimits(270, 0);
        ArrayNode pValues = node.putObject("ensemble").put("members", 2).putArray("p_values");
        for (int k = 0; k < 2; k++) {
            ArrayNode row = pValues.addArray();
            for (JsonNode point : ratioLimits(270 + k, 0).get("grid")) row.add(point.get("p_value"));
        }
        JSON.writeValue(two.toFile(), node);
        FitCli.Result r = FitCli.run(
                "sally-summary",
                "--limits",
                one.toString(),
                two.toString(),
                "-o",
                dir.resolve("ratio-mixed/out").toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("$.ensemble.members") && r.err().contains("one network"), r.err());
        assertFalse(Files.exists(dir.resolve("ratio-mixed/out")));
    }

    @Test
    void badInputExitsTwoAndWritesNothing() throws Exception {
        Path d = dir.resolve("fisher_r0");
        Files.createDirectories(d);
        write(d.resolve("truth.json"), "truth", 1, 1);
        write(d.resolve("rate.json"), "rate", 1, 1);
        Files.writeString(d.resolve("sally.json"), "{ not json");
        Path out = dir.resolve("out");
        assertEquals(
                2, StepMain.execute(new FitCommand(), "sally-summary", "--fisher", d.toString(), "-o", out.toString()));
        write(d.resolve("sally.json"), "truth", 1, 1); // the wrong mode in the sally file
        assertEquals(
                2, StepMain.execute(new FitCommand(), "sally-summary", "--fisher", d.toString(), "-o", out.toString()));
        assertEquals(
                2,
                StepMain.execute(
                        new FitCommand(),
                        "sally-summary",
                        "--fisher",
                        dir.resolve("missing").toString(),
                        "-o",
                        out.toString()));
        assertFalse(Files.exists(out.resolve("summary.md")));
    }

    private static String[] prepend(String first, java.util.List<String> rest) {
        java.util.List<String> all = new java.util.ArrayList<>();
        all.add(first);
        all.addAll(rest);
        return all.toArray(new String[0]);
    }

    private static void write(Path file, String mode, double i11, double i22) throws Exception {
        ObjectNode node = JSON.createObjectNode();
        node.put("mode", mode).put("luminosity", 100);
        node.putArray("theta").add(0).add(0);
        node.putArray("parameters").add("theta1").add("theta2");
        node.putArray("sigma").add(1 / Math.sqrt(i11)).add(1 / Math.sqrt(i22));
        ArrayNode f = node.putArray("fisher");
        f.addArray().add(i11).add(0);
        f.addArray().add(0).add(i22);
        JSON.writeValue(file.toFile(), node);
    }

    /** p-values over a grid of step 0.02 in [−1, 1]², from q = I11 θ1² + I22 θ2² and χ² with 2 degrees of freedom. */
    private static void writeLimits(Path file, double i11, double i22) throws Exception {
        ChiSquaredDistribution chi2 = new ChiSquaredDistribution(2);
        ObjectNode node = JSON.createObjectNode();
        node.putArray("parameters").add("theta1").add("theta2");
        node.putArray("theta_true").add(0).add(0);
        node.put("luminosity", 100).put("bins", 25);
        ArrayNode grid = node.putArray("grid");
        for (int a = 0; a <= 100; a++) {
            for (int b = 0; b <= 100; b++) {
                double t1 = -1 + 0.02 * a, t2 = -1 + 0.02 * b;
                ObjectNode point = grid.addObject();
                point.putArray("theta").add(t1).add(t2);
                point.put("q", i11 * t1 * t1 + i22 * t2 * t2);
                point.put("p_value", 1 - chi2.cumulativeProbability(i11 * t1 * t1 + i22 * t2 * t2));
            }
        }
        JSON.writeValue(file.toFile(), node);
    }

    /**
     * A learned r̂'s limits JSON: q = I11 (θ1 − shift)² + 64 θ2² − I11 shift² over the grid of step 0.02, p-values of
     * q − min q.
     */
    private static ObjectNode ratioLimits(double i11, double shift) {
        ChiSquaredDistribution chi2 = new ChiSquaredDistribution(2);
        ObjectNode node = JSON.createObjectNode();
        node.putArray("parameters").add("theta1").add("theta2");
        node.putArray("theta_true").add(0).add(0);
        node.put("luminosity", 100).put("method", "ratio").put("estimator", "alices");
        node.put("expected_events", 100).put("q_min", -i11 * shift * shift);
        node.putArray("best_fit").add(shift).add(0);
        ArrayNode grid = node.putArray("grid");
        for (int a = 0; a <= 100; a++) {
            for (int b = 0; b <= 100; b++) {
                double t1 = -1 + 0.02 * a, t2 = -1 + 0.02 * b;
                double shifted = i11 * (t1 - shift) * (t1 - shift) + 64 * t2 * t2;
                ObjectNode point = grid.addObject();
                point.putArray("theta").add(t1).add(t2);
                point.put("q", shifted - i11 * shift * shift);
                point.put("p_value", 1 - chi2.cumulativeProbability(shifted));
            }
        }
        return node;
    }
}
