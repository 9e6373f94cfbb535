package org.infera.core.histfactory.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Per-sample yields sum to the model's ν, and their Jacobian is the finite-difference derivative of ν. */
class SampleYieldsTest {
    @Test
    void yieldsSumToNuAndTheJacobianIsTheDerivative() {
        Model m = ModelBuilder.build(TwoChannelWorkspace.of(), null, "test", "code4", "code4p");
        double[] theta = m.inits();
        for (int i = 0; i < theta.length; i++) theta[i] += 0.07 * (i + 1) * (i % 2 == 0 ? 1 : -0.5);
        List<SampleYields.Sample> samples = SampleYields.at(m, theta);
        double[] nu = m.expectedMain(theta);
        double[] sum = new double[nu.length];
        for (SampleYields.Sample s : samples)
            for (int b = 0; b < s.yields().length; b++) sum[s.offset() + b] += s.yields()[b];
        for (int b = 0; b < nu.length; b++) assertEquals(nu[b], sum[b], 1e-12 * nu[b]);
        double h = 1e-6;
        for (int p = 0; p < theta.length; p++) {
            double[] up = theta.clone(), down = theta.clone();
            up[p] += h;
            down[p] -= h;
            double[] nuUp = m.expectedMain(up), nuDown = m.expectedMain(down);
            double[] jac = new double[nu.length];
            for (SampleYields.Sample s : samples)
                for (int b = 0; b < s.yields().length; b++) jac[s.offset() + b] += s.jacobian()[b][p];
            for (int b = 0; b < nu.length; b++) {
                double fd = (nuUp[b] - nuDown[b]) / (2 * h);
                assertEquals(fd, jac[b], 1e-6 * Math.max(1, Math.abs(fd)), "bin " + b + ", parameter " + p);
            }
        }
    }
}
