package org.infera.fit.score;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import org.hipparchus.distribution.continuous.ChiSquaredDistribution;
import org.infera.core.cli.InputException;
import org.infera.core.cli.VersionProvider;
import org.infera.core.data.EstimatedScoresFile;
import org.infera.core.data.MadMinerEventFile;
import org.infera.core.data.RunFiles;
import org.infera.core.data.SamplingFactors;
import org.infera.core.histfactory.model.PoissonTerm;
import org.infera.core.morphing.Morphing;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "limits",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Expected limits on the theory parameters from histograms of the SALLY score, as MadMiner's asymptotic "
                    + "limits: the events are binned by t̂(x) (quantile bins of each component at the true point), the "
                    + "expected "
                    + "counts in each bin at θ follow from the morphed weights, L Σ w(θ), and on the Asimov data of "
                    + "the true point "
                    + "q(θ) = 2 Σ [ν(θ) − n + n ln(n/ν(θ))] (the Poisson rate term included) gives the p-value from a "
                    + "χ² with one "
                    + "degree of freedom per parameter. Prints JSON over the grid; --plot draws the p-values (two "
                    + "parameters)."
        })
public final class ScoreLimitsCommand implements Callable<Integer> {
    @Option(
            names = "--events",
            required = true,
            arity = "1..*",
            description = "Weighted events in MadMiner's layout (shards of one run).")
    List<Path> events;

    @Option(
            names = "--scores",
            required = true,
            paramLabel = "<scores-dir>",
            description = "The estimated scores of the events, written by infera-shift scores from a SALLY model.")
    Path scores;

    @Option(
            names = "--luminosity",
            required = true,
            description = "Integrated luminosity, in the inverse units of the weights.")
    double luminosity;

    @Option(
            paramLabel = "θ1,θ2,…",
            names = {"--theta", "--theta-true"},
            split = ",",
            description =
                    "The true point of the Asimov data, one value per parameter (--theta-true is the same option; "
                            + "default: all parameters 0).")
    double[] thetaTrue;

    @Option(
            names = "--grid",
            required = true,
            split = ",",
            paramLabel = "LO:HI:N",
            description = "One LO:HI:N per parameter, e.g. -1:1:21,-2:2:21.")
    List<String> grid;

    @Option(
            names = "--bins",
            defaultValue = "5",
            description = "Quantile bins per score component (default: ${DEFAULT-VALUE}).")
    int bins;

    @Option(
            names = "--plot",
            paramLabel = "FILE.png",
            description = "Draw the p-values over the grid (two parameters).")
    Path plot;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (!(luminosity > 0) || !Double.isFinite(luminosity))
            throw new InputException("--luminosity must be positive, got " + luminosity);
        org.infera.core.cli.Checks.count("--bins", bins, 1000);
        org.infera.core.cli.Checks.point("--theta-true", thetaTrue);
        List<Path> sorted = RunFiles.inNameOrder(events);
        MadMinerEventFile f = MadMinerEventFile.read(sorted.get(0));
        if (!f.hasMorphing())
            throw new InputException.Shape(
                    sorted.get(0),
                    "dataset 'morphing/components'",
                    "no morphing group: the weights' θ dependence is unknown");
        int params = f.parameters().length;
        if (grid.size() != params)
            throw new InputException("--grid has " + grid.size() + " ranges for " + params + " parameters "
                    + Arrays.toString(f.parameters()));
        double[] truth = thetaTrue == null ? new double[params] : thetaTrue;
        if (truth.length != params)
            throw new InputException("--theta-true has " + truth.length + " values for " + params + " parameters");
        double[][] axes = new double[params][];
        for (int p = 0; p < params; p++)
            axes[p] = org.infera.fit.histfactory.ScanCommand.parseRange("--grid", grid.get(p));
        double gridPoints = 1;
        for (double[] axis : axes) gridPoints *= axis.length;
        if (gridPoints > 1e6)
            throw new InputException.BadOption("--grid", "--grid has " + (long) gridPoints + " points, more than 10^6");
        if (Math.pow(bins, params) > 1e6)
            throw new InputException.BadOption(
                    "--bins", "--bins " + bins + " gives " + bins + "^" + params + " bins, more than 10^6");
        if (plot != null && params == 2) {
            for (int p = 0; p < params; p++) {
                if (truth[p] < axes[p][0] || truth[p] > axes[p][axes[p].length - 1]) {
                    throw new InputException(
                            "--plot draws the contours around --theta-true, which lies outside --grid along "
                                    + f.parameters()[p]);
                }
            }
        }
        Morphing morphing = new Morphing(f.morphingComponents(), f.morphingMatrix());
        // a run's samples simulated at several benchmarks, combined as MadMiner combines them
        SamplingFactors factors = MadMinerEventFile.runSamplingFactors(sorted);

        // Two passes over the files, one file at a time: the scores and weights at the true point set the
        // quantile bins (a few numbers per event kept), then each file's weights fill the bins.
        int[] bin = binOf(sorted, f, factors, morphing, truth, params);
        int nBins = (int) Math.pow(bins, params);
        int benchmarks = morphing.benchmarks();
        double[][] h = new double[nBins][benchmarks]; // Σ over the events of each bin of their benchmark weights
        int offset = 0;
        for (Path path : sorted) {
            double[][] weights =
                    (path.equals(sorted.get(0)) ? f : MadMinerEventFile.read(path)).combinedWeights(factors);
            for (int e = 0; e < weights.length; e++)
                for (int k = 0; k < benchmarks; k++) h[bin[offset + e]][k] += weights[e][k];
            offset += weights.length;
        }
        double[] observed = expected(h, morphing.benchmarkWeights(truth));
        ChiSquaredDistribution chi2 = new ChiSquaredDistribution(params);

        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode out = json.createObjectNode();
        ArrayNode names = out.putArray("parameters");
        for (String p : f.parameters()) names.add(p);
        ArrayNode t = out.putArray("theta_true");
        for (double v : truth) t.add(v);
        out.put("luminosity", luminosity);
        out.put("bins", nBins);
        ArrayNode points = out.putArray("grid");
        List<double[]> plotted = new ArrayList<>();
        int total = 1;
        for (double[] a : axes) total *= a.length;
        for (int g = 0; g < total; g++) {
            double[] theta = new double[params];
            int rest = g;
            for (int p = params - 1; p >= 0; p--) {
                theta[p] = axes[p][rest % axes[p].length];
                rest /= axes[p].length;
            }
            double q = testStatistic(expected(h, morphing.benchmarkWeights(theta)), observed);
            double pValue = Double.isFinite(q) ? 1 - chi2.cumulativeProbability(q) : 0;
            ObjectNode point = points.addObject();
            ArrayNode th = point.putArray("theta");
            for (double v : theta) th.add(v);
            if (Double.isFinite(q)) point.put("q", q);
            else point.putNull("q");
            point.put("p_value", pValue);
            plotted.add(new double[] {theta[0], params > 1 ? theta[1] : 0, pValue});
        }
        if (plot != null && params == 2) PValuePlot.write(plot, f.parameters(), axes, plotted, truth, luminosity);
        spec.commandLine().getOut().println(json.writeValueAsString(out));
        spec.commandLine().getOut().flush();
        return 0;
    }

    /** ν_b(θ) = L Σ_k w_k(θ) H[b][k]. */
    private double[] expected(double[][] h, double[] benchmarkWeights) {
        double[] nu = new double[h.length];
        for (int b = 0; b < h.length; b++) {
            double s = 0;
            for (int k = 0; k < benchmarkWeights.length; k++) s += benchmarkWeights[k] * h[b][k];
            nu[b] = luminosity * s;
        }
        return nu;
    }

    private static double testStatistic(double[] nu, double[] n) {
        double q = 0;
        for (int b = 0; b < nu.length; b++) {
            double term = PoissonTerm.overSaturated(nu[b], n[b]);
            if (term == Double.POSITIVE_INFINITY) return term;
            q += 2 * term;
        }
        return Math.max(q, 0);
    }

    /**
     * The bin of each event of the run (files in order): quantile bins of each score component under the
     * events weighted at the true point. Keeps the scores (float) and clipped weights of every event.
     */
    private int[] binOf(
            List<Path> files,
            MadMinerEventFile first,
            SamplingFactors factors,
            Morphing morphing,
            double[] truth,
            int params) {
        int n = 0;
        for (Path p : files) n += p.equals(files.get(0)) ? first.events() : MadMinerEventFile.size(p);
        float[][] score = new float[params][n];
        double[] weights = new double[n];
        int offset = 0;
        for (Path path : files) {
            MadMinerEventFile f = path.equals(files.get(0)) ? first : MadMinerEventFile.read(path);
            f.requireSameRunAs(first, path, files.get(0));
            double[][] t = EstimatedScoresFile.forEvents(scores, path, f).score();
            double[] w = morphing.eventWeights(f.combinedWeights(factors), truth);
            for (int e = 0; e < t.length; e++) {
                for (int a = 0; a < params; a++) score[a][offset + e] = (float) t[e][a]; // the network's float32 values
                weights[offset + e] = w[e];
            }
            offset += t.length;
        }
        double total = 0;
        for (double w : weights) total += Math.max(w, 0);
        int[] bin = new int[n];
        int stride = 1;
        for (int a = 0; a < params; a++) {
            int[] order = ascending(score[a]);
            double cumulative = 0;
            for (int r = 0; r < n; r++) {
                int i = order[r];
                int k = Math.min(bins - 1, (int) (cumulative / total * bins));
                bin[i] += k * stride;
                cumulative += Math.max(weights[i], 0);
            }
            stride *= bins;
        }
        return bin;
    }

    /**
     * Event indices by ascending value (Float.compare's order), ties in index order: a primitive sort of (value, index)
     * keys.
     */
    static int[] ascending(float[] values) {
        long[] keys = new long[values.length];
        for (int i = 0; i < values.length; i++) {
            int bits = Float.floatToIntBits(values[i]);
            int sortable = bits ^ ((bits >> 31) & 0x7fffffff); // signed int order = Float.compare order
            keys[i] = ((long) sortable << 32) | i;
        }
        Arrays.sort(keys);
        int[] order = new int[values.length];
        for (int r = 0; r < order.length; r++) order[r] = (int) keys[r];
        return order;
    }
}
