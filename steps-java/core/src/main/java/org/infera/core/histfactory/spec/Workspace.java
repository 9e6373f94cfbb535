package org.infera.core.histfactory.spec;

import java.util.List;

/**
 * A HistFactory workspace in pyhf's JSON layout: channels of samples with modifiers, the observed
 * counts of each channel, and measurements (the POI and per-parameter settings).
 * {@link WorkspaceReader} validates one; {@link WorkspaceWriter} writes one pyhf reads.
 */
public record Workspace(
        List<Channel> channels, List<Observation> observations, List<Measurement> measurements, String version) {

    public record Channel(String name, List<Sample> samples) {
        public int bins() {
            return samples.get(0).data().length;
        }
    }

    public record Sample(String name, double[] data, List<ModifierSpec> modifiers) {}

    public record Observation(String name, double[] data) {}

    public record Measurement(String name, String poi, List<ParameterConfig> parameters) {}

    /**
     * Per-parameter settings; null fields keep the modifier type's defaults. {@code factors} (shapesys only)
     * replaces the Poisson constraint's scale τ.
     */
    public record ParameterConfig(
            String name,
            double[] inits,
            double[][] bounds,
            Boolean fixed,
            double[] auxdata,
            double[] sigmas,
            double[] factors) {
        public ParameterConfig(
                String name, double[] inits, double[][] bounds, Boolean fixed, double[] auxdata, double[] sigmas) {
            this(name, inits, bounds, fixed, auxdata, sigmas, null);
        }
    }

    public Measurement measurement(String name) {
        if (name == null) return measurements.get(0);
        for (Measurement m : measurements) if (m.name().equals(name)) return m;
        throw new org.infera.core.cli.InputException.BadOption(
                "--measurement",
                "--measurement: the workspace has no measurement '" + name + "' (it has "
                        + measurements.stream().map(Measurement::name).toList() + ")");
    }

    public Observation observation(String channel) {
        for (Observation o : observations) if (o.name().equals(channel)) return o;
        return null;
    }
}
