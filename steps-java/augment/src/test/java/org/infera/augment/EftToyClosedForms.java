package org.infera.augment;

import java.nio.file.Path;
import java.util.List;
import org.infera.core.data.MadMinerEventFile;
import org.infera.core.physics.EftToy;

/** The EFT toy's closed forms the augmentation tests check against, with no morphing involved. */
final class EftToyClosedForms {
    private EftToyClosedForms() {}

    /**
     * Every event's latent z (files in the order given), from its raw weights: w(θ1 = 1) / w(SM) = (1 + z)² with 1 + z
     * ≥ 0.
     */
    static double[] latent(List<Path> files) {
        return files.stream()
                .flatMap(p -> java.util.Arrays.stream(MadMinerEventFile.read(p).weights()))
                .mapToDouble(w -> Math.sqrt(w[1] / w[0]) - 1)
                .toArray();
    }

    /** S(θ) = Σ |M(z; θ)|² over the events, and its gradient in θ into grad. */
    static double crossSection(double[] z, double[] theta, double[] grad) {
        double sum = 0;
        for (double zi : z) {
            double m = EftToy.amplitude(zi, theta);
            sum += m * m;
            grad[0] += 2 * m * zi;
            grad[1] += 2 * m * (zi * zi - 1.0 / 3);
        }
        return sum;
    }
}
