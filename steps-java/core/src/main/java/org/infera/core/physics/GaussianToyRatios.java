package org.infera.core.physics;

import java.util.EnumMap;
import java.util.Map;
import org.infera.core.data.RatioSamplesFile;
import org.infera.core.data.Split;
import org.infera.core.random.Rng;

/**
 * Ratio samples of the Gaussian toy ({@link GaussianToy}: z ~ N(θ, 2²), x ~ N(z, 1)) drawn directly, as
 * infera-augment ratio draws them from weighted events: for each pair (θ0_k, θ1), a split's events divided
 * equally among the pairs, half simulated at θ0_k (y = 0) and half at θ1 (y = 1). p(x | z) does not depend on θ,
 * so the joint ratio is that of the latent: r(x, z | θ0, θ1) = N(z; θ0, 2²) / N(z; θ1, 2²)
 * = exp([(z − θ1)² − (z − θ0)²] / 8), and the joint score at θ is (z − θ)/4.
 */
public final class GaussianToyRatios {
    private GaussianToyRatios() {}

    /**
     * The samples: {@code theta0} the numerator points (one pair each, e.g. drawn from a {@link ParameterPrior}),
     * {@code theta1} the reference, {@code sizes} the events of train, validation and test.
     */
    public static RatioSamplesFile simulate(double[] theta0, double theta1, int[] sizes, long seed) {
        int pairs = theta0.length;
        double v = GaussianToy.LATENT_SIGMA * GaussianToy.LATENT_SIGMA;
        Rng rng = new Rng(Rng.derivedSeed(seed, 0));
        double[] drawn0 = new double[pairs], drawn1 = new double[pairs];
        Map<Split, RatioSamplesFile.Ratios> splits = new EnumMap<>(Split.class);
        for (Split s : Split.values()) {
            int n = sizes[s.ordinal()];
            double[][] x = new double[n][1], th0 = new double[n][1], th1 = new double[n][1];
            double[][] t0 = new double[n][1], t1 = new double[n][1];
            long[] y = new long[n];
            double[] r = new double[n];
            for (int i = 0; i < n; i++) {
                int k = (int) ((long) i * pairs / n); // pair k gets events [k n / pairs, (k + 1) n / pairs)
                int label = i % 2;
                double at = label == 0 ? theta0[k] : theta1;
                double z = GaussianToy.latent(rng, at);
                x[i][0] = GaussianToy.observe(z, rng);
                th0[i][0] = theta0[k];
                th1[i][0] = theta1;
                y[i] = label;
                r[i] = GaussianToy.jointRatio(z, theta0[k], theta1);
                t0[i][0] = (z - theta0[k]) / v;
                t1[i][0] = (z - theta1) / v;
                if (label == 0) drawn0[k]++;
                else drawn1[k]++;
            }
            splits.put(s, new RatioSamplesFile.Ratios(x, th0, th1, y, r, t0, t1));
        }
        double[][] points0 = new double[pairs][], points1 = new double[pairs][];
        for (int k = 0; k < pairs; k++) {
            points0[k] = new double[] {theta0[k]};
            points1[k] = new double[] {theta1};
        }
        // every event is simulated, unweighted: its effective sample size is the number drawn
        return new RatioSamplesFile(
                new String[] {GaussianToy.PARAMETER},
                new String[] {GaussianToy.OBSERVABLE},
                points0,
                points1,
                seed,
                drawn0,
                drawn1,
                splits);
    }
}
