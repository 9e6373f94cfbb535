package org.infera.core.analysis;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.infera.core.cli.InputException;
import org.infera.core.io.StrictJson;

/**
 * The definition of an analysis: its features, its processes with expected yields (one is the
 * signal, whose yield is the parameter of interest), its nuisance parameters with the effect each
 * has on the events, and the benchmarks (which parameters float, which are constrained). Read from
 * a JSON file such as {@code params/analysis/inferno-paper.json}; see docs/analysis-spec.md.
 */
public record Analysis(
        String name,
        List<String> features,
        List<Process> processes,
        List<Nuisance> nuisances,
        List<Benchmark> benchmarks) {

    /** A process and its expected number of events. */
    public record Process(String name, double expectedYield, boolean signal) {}

    /**
     * A nuisance parameter acting on one process: its nominal value, the up and down values at
     * which templates are made, and how it changes that process's events.
     */
    public record Nuisance(String name, String process, double nominal, double up, double down, Effect effect) {
        /** Half the distance between the up and down values: one unit of the interpolation parameter α. */
        public double halfRange() {
            return (up - down) / 2;
        }
    }

    /**
     * The effect of a nuisance on its process's events.
     * {@code shift}: one feature x → x + (value − nominal). {@code exp_rate}: the feature is
     * exponentially distributed with rate equal to the parameter, so x → x · nominal / value.
     * {@code mean_shift}: several features move by {@code up_shift} at the up value and by
     * {@code down_shift} at the down value, linearly in between (the neos toy's background blob).
     */
    public record Effect(
            String type,
            String feature,
            @com.fasterxml.jackson.annotation.JsonProperty("up_shift") Map<String, Double> upShift,
            @com.fasterxml.jackson.annotation.JsonProperty("down_shift") Map<String, Double> downShift) {
        public Effect(String type, String feature) {
            this(type, feature, null, null);
        }
    }

    /**
     * One benchmark: the parameters that float besides the parameter of interest (nuisance names, or
     * process names for their yields) and the Gaussian constraint width of each constrained one, in
     * the parameter's own units.
     */
    public record Benchmark(int id, List<String> floating, Map<String, Double> constraints) {}

    /** Yields beyond this overflow the likelihood's sums and squares. */
    public static final double MAX_YIELD = 1e12;
    /** Parameter values beyond this overflow the shifts and interpolations. */
    public static final double MAX_VALUE = 1e6;

    public static Analysis read(Path path) {
        if (!Files.isRegularFile(path)) throw new InputException.FileProblem(path, null, "analysis file not found");
        Analysis a =
                StrictJson.read(path, Analysis.class, "an analysis definition", InputException.AnalysisProblem::new);
        a.validate(path);
        return a;
    }

    public int featureIndex(String feature) {
        return features.indexOf(feature);
    }

    public int processIndex(String process) {
        for (int i = 0; i < processes.size(); i++) if (processes.get(i).name().equals(process)) return i;
        return -1;
    }

    public int signalIndex() {
        for (int i = 0; i < processes.size(); i++) if (processes.get(i).signal()) return i;
        throw new IllegalStateException("validated analysis has a signal");
    }

    /** Applies nuisance {@code n} at parameter value {@code value} to one event's features, in place. */
    public void applyEffect(Nuisance n, double value, double[] x) {
        if ("mean_shift".equals(n.effect().type())) {
            boolean upward = value >= n.nominal();
            double t = (value - n.nominal()) / ((upward ? n.up() : n.down()) - n.nominal());
            for (Map.Entry<String, Double> e :
                    (upward ? n.effect().upShift() : n.effect().downShift()).entrySet()) {
                x[featureIndex(e.getKey())] += t * e.getValue();
            }
            return;
        }
        int f = featureIndex(n.effect().feature());
        switch (n.effect().type()) {
            case "shift" -> x[f] += value - n.nominal();
            case "exp_rate" -> x[f] *= n.nominal() / value;
            default -> throw new IllegalStateException(
                    "validated effect type " + n.effect().type());
        }
    }

    /** Copies of the events with nuisance {@code n} set to {@code value} (the inputs are not modified). */
    public double[][] shifted(Nuisance n, double value, double[][] rows) {
        double[][] out = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            out[i] = rows[i].clone();
            applyEffect(n, value, out[i]);
        }
        return out;
    }

    /**
     * Checks that a samples file has this analysis's features and processes, in the same order.
     * {@code samplesPath} and {@code analysisPath} name the two files in the message.
     */
    public void requireMatches(
            String[] sampleFeatures, String[] sampleProcesses, Object samplesPath, Object analysisPath) {
        if (!features.equals(List.of(sampleFeatures))) {
            throw new InputException(samplesPath + ": dataset 'features/names' is " + List.of(sampleFeatures) + " but "
                    + analysisPath + " declares features " + features);
        }
        List<String> processNames = processes.stream().map(Process::name).toList();
        if (!processNames.equals(List.of(sampleProcesses))) {
            throw new InputException(samplesPath + ": dataset 'processes/names' is " + List.of(sampleProcesses)
                    + " but " + analysisPath + " declares processes " + processNames);
        }
    }

    private void validate(Path where) {
        require(name != null && !name.isBlank(), where, "name", "is missing");
        require(features != null && !features.isEmpty(), where, "features", "must list at least one feature");
        for (int i = 0; i < features.size(); i++) {
            require(
                    features.get(i) != null && !features.get(i).isBlank(),
                    where,
                    "features[" + i + "]",
                    "must be a non-empty name");
        }
        require(processes == null || !processes.contains(null), where, "processes", "has a null entry");
        require(nuisances == null || !nuisances.contains(null), where, "nuisances", "has a null entry");
        require(benchmarks == null || !benchmarks.contains(null), where, "benchmarks", "has a null entry");
        require(new HashSet<>(features).size() == features.size(), where, "features", "has duplicate names");
        require(
                processes != null && processes.size() >= 2,
                where,
                "processes",
                "must list a signal and at least one background");
        Set<String> names = new HashSet<>();
        int signals = 0;
        for (Process p : processes) {
            require(p.name() != null && !p.name().isBlank(), where, "processes", "has a process without a name");
            require(names.add(p.name()), where, "processes", "name '" + p.name() + "' is used twice");
            require(
                    p.expectedYield() > 0 && p.expectedYield() <= MAX_YIELD,
                    where,
                    "processes." + p.name() + ".expectedYield",
                    "must be positive and at most " + MAX_YIELD + ", got " + p.expectedYield());
            if (p.signal()) signals++;
        }
        require(signals == 1, where, "processes", "exactly one process must have \"signal\": true, found " + signals);
        for (Nuisance n : nuisances == null ? List.<Nuisance>of() : nuisances) {
            String field = "nuisances." + n.name();
            require(n.name() != null && !n.name().isBlank(), where, "nuisances", "has a nuisance without a name");
            require(names.add(n.name()), where, field, "name is already used by a process or another nuisance");
            require(processIndex(n.process()) >= 0, where, field + ".process", "unknown process '" + n.process() + "'");
            require(
                    n.up() != n.down()
                            && Double.isFinite(n.up())
                            && Double.isFinite(n.down())
                            && Double.isFinite(n.nominal()),
                    where,
                    field,
                    "nominal, up and down values must be finite, up and down different");
            require(
                    Math.abs(n.up()) <= MAX_VALUE
                            && Math.abs(n.down()) <= MAX_VALUE
                            && Math.abs(n.nominal()) <= MAX_VALUE,
                    where,
                    field,
                    "nominal, up and down values must lie within ±" + MAX_VALUE);
            require(n.effect() != null, where, field + ".effect", "is missing");
            require(
                    n.effect().type() != null,
                    where,
                    field + ".effect.type",
                    "is missing: 'shift', 'exp_rate' or 'mean_shift'");
            require(
                    List.of("shift", "exp_rate", "mean_shift")
                            .contains(n.effect().type()),
                    where,
                    field + ".effect.type",
                    "must be 'shift', 'exp_rate' or 'mean_shift', got '"
                            + n.effect().type() + "'");
            if ("mean_shift".equals(n.effect().type())) {
                require(
                        n.effect().feature() == null,
                        where,
                        field + ".effect.feature",
                        "is not used by mean_shift (give up_shift and down_shift)");
                require(
                        n.up() > n.nominal() && n.down() < n.nominal(),
                        where,
                        field,
                        "mean_shift needs down < nominal < up");
                for (String side : List.of("up_shift", "down_shift")) {
                    Map<String, Double> shifts = side.equals("up_shift")
                            ? n.effect().upShift()
                            : n.effect().downShift();
                    require(
                            shifts != null && !shifts.isEmpty(),
                            where,
                            field + ".effect." + side,
                            "is missing: a map from feature to shift");
                    for (Map.Entry<String, Double> e : shifts.entrySet()) {
                        require(
                                featureIndex(e.getKey()) >= 0,
                                where,
                                field + ".effect." + side,
                                "unknown feature '" + e.getKey() + "'");
                        require(
                                e.getValue() != null && Double.isFinite(e.getValue()),
                                where,
                                field + ".effect." + side + "." + e.getKey(),
                                "must be a finite number");
                    }
                }
            } else {
                require(
                        featureIndex(n.effect().feature()) >= 0,
                        where,
                        field + ".effect.feature",
                        "unknown feature '" + n.effect().feature() + "'");
                require(
                        n.effect().upShift() == null && n.effect().downShift() == null,
                        where,
                        field + ".effect",
                        "up_shift and down_shift belong to mean_shift effects");
            }
            if ("exp_rate".equals(n.effect().type())) {
                require(
                        n.nominal() > 0 && n.up() > 0 && n.down() > 0,
                        where,
                        field,
                        "exp_rate values must be positive");
            }
        }
        require(benchmarks != null && !benchmarks.isEmpty(), where, "benchmarks", "must list at least one benchmark");
        Set<Integer> ids = new HashSet<>();
        for (Benchmark b : benchmarks) {
            String field = "benchmarks[id=" + b.id() + "]";
            require(ids.add(b.id()), where, field, "id is used twice");
            for (String f : b.floating() == null ? List.<String>of() : b.floating()) {
                require(names.contains(f), where, field + ".floating", "unknown parameter '" + f + "'");
                require(
                        processIndex(f) < 0 || !processes.get(processIndex(f)).signal(),
                        where,
                        field + ".floating",
                        "the signal yield is the parameter of interest and always floats");
            }
            for (Map.Entry<String, Double> c :
                    (b.constraints() == null ? Map.<String, Double>of() : b.constraints()).entrySet()) {
                require(
                        b.floating() != null && b.floating().contains(c.getKey()),
                        where,
                        field + ".constraints",
                        "'" + c.getKey() + "' is constrained but does not float");
                double max = processIndex(c.getKey()) >= 0 ? MAX_YIELD : MAX_VALUE;
                require(
                        c.getValue() != null && c.getValue() > 0 && c.getValue() <= max,
                        where,
                        field + ".constraints." + c.getKey(),
                        "width must be positive and at most " + max + ", got " + c.getValue());
            }
        }
    }

    private static void require(boolean ok, Path where, String field, String problem) {
        if (!ok) throw new InputException.AnalysisProblem(where, "field '" + field + "'", problem);
    }

    public List<Nuisance> nuisancesOrEmpty() {
        return nuisances == null ? List.of() : nuisances;
    }
}
