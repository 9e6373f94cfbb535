package org.infera.core.analysis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The true parameter values at which coverage is measured: everything at nominal (the signal and every
 * process at its expected yield, every nuisance at its nominal value), and, for each parameter that a
 * benchmark constrains, that parameter one constraint width above and below nominal with the others at
 * nominal. Parameters are named as the benchmarks name them: nuisances by name, yields by process name.
 */
public final class TruthPoints {
    private TruthPoints() {}

    /** One truth: a label, and the value of every named parameter (nuisances and process yields). */
    public record Truth(String label, Map<String, Double> values) {}

    public static Map<String, Double> nominal(Analysis a) {
        Map<String, Double> v = new LinkedHashMap<>();
        for (Analysis.Process p : a.processes()) v.put(p.name(), p.expectedYield());
        for (Analysis.Nuisance n : a.nuisancesOrEmpty()) v.put(n.name(), n.nominal());
        return v;
    }

    public static List<Truth> of(Analysis a) {
        List<Truth> out = new ArrayList<>();
        Map<String, Double> nominal = nominal(a);
        out.add(new Truth("nominal", nominal));
        for (Analysis.Benchmark b : a.benchmarks()) {
            if (b.constraints() == null) continue;
            for (var c : b.constraints().entrySet()) {
                for (int sign : new int[] {+1, -1}) {
                    Map<String, Double> v = new LinkedHashMap<>(nominal);
                    v.put(c.getKey(), nominal.get(c.getKey()) + sign * c.getValue());
                    String label = c.getKey() + (sign > 0 ? "+" : "-") + "1sigma(" + fmt(c.getValue()) + ")";
                    if (out.stream().noneMatch(t -> t.values().equals(v))) out.add(new Truth(label, v));
                }
            }
        }
        return out;
    }

    /**
     * Whether a benchmark's fit is a valid model of this truth: every parameter off nominal floats in the
     * benchmark with a constraint of exactly that width (the nominal truth belongs to every benchmark).
     */
    public static boolean belongsTo(Map<String, Double> truth, Analysis a, Analysis.Benchmark b) {
        Map<String, Double> nominal = nominal(a);
        for (var e : truth.entrySet()) {
            double shift = e.getValue() - nominal.getOrDefault(e.getKey(), e.getValue());
            if (shift == 0) continue;
            Double width = b.constraints() == null ? null : b.constraints().get(e.getKey());
            if (width == null || Math.abs(Math.abs(shift) - width) > 1e-12 * width) return false;
        }
        return true;
    }

    private static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : String.valueOf(v);
    }
}
