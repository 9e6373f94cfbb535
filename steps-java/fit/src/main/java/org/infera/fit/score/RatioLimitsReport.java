package org.infera.fit.score;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.hipparchus.distribution.continuous.ChiSquaredDistribution;

/**
 * What infera-fit limits --method ratio prints: the JSON of SALLY's limits (parameters, truth, luminosity, q and
 * p-value per grid point) with the estimator, the expected events, q_min and the best grid point, and the same
 * p-value plot. The p-values are those of q − min q: a learned r̂ can put q below 0 off the truth, and MadMiner
 * subtracts its best point too.
 */
final class RatioLimitsReport {
    private RatioLimitsReport() {}

    static void print(
            PrintWriter stdout,
            Path plot,
            String[] parameters,
            double[][] axes,
            double[][] points,
            double[] truth,
            double luminosity,
            RatioLimits.Result r)
            throws IOException {
        int params = axes.length;
        ChiSquaredDistribution chi2 = new ChiSquaredDistribution(params);
        PValues ensemble = PValues.of(r.q(), r.truth(), chi2);
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode out = json.createObjectNode();
        ArrayNode names = out.putArray("parameters");
        for (String p : parameters) names.add(p);
        ArrayNode t = out.putArray("theta_true");
        for (double v : truth) t.add(v);
        out.put("luminosity", luminosity);
        out.put("method", "ratio");
        out.put("estimator", r.estimator());
        out.put("expected_events", r.expectedEvents());
        out.put("q_min", ensemble.qMin());
        ArrayNode bestFit = out.putArray("best_fit");
        for (double v : points[ensemble.best()]) bestFit.add(v);
        ArrayNode grid = out.putArray("grid");
        List<double[]> plotted = new ArrayList<>();
        for (int g = 0; g < points.length; g++) {
            double q = r.q()[g];
            ObjectNode point = grid.addObject();
            ArrayNode th = point.putArray("theta");
            for (double v : points[g]) th.add(v);
            if (Double.isFinite(q)) point.put("q", q);
            else point.putNull("q");
            point.put("p_value", ensemble.p()[g]);
            plotted.add(new double[] {points[g][0], params > 1 ? points[g][1] : 0, ensemble.p()[g]});
        }
        if (r.memberQ() != null) {
            // each member's own p-values over the grid, in the grid's order: the summary's training spread of the
            // limits
            ObjectNode members = out.putObject("ensemble").put("members", r.memberQ().length);
            ArrayNode pValues = members.putArray("p_values");
            for (double[] q : r.memberQ()) {
                ArrayNode row = pValues.addArray();
                for (double p : PValues.of(q, r.truth(), chi2).p()) row.add(p);
            }
        }
        if (plot != null && params == 2) PValuePlot.write(plot, parameters, axes, plotted, truth, luminosity);
        stdout.println(json.writeValueAsString(out));
        stdout.flush();
    }

    /** The p-values of q − min q over the grid (0 where q is infinite), min q (≤ q(θ_t) = 0) and where it is. */
    record PValues(double qMin, int best, double[] p) {
        static PValues of(double[] q, int truth, ChiSquaredDistribution chi2) {
            double qMin = 0; // q(θ_t) = 0
            int best = truth;
            for (int g = 0; g < q.length; g++) {
                if (q[g] < qMin) {
                    qMin = q[g];
                    best = g;
                }
            }
            double[] p = new double[q.length];
            for (int g = 0; g < q.length; g++)
                p[g] = Double.isFinite(q[g]) ? 1 - chi2.cumulativeProbability(q[g] - qMin) : 0;
            return new PValues(qMin, best, p);
        }
    }
}
