package org.infera.core.histfactory;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.infera.core.histfactory.model.Dataset;
import org.infera.core.histfactory.model.Model;
import org.infera.core.histfactory.model.ModelBuilder;
import org.infera.core.histfactory.model.PseudoData;
import org.infera.core.histfactory.spec.Workspace;
import org.infera.core.histfactory.spec.WorkspaceReader;
import org.infera.core.random.Rng;
import org.junit.jupiter.api.Test;

/**
 * Toys of pyhf's README example at μ = 1 (s = 12, 11; b = 50, 52; shapesys uncertainties 3, 7): the main bins
 * are Poisson(s + b), and the shapesys auxiliary data Poisson(γτ) with τ = (b/δ)², so at γ = 1 their means
 * are 277.78 and 55.18, written out here from pyhf's definition of the constraint.
 */
class PseudoDataTest {
    @Test
    void momentsFollowTheMainAndAuxiliaryDistributions() throws Exception {
        Workspace w = PyhfReadmeTest.workspace();
        Model m = ModelBuilder.build(w, null, "pyhf-readme.json");
        double[] theta = m.inits(); // μ = 1, γ = 1
        PseudoData toys = new PseudoData(m, theta);
        Rng rng = new Rng(11);
        int n = 100_000;
        double[] expected = {62, 63, 50.0 * 50 / 9, 52.0 * 52 / 49};
        double[] sum = new double[4], sum2 = new double[4];
        for (int i = 0; i < n; i++) {
            Dataset d = toys.sample(rng);
            double[] x = {d.main()[0], d.main()[1], d.aux()[0], d.aux()[1]};
            for (int j = 0; j < 4; j++) {
                assertEquals(Math.rint(x[j]), x[j], "counts are integers");
                sum[j] += x[j];
                sum2[j] += x[j] * x[j];
            }
        }
        for (int j = 0; j < 4; j++) {
            double mean = sum[j] / n, var = sum2[j] / n - mean * mean;
            assertEquals(expected[j], mean, 5 * Math.sqrt(expected[j] / n), "mean of entry " + j);
            assertEquals(expected[j], var, 5 * expected[j] * Math.sqrt(2.0 / n), "variance of entry " + j);
        }
    }

    @Test
    void gaussianConstraintsScatterAroundTheTruthBySigma() throws Exception {
        Workspace w = WorkspaceReader.parse(TestWorkspaces.ALL_MODIFIERS, "all.json");
        Model m = ModelBuilder.build(w, null, "all.json");
        double[] theta = m.inits();
        int lumi = m.parameterNames().indexOf("lumi");
        theta[lumi] = 1.1;
        PseudoData toys = new PseudoData(m, theta);
        int k = m.constraintIndex(lumi);
        Rng rng = new Rng(3);
        int n = 100_000;
        double s = 0, s2 = 0;
        for (int i = 0; i < n; i++) {
            double a = toys.sample(rng).aux()[k];
            s += a;
            s2 += a * a;
        }
        double mean = s / n, sd = Math.sqrt(s2 / n - mean * mean);
        assertEquals(1.1, mean, 5 * 0.02 / Math.sqrt(n));
        assertEquals(0.02, sd, 5 * 0.02 / Math.sqrt(2.0 * n));
    }

    @Test
    void oneSeedOneToy() throws Exception {
        Model m = ModelBuilder.build(PyhfReadmeTest.workspace(), null, "pyhf-readme.json");
        PseudoData toys = new PseudoData(m, m.inits());
        Dataset a = toys.sample(new Rng(5)), b = toys.sample(new Rng(5));
        assertArrayEquals(a.main(), b.main());
        assertArrayEquals(a.aux(), b.aux());
    }
}
