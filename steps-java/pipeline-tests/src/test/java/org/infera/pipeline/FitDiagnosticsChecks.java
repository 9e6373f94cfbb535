package org.infera.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The fit diagnostics a binned run publishes (diagnostics/<statistic>/bm<k>/): present and sane. */
final class FitDiagnosticsChecks {
    private FitDiagnosticsChecks() {}

    static void check(Path results, List<String> statistics, int benchmarks) throws Exception {
        ObjectMapper json = new ObjectMapper();
        for (String statistic : statistics) {
            for (int b = 0; b < benchmarks; b++) {
                Path dir = results.resolve("diagnostics/" + statistic + "/bm" + b);
                String where = statistic + " BM" + b;
                JsonNode summary = json.readTree(dir.resolve("summary.json").toFile());
                assertEquals("pseudo-data", summary.get("data").asText(), where);
                assertTrue(summary.get("converged").asBoolean(), where);
                JsonNode gof = summary.get("gof");
                double q = gof.get("q").asDouble(), p = gof.get("p_value").asDouble();
                // one pseudo-dataset: q > 0 (not Asimov), and not absurd for its degrees of freedom
                assertTrue(q > 0 && q < 10 * gof.get("ndof").asInt() + 30, where + " q " + q);
                assertTrue(p > 0 && p <= 1, where + " p " + p);
                JsonNode impacts =
                        json.readTree(dir.resolve("impacts/impacts.json").toFile());
                int nuisances = summary.get("nuisances").asInt();
                assertEquals(nuisances, impacts.get("impacts").size(), where);
                if (b > 0) assertTrue(nuisances > 0, where + ": benchmarks 1-4 float nuisances");
                for (JsonNode row :
                        json.readTree(dir.resolve("pulls/pulls.json").toFile()).get("parameters")) {
                    if (!row.has("pull")) continue;
                    assertTrue(Math.abs(row.get("pull").asDouble()) < 6, where + " " + row);
                    double ratio = row.get("constraint_ratio").asDouble();
                    assertTrue(ratio > 0 && ratio < 1.01, where + " " + row);
                }
                List<String> yields = Files.readAllLines(dir.resolve("yields/yields.csv"));
                assertEquals("stage,channel,bin,sample,yield,error", yields.get(0), where);
                for (String f : List.of(
                        "pulls/pulls.png",
                        "impacts/ranking.png",
                        "yields/postfit.png",
                        "correlations/correlations.png"))
                    assertTrue(Files.size(dir.resolve(f)) > 1000, where + " " + f);
                if (nuisances > 0) assertTrue(Files.size(dir.resolve("scan2d/scan2d.png")) > 1000, where);
            }
        }
        assertTrue(Files.readString(results.resolve("README.md")).contains("diagnostics/"));
    }
}
