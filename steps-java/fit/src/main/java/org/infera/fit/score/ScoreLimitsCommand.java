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
import org.infera.core.cli.ParameterGrid;
import org.infera.core.cli.VersionProvider;
import org.infera.core.data.EstimatedScoresFile;
import org.infera.core.data.MadMinerEventFile;
import org.infera.core.data.RunFiles;
import org.infera.core.data.SamplingFactors;
import org.infera.core.histfactory.model.PoissonTerm;
import org.infera.core.morphing.BenchmarkCoefficients;
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
                    + "counts in each bin at θ follow from the morphed weights, L Σ w(θ) (without morphing, e.g. the "
                    + "Gaussian toy, from the weights at the benchmark equal to θ: every grid point and the truth "
                    + "must be one), and on the Asimov data of "
                    + "the true point "
                    + "q(θ) = 2 Σ [ν(θ) − n + n ln(n/ν(θ))] (the Poisson rate term included) gives the p-value from a "
                    + "χ² with one "
                    + "degree of freedom per parameter. Prints JSON over the grid; --plot draws the p-values (two "
                    + "parameters).",
            "--method sallino is MadMiner's SALLINO: at each θ the events are binned by the one number "
                    + "h = t̂(x)·(θ − θ_true)/|θ − θ_true| (t̂'s first component at θ_true), "
                    + "in as many quantile bins as "
                    + "--method sally has in all (--bins to the power of the parameters), so both see the same number "
                    + "of bins. It keeps every event's benchmark weights in memory.",
            "--method ratio takes a likelihood-ratio estimator's log r̂(x | θ, θ1) at every grid point (--log-ratios, "
                    + "infera-shift log-ratios with the same --grid) and the extended unbinned likelihood of the "
                    + "Asimov data, as MadMiner's mode 'ml': q(θ) = 2[ν(θ) − ν_t + ν_t ln(ν_t/ν(θ))] − 2 Σ_i "
                    + "L w_i(θ_t) [log r̂_i(θ) − log r̂_i(θ_t)], p-values from q − min q (a learned r̂ may put the "
                    + "minimum off the truth); the truth must be a grid point."
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
            paramLabel = "<scores-dir>",
            description = "The estimated scores of the events, written by infera-shift scores from a SALLY model "
                    + "(--method sally and sallino).")
    Path scores;

    @Option(
            names = "--log-ratios",
            paramLabel = "<log-ratios-dir>",
            description = "--method ratio: log r̂ of the events at every --grid point, written by infera-shift "
                    + "log-ratios from a likelihood-ratio estimator.")
    Path logRatios;

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
            names = "--method",
            defaultValue = "sally",
            paramLabel = "sally|sallino|ratio",
            description = "sally: bins of every score component; sallino: 1-D bins of the score projected on θ − "
                    + "θ_true; ratio: the unbinned likelihood from learned log r̂ (default: ${DEFAULT-VALUE}).")
    String method;

    @Option(
            names = "--plot",
            paramLabel = "FILE.png",
            description = "Draw the p-values over the grid (two parameters).")
    Path plot;

    @Option(
            names = "--toys",
            paramLabel = "N",
            defaultValue = "0",
            description = "Pseudo-experiments for the coverage of the regions at 68.27%% and 95%% CL, in the JSON's "
                    + "coverage: Poisson counts of the histograms at the true point, or with --pseudo-events fresh "
                    + "events; --method sally only "
                    + "(SALLINO's bins change with θ: one histogram has no pseudo-data) "
                    + "(default: ${DEFAULT-VALUE}, none).")
    int toys;

    @Option(
            names = "--seed",
            paramLabel = "SEED",
            defaultValue = "42",
            description = "Seed of the --toys (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(
            names = "--pseudo-events",
            arity = "1..*",
            paramLabel = "FILE",
            description = "With --toys: event-level pseudo-experiments from events simulated at --theta-true "
                    + "(weighted events in MadMiner's layout whose first benchmark is the truth, e.g. "
                    + "infera-simulate gaussian-toy --weighted), cut in order into experiments of Poisson(ν) events, "
                    + "ν the expected events at the truth.")
    List<Path> pseudoEvents;

    @Option(
            names = "--pseudo-scores",
            paramLabel = "<scores-dir>",
            description = "The estimated scores of the --pseudo-events (infera-shift scores, the same SALLY model).")
    Path pseudoScores;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (!(luminosity > 0) || !Double.isFinite(luminosity))
            throw new InputException("--luminosity must be positive, got " + luminosity);
        org.infera.core.cli.Checks.count("--bins", bins, 1000);
        if (toys < 0 || toys > 1_000_000)
            throw new InputException.BadOption("--toys", "--toys must lie in 0..1000000, got " + toys);
        if (!method.equals("sally") && !method.equals("sallino") && !method.equals("ratio"))
            throw new InputException.BadOption(
                    "--method", "--method must be sally, sallino or ratio, got '" + method + "'");
        boolean ratio = method.equals("ratio");
        if (ratio && logRatios == null)
            throw new InputException.BadOption(
                    "--log-ratios", "--method ratio needs --log-ratios (infera-shift log-ratios)");
        if (ratio && scores != null)
            throw new InputException.BadOption("--scores", "--method ratio reads --log-ratios, not --scores");
        if (!ratio && scores == null)
            throw new InputException.BadOption(
                    "--scores", "--method " + method + " needs --scores (infera-shift scores)");
        if (!ratio && logRatios != null)
            throw new InputException.BadOption("--log-ratios", "--log-ratios belongs to --method ratio, not " + method);
        if (toys > 0 && ratio)
            throw new InputException.BadOption(
                    "--toys", "--toys is not implemented for --method ratio (Asimov limits only)");
        if (toys > 0 && method.equals("sallino"))
            throw new InputException.BadOption(
                    "--toys",
                    "--toys draws pseudo-experiments of SALLY's fixed histograms; SALLINO's change with θ, so "
                            + "--method sallino takes none");
        if ((pseudoEvents == null) != (pseudoScores == null))
            throw new InputException.BadOption(
                    pseudoEvents == null ? "--pseudo-scores" : "--pseudo-events",
                    "--pseudo-events and --pseudo-scores go together");
        if (pseudoEvents != null && toys == 0)
            throw new InputException.BadOption("--pseudo-events", "--pseudo-events needs --toys N (N ≥ 1)");
        org.infera.core.cli.Checks.point("--theta-true", thetaTrue);
        List<Path> sorted = RunFiles.inNameOrder(events);
        MadMinerEventFile f = MadMinerEventFile.read(sorted.get(0));
        int params = f.parameters().length;
        double[][] axes = ParameterGrid.axes("--grid", grid, f.parameters());
        double[] truth = thetaTrue == null ? new double[params] : thetaTrue;
        if (truth.length != params)
            throw new InputException("--theta-true has " + truth.length + " values for " + params + " parameters");
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
        // the weights at θ: morphed, or (a simulator that is not morphable) at the benchmarks, which must hold every
        // grid point and the truth
        BenchmarkCoefficients weightsAt = BenchmarkCoefficients.of(f, sorted.get(0));
        weightsAt.benchmarkWeights(truth);
        for (int g = 0; !f.hasMorphing() && g < ParameterGrid.size(axes); g++)
            weightsAt.benchmarkWeights(ParameterGrid.point(axes, g));
        // a run's samples simulated at several benchmarks, combined as MadMiner combines them
        SamplingFactors factors = MadMinerEventFile.runSamplingFactors(sorted);
        if (ratio) {
            ratioLimits(sorted, f, factors, weightsAt, axes, truth);
            return 0;
        }

        // SALLY: two passes over the files, one file at a time: the scores and weights at the true point set the
        // quantile bins (a few numbers per event kept), then each file's weights fill the bins. SALLINO bins anew
        // at every θ, so it keeps every event's weights.
        TruthScores truthScores = truthScores(sorted, f, factors, weightsAt, truth, params);
        int nBins = (int) Math.pow(bins, params);
        double[][] h = null;
        Sallino sallino = null;
        ScoreBins sallyBins = null;
        if (method.equals("sally")) {
            sallyBins = new ScoreBins(truthScores.score(), truthScores.weight(), bins);
            h = histograms(sorted, f, factors, sallyBins.eventBins(), nBins, weightsAt.benchmarks());
        } else sallino = new Sallino(truthScores, allWeights(sorted, f, factors), truth, nBins, weightsAt.benchmarks());
        double[] observed = h == null ? null : expected(h, weightsAt.benchmarkWeights(truth));
        ChiSquaredDistribution chi2 = new ChiSquaredDistribution(params);

        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode out = json.createObjectNode();
        ArrayNode names = out.putArray("parameters");
        for (String p : f.parameters()) names.add(p);
        ArrayNode t = out.putArray("theta_true");
        for (double v : truth) t.add(v);
        out.put("luminosity", luminosity);
        out.put("method", method);
        out.put("bins", nBins);
        ArrayNode points = out.putArray("grid");
        List<double[]> plotted = new ArrayList<>();
        int total = ParameterGrid.size(axes);
        double[][] nu = new double[total + 1][]; // SALLY's expected counts at each grid point, then at the truth
        nu[total] = observed;
        for (int g = 0; g < total; g++) {
            double[] theta = ParameterGrid.point(axes, g);
            double q;
            if (sallino == null) q = testStatistic(nu[g] = expected(h, weightsAt.benchmarkWeights(theta)), observed);
            else {
                double[][] hTheta = sallino.histograms(theta);
                q = testStatistic(
                        expected(hTheta, weightsAt.benchmarkWeights(theta)),
                        expected(hTheta, weightsAt.benchmarkWeights(truth)));
            }
            double pValue = Double.isFinite(q) ? 1 - chi2.cumulativeProbability(q) : 0;
            ObjectNode point = points.addObject();
            ArrayNode th = point.putArray("theta");
            for (double v : theta) th.add(v);
            if (Double.isFinite(q)) point.put("q", q);
            else point.putNull("q");
            point.put("p_value", pValue);
            plotted.add(new double[] {theta[0], params > 1 ? theta[1] : 0, pValue});
        }
        if (toys > 0) {
            LimitsCoverage.Counts counts = pseudoEvents == null
                    ? LimitsCoverage.poisson(observed, seed)
                    : PseudoEventExperiments.read(
                            pseudoEvents, pseudoScores, f, truth, sallyBins, observed, toys, seed);
            LimitsCoverage.compute(out, counts, total, params, toys, seed, (n, g) -> testStatistic(nu[g], n));
        }
        if (plot != null && params == 2) PValuePlot.write(plot, f.parameters(), axes, plotted, truth, luminosity);
        spec.commandLine().getOut().println(json.writeValueAsString(out));
        spec.commandLine().getOut().flush();
        return 0;
    }

    /** --method ratio: q from learned log r̂ (RatioLimits), printed as SALLY's limits are (RatioLimitsReport). */
    private void ratioLimits(
            List<Path> sorted,
            MadMinerEventFile f,
            SamplingFactors factors,
            BenchmarkCoefficients weightsAt,
            double[][] axes,
            double[] truth)
            throws Exception {
        double[][] points = ParameterGrid.points(axes);
        RatioLimits.Result r = RatioLimits.compute(sorted, f, factors, weightsAt, logRatios, points, truth, luminosity);
        RatioLimitsReport.print(spec.commandLine().getOut(), plot, f.parameters(), axes, points, truth, luminosity, r);
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
     * The scores of a run's events, [component][event] as the network's float32 values, and their weights at
     * θ_true.
     */
    record TruthScores(float[][] score, double[] weight) {}

    private TruthScores truthScores(
            List<Path> files,
            MadMinerEventFile first,
            SamplingFactors factors,
            BenchmarkCoefficients weightsAt,
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
            double[] w = weightsAt.eventWeights(f.combinedWeights(factors), truth);
            for (int e = 0; e < t.length; e++) {
                for (int a = 0; a < params; a++) score[a][offset + e] = (float) t[e][a]; // the network's float32 values
                weights[offset + e] = w[e];
            }
            offset += t.length;
        }
        return new TruthScores(score, weights);
    }

    /** H[b][k]: Σ over the events of bin b of their weights at benchmark k, one file at a time. */
    private static double[][] histograms(
            List<Path> sorted, MadMinerEventFile first, SamplingFactors factors, int[] bin, int nBins, int benchmarks) {
        double[][] h = new double[nBins][benchmarks];
        int offset = 0;
        for (Path path : sorted) {
            double[][] weights =
                    (path.equals(sorted.get(0)) ? first : MadMinerEventFile.read(path)).combinedWeights(factors);
            for (int e = 0; e < weights.length; e++)
                for (int k = 0; k < benchmarks; k++) h[bin[offset + e]][k] += weights[e][k];
            offset += weights.length;
        }
        return h;
    }

    /** Every event's combined benchmark weights, [event][benchmark], files in order. */
    private static double[][] allWeights(List<Path> sorted, MadMinerEventFile first, SamplingFactors factors) {
        List<double[]> rows = new ArrayList<>();
        for (Path path : sorted)
            rows.addAll(Arrays.asList(
                    (path.equals(sorted.get(0)) ? first : MadMinerEventFile.read(path)).combinedWeights(factors)));
        return rows.toArray(new double[0][]);
    }
}
