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
        double qMin = 0; // q(θ_t) = 0
        int best = r.truth();
        for (int g = 0; g < points.length; g++) {
            if (r.q()[g] < qMin) {
                qMin = r.q()[g];
                best = g;
            }
        }
        ChiSquaredDistribution chi2 = new ChiSquaredDistribution(params);
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
        out.put("q_min", qMin);
        ArrayNode bestFit = out.putArray("best_fit");
        for (double v : points[best]) bestFit.add(v);
        ArrayNode grid = out.putArray("grid");
        List<double[]> plotted = new ArrayList<>();
        for (int g = 0; g < points.length; g++) {
            double q = r.q()[g];
            double pValue = Double.isFinite(q) ? 1 - chi2.cumulativeProbability(q - qMin) : 0;
            ObjectNode point = grid.addObject();
            ArrayNode th = point.putArray("theta");
            for (double v : points[g]) th.add(v);
            if (Double.isFinite(q)) point.put("q", q);
            else point.putNull("q");
            point.put("p_value", pValue);
            plotted.add(new double[] {points[g][0], params > 1 ? points[g][1] : 0, pValue});
        }
        if (plot != null && params == 2) PValuePlot.write(plot, parameters, axes, plotted, truth, luminosity);
        stdout.println(json.writeValueAsString(out));
        stdout.flush();
    }
}
