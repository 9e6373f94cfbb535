package org.infera.core.physics;

import org.infera.core.random.Rng;

/**
 * The toy of neos (Simpson & Heinrich 2021): two-dimensional Gaussian blobs with identity
 * covariance; signal at (−1, 1), background at (1, −1); the background's systematic variations put
 * it at (2.5, 2) (up) and (−2.5, −1.5) (down). Expected yields: 20 signal, 100 background events.
 * The variations are the analysis's {@code mean_shift} effect, see params/analysis/neos-blobs.json.
 */
public final class NeosBlobs {
    public static final String NAME = "neos-blobs";
    public static final String[] FEATURES = {"x0", "x1"};
    public static final String[] PROCESSES = {"signal", "background"};
    public static final double SIGNAL_YIELD = 20;
    public static final double BACKGROUND_YIELD = 100;
    public static final double[] SIGNAL_MEAN = {-1, 1};
    public static final double[] BACKGROUND_MEAN = {1, -1};
    public static final double[] BACKGROUND_UP_MEAN = {2.5, 2};
    public static final double[] BACKGROUND_DOWN_MEAN = {-2.5, -1.5};

    private NeosBlobs() {}

    public static double[] signal(Rng rng) {
        return new double[] {SIGNAL_MEAN[0] + rng.gaussian(), SIGNAL_MEAN[1] + rng.gaussian()};
    }

    public static double[] background(Rng rng) {
        return new double[] {BACKGROUND_MEAN[0] + rng.gaussian(), BACKGROUND_MEAN[1] + rng.gaussian()};
    }
}
