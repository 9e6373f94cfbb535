package org.infera.core.physics;

import org.infera.core.random.Rng;

/**
 * The score-regression toy with a tractable joint likelihood: a latent z ~ N(θ, 2²) and an
 * observable x ~ N(z, 1). Its joint score is t(x, z | θ) = (z − θ)/4; the true score of x alone is
 * (x − θ)/5 (x ~ N(θ, 5)), so the Fisher information is 0.2 per event, and the lowest mean squared
 * error a score regressor can reach is E[Var(t | x)] = Var(z | x)/16 = 0.05.
 */
public final class GaussianToy {
    public static final String NAME = "gaussian-toy";
    public static final double LATENT_SIGMA = 2;
    public static final double FISHER_PER_EVENT = 0.2;
    public static final double MSE_FLOOR = 0.05;

    private GaussianToy() {}

    /** {x, t(x, z | θ)} of one event simulated at θ. */
    public static double[] event(Rng rng, double theta) {
        double z = theta + LATENT_SIGMA * rng.gaussian();
        double x = z + rng.gaussian();
        return new double[] {x, (z - theta) / (LATENT_SIGMA * LATENT_SIGMA)};
    }
}
