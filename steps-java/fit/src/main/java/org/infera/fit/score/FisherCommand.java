package org.infera.fit.score;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;
import org.infera.core.cli.InputException;
import org.infera.core.cli.VersionProvider;
import org.infera.core.data.EstimatedScoresFile;
import org.infera.core.data.MadMinerEventFile;
import org.infera.core.data.RunFiles;
import org.infera.core.data.SamplingFactors;
import org.infera.core.histfactory.infer.FisherInformation;
import org.infera.core.morphing.Morphing;
import org.infera.core.morphing.WeightedFisher;
import org.infera.core.stats.EnsembleSpread;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "fisher",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "The Fisher information on the theory parameters at θ for an integrated luminosity, from weighted events "
                    + "in MadMiner's layout (with morphing): truth = L Σ ∂w ∂wᵀ / w (everything the events know), rate "
                    + "= L ∂σ ∂σᵀ / σ "
                    + "(a counting experiment), sally = L Σ w t̂ t̂ᵀ + rate, with t̂(x) the score a SALLY network "
                    + "estimates "
                    + "(kinematic and rate information). Prints JSON with the matrix as fisher and the mode."
        })
public final class FisherCommand implements Callable<Integer> {
    @Option(
            names = "--events",
            arity = "1..*",
            description = "Weighted events in MadMiner's layout, one file or the shards of one run "
                    + "(e.g. infera-simulate eft-toy).")
    java.util.List<Path> events;

    @Option(
            names = "--samples",
            description = "Instead of --events, for --mode sally: unweighted score samples at θ (their test "
                    + "split); the information is then L E[t̂ t̂ᵀ], L the number of events (kinematic "
                    + "information only).")
    Path samples;

    @Option(
            names = "--theta",
            paramLabel = "θ1,θ2,…",
            required = true,
            split = ",",
            description = "The parameter point, e.g. 0,0.")
    double[] theta;

    @Option(
            names = "--luminosity",
            required = true,
            description = "Integrated luminosity, in the inverse units of the weights.")
    double luminosity;

    @Option(names = "--mode", defaultValue = "truth", description = "truth, rate or sally (default: ${DEFAULT-VALUE}).")
    String mode;

    @Option(
            names = "--scores",
            paramLabel = "<scores-dir>",
            description = "For --mode sally: the estimated scores of the events (or samples), written by infera-shift "
                    + "scores.")
    Path scores;

    @Option(
            names = "--plot",
            paramLabel = "FILE.png",
            description = "Draw the 1σ and 2σ ellipses Δθᵀ I Δθ = 1, 4 (two parameters).")
    Path plot;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (!(luminosity > 0) || !Double.isFinite(luminosity))
            throw new InputException("--luminosity must be positive, got " + luminosity);
        org.infera.core.cli.Checks.point("--theta", theta);
        if ((events == null) == (samples == null)) throw new InputException("give either --events or --samples");
        if (samples != null) return printSamplesFisher();
        if (!Arrays.asList("truth", "rate", "sally").contains(mode))
            throw new InputException("--mode '" + mode + "' is not truth, rate or sally");
        // One file at a time: every mode is a sum over events, so memory follows the largest shard.
        java.util.List<Path> sorted = RunFiles.inNameOrder(events);
        MadMinerEventFile first = MadMinerEventFile.readHeader(sorted.get(0));
        if (!first.hasMorphing())
            throw new InputException.Shape(
                    sorted.get(0),
                    "dataset 'morphing/components'",
                    "no morphing group: the weights' θ dependence is unknown");
        if (theta.length != first.parameters().length) {
            throw new InputException("--theta has " + theta.length + " values but " + sorted.get(0) + " has parameters "
                    + Arrays.toString(first.parameters()));
        }
        Morphing morphing = new Morphing(first.morphingComponents(), first.morphingMatrix());
        // a run's samples simulated at several benchmarks, combined as MadMiner combines them
        SamplingFactors factors = MadMinerEventFile.runSamplingFactors(sorted);
        double[][] kinematic = new double[theta.length][theta.length];
        double[][][] memberKinematic = null; // an ensemble's: each member's kinematic information
        double[] crossSection = new double[1 + theta.length];
        if (mode.equals("sally")) requireScores();
        for (Path path : sorted) {
            MadMinerEventFile f = MadMinerEventFile.read(path);
            f.requireSameRunAs(first, path, sorted.get(0));
            double[][] weights = f.combinedWeights(factors);
            switch (mode) {
                case "truth" -> WeightedFisher.addTruth(kinematic, morphing, weights, theta, luminosity);
                case "sally" -> {
                    double[] w = morphing.eventWeights(weights, theta);
                    EstimatedScoresFile estimated = EstimatedScoresFile.forEvents(scores, path, f);
                    addSally(kinematic, w, estimated.score());
                    int size = estimated.members() == null ? 1 : estimated.members().length;
                    if (path == sorted.get(0) && size > 1)
                        memberKinematic = new double[size][theta.length][theta.length];
                    int expected = memberKinematic == null ? 1 : memberKinematic.length;
                    if (size != expected) {
                        throw new InputException.Mismatch(
                                scores.resolve(path.getFileName().toString()),
                                "attribute 'members'",
                                "the scores of " + size + " network(s), but those of "
                                        + scores.resolve(
                                                sorted.get(0).getFileName().toString()) + " of " + expected
                                        + ": the run's files were scored by different ensembles");
                    }
                    for (int k = 0; k < expected && size > 1; k++)
                        addSally(memberKinematic[k], w, estimated.members()[k]);
                }
                default -> {}
            }
            WeightedFisher.addCrossSection(crossSection, morphing, weights, theta);
        }
        if (!(crossSection[0] > 0)) {
            throw new InputException.Value(
                    sorted.get(0),
                    "dataset 'samples/weights'",
                    "the cross section at --theta " + Arrays.toString(theta) + " is " + crossSection[0]
                            + " over all files: the weights give no events there");
        }
        double[][] info = mode.equals("truth") ? kinematic : WeightedFisher.rate(crossSection, luminosity);
        if (mode.equals("sally")) add(info, kinematic);
        if (memberKinematic != null) // each member's information: the same rate part, its own kinematic part
        for (double[][] member : memberKinematic) add(member, WeightedFisher.rate(crossSection, luminosity));
        return print(info, first.parameters(), memberKinematic);
    }

    private static void add(double[][] to, double[][] term) {
        for (int a = 0; a < to.length; a++) for (int b = 0; b < to.length; b++) to[a][b] += term[a][b];
    }

    /** L E[t̂ t̂ᵀ] over the test split of score samples drawn at θ. */
    private int printSamplesFisher() {
        if (!mode.equals("sally")) throw new InputException("--samples goes with --mode sally");
        org.infera.core.data.ScoreSamplesFile s = org.infera.core.data.ScoreSamplesFile.read(samples);
        if (!Arrays.equals(theta, s.theta())) {
            throw new InputException(samples + ": drawn at θ = " + Arrays.toString(s.theta()) + ", not at --theta "
                    + Arrays.toString(theta));
        }
        requireScores();
        EstimatedScoresFile estimated = EstimatedScoresFile.forSamples(scores, samples, s);
        double[][][] members = null;
        if (estimated.members() != null) {
            members = new double[estimated.members().length][][];
            for (int k = 0; k < members.length; k++)
                members[k] = samplesFisher(estimated.members()[k]);
        }
        return print(samplesFisher(estimated.score()), s.parameters(), members);
    }

    private double[][] samplesFisher(double[][] score) {
        int n = theta.length;
        double[][] info = new double[n][n];
        for (double[] t : score) {
            for (int a = 0; a < n; a++)
                for (int b = 0; b < n; b++) info[a][b] += luminosity * t[a] * t[b] / score.length;
        }
        return info;
    }

    /** Prints the JSON; {@code members}: each ensemble member's information (null: one network). */
    private int print(double[][] info, String[] parameters, double[][][] members) {
        if (plot != null && info.length == 2) FisherEllipsePlot.write(plot, info, parameters, theta, mode, luminosity);
        ObjectNode out = new ObjectMapper().createObjectNode();
        out.put("mode", mode);
        out.put("luminosity", luminosity);
        ArrayNode t = out.putArray("theta");
        for (double v : theta) t.add(v);
        ArrayNode names = out.putArray("parameters");
        for (String p : parameters) names.add(p);
        // the Cramér–Rao bound on each parameter, all others profiled: sqrt((I⁻¹)_ii)
        ArrayNode sigma = out.putArray("sigma");
        for (int i = 0; i < info.length; i++) {
            double s = FisherInformation.sigma(info, i, new boolean[info.length]);
            if (Double.isNaN(s)) sigma.addNull(); // not positive definite: some direction is not measured at all
            else sigma.add(s);
        }
        matrix(out.putArray("fisher"), info);
        if (members != null) out.set("ensemble", ensemble(members));
        try {
            spec.commandLine()
                    .getOut()
                    .println(new ObjectMapper()
                            .enable(SerializationFeature.INDENT_OUTPUT)
                            .writeValueAsString(out));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        spec.commandLine().getOut().flush();
        return 0;
    }

    private static void matrix(ArrayNode rows, double[][] m) {
        for (double[] row : m) {
            ArrayNode r = rows.addArray();
            for (double v : row) r.add(v);
        }
    }

    /**
     * The training uncertainty of an ensemble's information: each member's information (its own scores) and
     * Cramér–Rao σ, and their standard deviations over members (fisher_std, sigma_std).
     */
    private static ObjectNode ensemble(double[][][] members) {
        ObjectNode node = new ObjectMapper().createObjectNode();
        node.put("members", members.length);
        int n = members[0].length;
        double[][] sigmas = new double[members.length][n];
        for (int k = 0; k < members.length; k++)
            for (int i = 0; i < n; i++) sigmas[k][i] = FisherInformation.sigma(members[k], i, new boolean[n]);
        matrix(node.putArray("fisher_std"), EnsembleSpread.elementwise(members, true));
        ArrayNode sigmaStd = node.putArray("sigma_std");
        for (int i = 0; i < n; i++) {
            double[] column = new double[members.length];
            for (int k = 0; k < members.length; k++) column[k] = sigmas[k][i];
            double std = EnsembleSpread.std(column);
            if (Double.isNaN(std)) sigmaStd.addNull(); // a member measures some direction not at all
            else sigmaStd.add(std);
        }
        ArrayNode fisherMembers = node.putArray("fisher_members");
        for (double[][] m : members) matrix(fisherMembers.addArray(), m);
        return node;
    }

    private void requireScores() {
        if (scores == null) {
            throw new InputException.BadOption(
                    "--scores",
                    "--mode sally needs --scores: the estimated scores that "
                            + "infera-shift scores writes from a SALLY model");
        }
    }

    /**
     * Adds one file's L Σ_e w_e(θ) t̂(x_e) t̂(x_e)ᵀ (the kinematic part of SALLY's information; the rate part comes
     * from σ), from the events' weights at θ and their estimated scores.
     */
    private void addSally(double[][] info, double[] w, double[][] score) {
        int n = info.length;
        for (int e = 0; e < w.length; e++) {
            for (int a = 0; a < n; a++)
                for (int b = 0; b < n; b++) info[a][b] += luminosity * w[e] * score[e][a] * score[e][b];
        }
    }
}
