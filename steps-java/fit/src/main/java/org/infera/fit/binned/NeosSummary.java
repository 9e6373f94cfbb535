package org.infera.fit.binned;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.infera.core.histfactory.infer.AsymptoticCalculator;
import org.infera.core.plot.Png;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The neos comparison, when the statistics include a neos network (neos_bm&lt;k&gt;) and the
 * classifier: the expected CLs of each at the tested μ on benchmark k (medians over replicas) in
 * summary.json (keys "neos" and "classifier") and summary.md, and their expected CLs against μ in
 * cls.png. The pipeline publishes them in results/neos/.
 */
final class NeosSummary {
    private static final Pattern NEOS = Pattern.compile("neos_bm(\\d+)");

    private NeosSummary() {}

    /** Whether the rows have a neos statistic on its own benchmark and the classifier there. */
    static boolean applies(List<ReplicaSummary> rows) {
        ReplicaSummary neos = neos(rows);
        return neos != null && classifier(rows, neos.benchmark()) != null;
    }

    private static ReplicaSummary neos(List<ReplicaSummary> rows) {
        for (ReplicaSummary r : rows) {
            Matcher m = NEOS.matcher(r.statistic());
            if (m.matches() && r.benchmark() == Integer.parseInt(m.group(1))) return r;
        }
        return null;
    }

    private static ReplicaSummary classifier(List<ReplicaSummary> rows, int benchmark) {
        for (ReplicaSummary r : rows) if (r.statistic().equals("classifier") && r.benchmark() == benchmark) return r;
        return null;
    }

    static void write(Path dir, List<ReplicaSummary> rows, double mu) throws IOException {
        Files.createDirectories(dir);
        ReplicaSummary neos = neos(rows);
        int benchmark = neos.benchmark();
        ReplicaSummary classifier = classifier(rows, benchmark);
        if (classifier == null) return;

        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = json.createObjectNode();
        root.put("neos", neos.medianExpectedCls());
        root.put("classifier", classifier.medianExpectedCls());
        root.put("mu", mu);
        root.put("benchmark", benchmark);
        root.put("neos_statistic", neos.statistic());
        root.put("replicas", neos.replicas().size());
        root.put(
                "definition",
                "expected CLs (q̃, asymptotic) at mu on background-only Asimov data, nuisances profiled; median over "
                        + "replicas");
        json.writeValue(dir.resolve("summary.json").toFile(), root);
        Files.writeString(
                dir.resolve("summary.md"),
                String.format(
                        """
                # neos against the classifier

                Expected CLs of μ = %s on background-only Asimov data (q̃, asymptotic), nuisances profiled, \
                benchmark %d,
                the same bins for both; median over %d replicas (range in brackets).

                | statistic | expected CLs | σ_Fisher of s | expected 95%% CL limit on s |
                | --- | --- | --- | --- |
                %s
                %s
                """,
                        mu, benchmark, neos.replicas().size(), row(neos), row(classifier)));
        plot(dir.resolve("cls.png"), List.of(classifier, neos), mu);
    }

    private static String row(ReplicaSummary r) {
        double lo = r.replicas().stream()
                .mapToDouble(BenchmarkResult::expectedCls)
                .min()
                .orElseThrow();
        double hi = r.replicas().stream()
                .mapToDouble(BenchmarkResult::expectedCls)
                .max()
                .orElseThrow();
        double[] limits = r.medianExpectedLimits();
        return String.format(
                "| %s | %.4g (%.3g – %.3g) | %.3f | %.3f |",
                r.statistic(),
                r.medianExpectedCls(),
                lo,
                hi,
                r.medianSigmaFisher(),
                limits.length > 2 ? limits[2] : Double.NaN);
    }

    /** Expected CLs against μ (representative replica of each), log scale, with the 0.05 line. */
    private static void plot(Path png, List<ReplicaSummary> rows, double mu) {
        XYChart chart = new XYChartBuilder()
                .width(Png.WIDTH)
                .height(Png.HEIGHT)
                .title("expected CLs (background-only Asimov data), nuisances profiled")
                .xAxisTitle("signal strength μ")
                .yAxisTitle("expected CLs")
                .build();
        Png.style(chart.getStyler());
        chart.getStyler().setYAxisLogarithmic(true);
        chart.getStyler().setXAxisDecimalPattern("0.##");
        double top = 2 * mu;
        int n = 40;
        double floor = 1;
        Color[] colours = {new Color(31, 119, 180), new Color(214, 39, 40)};
        for (int k = 0; k < rows.size(); k++) {
            BenchmarkResult r = rows.get(k).representative();
            AsymptoticCalculator calc =
                    BenchmarkEvaluation.backgroundOnly(BenchmarkEvaluation.model(r.workspace(), r.statistic()));
            List<Double> x = new ArrayList<>(), y = new ArrayList<>();
            for (int i = 1; i <= n; i++) {
                double m = top * i / n;
                double cls = calc.hypotest(m).cls();
                if (!(cls > 0)) continue;
                x.add(m);
                y.add(cls);
                floor = Math.min(floor, cls);
            }
            XYSeries s = chart.addSeries(rows.get(k).statistic(), x, y);
            s.setMarker(SeriesMarkers.NONE);
            s.setLineColor(colours[k % colours.length]);
        }
        XYSeries level = chart.addSeries("CLs = 0.05", new double[] {0, top}, new double[] {0.05, 0.05});
        level.setMarker(SeriesMarkers.NONE);
        level.setLineColor(Color.GRAY);
        chart.getStyler().setYAxisMin(Math.max(1e-300, floor / 2));
        chart.getStyler().setYAxisMax(1.0);
        Png.write(chart, png);
    }
}
