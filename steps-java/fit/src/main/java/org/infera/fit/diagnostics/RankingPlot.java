package org.infera.fit.diagnostics;

import java.awt.Color;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.infera.core.plot.Png;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;

/**
 * The impact ranking, as cabinetry and Combine draw it, turned on its side: the top nuisances by |post-fit impact|
 * along x, their POI shifts for +σ and −σ as bars (pre-fit light, post-fit dark) in the upper panel, and beneath
 * them their pulls with σ_postfit/σ_prefit bars over the ±1σ/±2σ bands.
 */
final class RankingPlot {
    private static final Color UP = new Color(214, 39, 40), DOWN = new Color(31, 119, 180);
    private static final Color UP_PRE = new Color(244, 170, 170), DOWN_PRE = new Color(165, 200, 230);

    private RankingPlot() {}

    static void write(Path png, ImpactsFile.Document d, int top) {
        List<Impacts.Row> ranked = d.impacts().stream()
                .map(ImpactsFile.Entry::row)
                .sorted(Comparator.comparingDouble(Impacts.Row::rank).reversed())
                .limit(top)
                .toList();
        List<String> names = ranked.stream().map(Impacts.Row::name).toList();
        CategoryChart impacts = new CategoryChartBuilder()
                .width(PullPlot.width(names.size()))
                .height(Png.HEIGHT)
                .title("impacts on " + d.poi() + " (top " + names.size() + " by |post-fit impact|)")
                .yAxisTitle("Δ" + d.poi())
                .build();
        Png.style(impacts.getStyler());
        impacts.getStyler().setOverlapped(true);
        impacts.getStyler().setXAxisLabelRotation(90);
        impacts.getStyler().setPlotGridLinesVisible(true);
        List<String> categories = names.isEmpty() ? List.of("(none)") : names;
        bars(impacts, "pre-fit +σ", categories, ranked, Impacts.Row::prefitUp, UP_PRE);
        bars(impacts, "pre-fit −σ", categories, ranked, Impacts.Row::prefitDown, DOWN_PRE);
        bars(impacts, "post-fit +σ", categories, ranked, Impacts.Row::postfitUp, UP);
        bars(impacts, "post-fit −σ", categories, ranked, Impacts.Row::postfitDown, DOWN);
        CategoryChart pulls = PullPlot.panel(
                "pulls (θ̂ − θ₀)/σ_prefit",
                names,
                ranked.stream().mapToDouble(Impacts.Row::pull).toArray(),
                ranked.stream().mapToDouble(Impacts.Row::constraintRatio).toArray());
        Png.write(List.of(impacts, pulls), 2, 1, png);
    }

    private static void bars(
            CategoryChart c,
            String name,
            List<String> categories,
            List<Impacts.Row> ranked,
            ToDoubleFunction<Impacts.Row> value,
            Color color) {
        double[] y = new double[categories.size()];
        for (int i = 0; i < ranked.size(); i++) {
            double v = value.applyAsDouble(ranked.get(i));
            y[i] = Double.isFinite(v) ? v : 0;
        }
        CategorySeries s = c.addSeries(name, categories, PullPlot.box(y));
        s.setChartCategorySeriesRenderStyle(CategorySeries.CategorySeriesRenderStyle.Bar);
        s.setFillColor(color);
    }
}
