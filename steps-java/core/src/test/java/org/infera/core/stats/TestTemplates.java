package org.infera.core.stats;

import java.util.List;
import org.infera.core.data.TemplatesFile;

/** Small templates with known content for the statistics tests. */
final class TestTemplates {
    private TestTemplates() {}

    /** Three bins, signal and background, one shape nuisance "r" on the background (nominal 0, ±0.2). */
    static TemplatesFile threeBins() {
        double[][] nominal = {{5, 15, 30}, {600, 300, 100}};
        double[] up = {560, 320, 120};
        double[] down = {650, 270, 80};
        return new TemplatesFile("test", new double[] {0, 1, 2, 3}, new String[] {"signal", "background"}, new long[] {1, 0},
                nominal, new long[][] {{5, 15, 30}, {600, 300, 100}},
                List.of(new TemplatesFile.NuisanceTemplate("r", 1, 0, 0.2, -0.2, up, down)));
    }

    static Constraints floatAll(BinnedModel m, double rWidth) {
        boolean[] floating = new boolean[m.parameters()];
        java.util.Arrays.fill(floating, true);
        double[] width = new double[m.parameters()];
        width[m.index("r")] = rWidth;
        return new Constraints(floating, width);
    }
}
