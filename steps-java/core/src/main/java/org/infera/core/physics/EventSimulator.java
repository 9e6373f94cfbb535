package org.infera.core.physics;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.infera.core.random.Rng;

/**
 * Fresh events of one process of a simulated model at given nuisance values, for pseudo-experiments. A
 * simulator draws the nuisances it {@link #simulates} from their own distributions (the INFERNO problem's r
 * and λ); any other nuisance of the analysis is applied by the caller as the analysis defines its effect
 * (the neos toy's background variation exists only as that effect).
 */
public interface EventSimulator {
    /** The nuisances this simulator draws at any value. */
    Set<String> simulates();

    /** One event of the named process with the simulated nuisances at the given values. */
    double[] event(Rng rng, String process, Map<String, Double> nuisances);

    /** The simulator of a model written by infera-simulate, by its name (an events file's model). */
    static Optional<EventSimulator> of(String model) {
        return switch (model) {
            case InfernoPaperProblem.NAME -> Optional.of(new EventSimulator() {
                public Set<String> simulates() {
                    return Set.of("r", "lambda");
                }

                public double[] event(Rng rng, String process, Map<String, Double> nuisances) {
                    return process.equals("signal")
                            ? InfernoPaperProblem.signal(rng)
                            : InfernoPaperProblem.background(
                                    rng,
                                    nuisances.getOrDefault("r", InfernoPaperProblem.NOMINAL_R),
                                    nuisances.getOrDefault("lambda", InfernoPaperProblem.NOMINAL_LAMBDA));
                }
            });
            case NeosBlobs.NAME -> Optional.of(new EventSimulator() {
                public Set<String> simulates() {
                    return Set.of();
                }

                public double[] event(Rng rng, String process, Map<String, Double> nuisances) {
                    return process.equals("signal") ? NeosBlobs.signal(rng) : NeosBlobs.background(rng);
                }
            });
            default -> Optional.empty();
        };
    }
}
