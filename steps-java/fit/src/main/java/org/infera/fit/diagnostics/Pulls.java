package org.infera.fit.diagnostics;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.infera.core.histfactory.model.ParameterSet;
import org.infera.fit.histfactory.Json;

/**
 * Post-fit pulls and constraints: for a constrained nuisance, pull = (θ̂ − θ₀)/σ_prefit and constraint =
 * σ_postfit/σ_prefit (1: the data say nothing beyond the auxiliary measurement; below 1: the fit constrains it);
 * an unconstrained parameter is reported as θ̂ ± σ_postfit alone.
 */
public final class Pulls {
    /** One parameter; pull, constraint, centre and prefitSigma are NaN for an unconstrained one. */
    public record Row(
            String name,
            String constraint,
            double value,
            double error,
            double centre,
            double prefitSigma,
            double pull,
            double constraintRatio) {
        public boolean constrained() {
            return !Double.isNaN(prefitSigma);
        }
    }

    private Pulls() {}

    /** Every free parameter (the POI included, as an unconstrained one), in parameter order. */
    public static List<Row> of(PostFit fit) {
        List<Row> rows = new ArrayList<>();
        double[] x = fit.best().values();
        for (int i = 0; i < x.length; i++) {
            if (fit.fixed(i)) continue;
            rows.add(row(fit, i));
        }
        return rows;
    }

    public static Row row(PostFit fit, int i) {
        double value = fit.best().values()[i], error = fit.error(i);
        double centre = fit.prefitCentre(i), sigma = fit.prefitSigma(i);
        String kind = fit.constraint(i) == ParameterSet.Constraint.NONE
                ? "none"
                : fit.constraint(i).name().toLowerCase(java.util.Locale.ROOT);
        return new Row(fit.names().get(i), kind, value, error, centre, sigma, (value - centre) / sigma, error / sigma);
    }

    static final String CSV_HEADER =
            "parameter,constraint,value,error,prefit_centre,prefit_sigma,pull,constraint_ratio";

    public static String csv(List<Row> rows) {
        StringBuilder s = new StringBuilder(CSV_HEADER).append('\n');
        for (Row r : rows) {
            s.append(Tables.join(
                            r.name(),
                            r.constraint(),
                            r.value(),
                            r.error(),
                            r.centre(),
                            r.prefitSigma(),
                            r.pull(),
                            r.constraintRatio()))
                    .append('\n');
        }
        return s.toString();
    }

    public static void json(ArrayNode array, List<Row> rows) {
        for (Row r : rows) {
            ObjectNode o = array.addObject();
            o.put("parameter", r.name());
            o.put("constraint", r.constraint());
            Tables.put(o, "value", r.value());
            Tables.put(o, "error", r.error());
            if (!r.constrained()) continue;
            Tables.put(o, "prefit_centre", r.centre());
            Tables.put(o, "prefit_sigma", r.prefitSigma());
            Tables.put(o, "pull", r.pull());
            Tables.put(o, "constraint_ratio", r.constraintRatio());
        }
    }

    static ObjectNode document(PostFit fit, List<Row> rows) {
        ObjectNode out = Json.object();
        out.put("poi", fit.model().poiName());
        out.put("twice_nll", fit.best().twiceNll());
        out.put("converged", fit.best().converged());
        json(out.putArray("parameters"), rows);
        return out;
    }
}
