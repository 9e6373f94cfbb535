package org.infera.fit.coverage;

import java.util.List;
import java.util.Map;
import org.infera.core.analysis.Analysis;
import org.infera.core.data.TemplatesFile;
import org.infera.core.histfactory.TemplatesWorkspace;
import org.infera.core.histfactory.infer.FisherInformation;
import org.infera.core.histfactory.infer.Likelihood;
import org.infera.core.histfactory.infer.ProfileScan;
import org.infera.core.histfactory.model.Dataset;
import org.infera.core.histfactory.model.Model;
import org.infera.core.histfactory.model.PseudoData;
import org.infera.core.histfactory.spec.Workspace;
import org.infera.core.random.PseudoExperimentSeeds;
import org.infera.core.random.Rng;

/**
 * One statistic's templates (one replica) fitted on one benchmark, with the parameters at a truth: the
 * benchmark's model as the benchmark table fits it, the truth in the model's parameters (μ = true signal
 * yield over the templates' signal yield; α = (value − nominal)/half-range for histosys nuisances, the
 * unit in which {@link TemplatesWorkspace} states their constraints; a yield factor = true yield over the
 * templates' yield), and the 68.27% profile-likelihood interval of μ for any data set.
 */
final class TruthModel {
    final Model model;
    final double[] theta;
    final double muTrue;
    final double signalYield;
    final double sigmaStep;
    final int[] keptBins;
    private final PseudoData atTruth;

    TruthModel(TemplatesFile t, Analysis.Benchmark b, Map<String, Double> truth, String source) {
        Workspace w = TemplatesWorkspace.of(t, b, source);
        this.model = TemplatesWorkspace.model(w, source);
        this.keptBins = TemplatesWorkspace.keptBins(t);
        this.signalYield = TemplatesWorkspace.signalYield(t);
        List<String> names = model.parameterNames();
        double[] th = model.inits();
        List<String> floating = b.floating() == null ? List.of() : b.floating();
        for (int p = 0; p < t.processes().length; p++) {
            double templateYield = 0;
            for (double v : t.nominal()[p]) templateYield += v;
            double ratio = truth.get(t.processes()[p]) / templateYield;
            if (t.isSignal()[p] == 1) th[model.poi()] = ratio;
            else if (floating.contains(t.processes()[p])) th[names.indexOf("norm_" + t.processes()[p])] = ratio;
        }
        for (TemplatesFile.NuisanceTemplate n : t.nuisances()) {
            if (!floating.contains(n.name())) continue;
            double halfRange = (n.upValue() - n.downValue()) / 2;
            th[names.indexOf(n.name())] = (truth.get(n.name()) - n.nominalValue()) / halfRange;
        }
        this.theta = th;
        this.muTrue = th[model.poi()];
        this.sigmaStep = FisherInformation.sigmaPoi(model, th);
        this.atTruth = new PseudoData(model, th);
    }

    /**
     * The interval of μ on a data set: {best, lower, upper, 1 if every fit converged}. Where the profile is
     * not monotonic on a side (a fixed-μ fit that lands in another minimum: the root finder's bracket fails),
     * that pseudo-experiment's interval comes from a scan in steps of σ/8 instead, and counts as not converged.
     */
    double[] interval(Dataset data) {
        ProfileScan scan = new ProfileScan(new Likelihood(model, data), model.poi(), theta);
        try {
            ProfileScan.Interval i = scan.interval(0.5, sigmaStep);
            return new double[] {i.best(), i.lower(), i.upper(), scan.converged() ? 1 : 0};
        } catch (org.hipparchus.exception.MathIllegalArgumentException notBracketed) {
            double best = scan.best().values()[model.poi()];
            return new double[] {best, scanned(scan, best, -1), scanned(scan, best, +1), 0};
        }
    }

    /** The first crossing of ΔNLL = 0.5 stepping from the best fit (linear between steps), or the bound. */
    private double scanned(ProfileScan scan, double best, int side) {
        double bound = side > 0 ? model.upperBounds()[model.poi()] : model.lowerBounds()[model.poi()];
        double previous = best, below = 0;
        for (int k = 1; k <= 400; k++) {
            double x = best + side * k * sigmaStep / 8;
            if (side * (x - bound) >= 0) return bound;
            double d = scan.deltaNll(x);
            if (d >= 0.5) return previous + (x - previous) * (0.5 - below) / (d - below);
            previous = x;
            below = d;
        }
        return previous;
    }

    /** Pseudo-data from the model's own templates at the truth (main bins and auxiliary data). */
    Dataset templateToy(long seed, String statistic, int benchmark, int truth, long index) {
        return atTruth.sample(new Rng(
                PseudoExperimentSeeds.seed(seed, PseudoExperimentSeeds.TEMPLATES, statistic, benchmark, truth, index)));
    }

    /** Event-level counts (all template bins) with auxiliary data drawn around the truth; the kept bins only. */
    Dataset eventToy(long[] counts, long seed, String statistic, int benchmark, int truth, long index) {
        double[] main = new double[keptBins.length];
        for (int i = 0; i < keptBins.length; i++) main[i] = counts[keptBins[i]];
        Rng rng = new Rng(
                PseudoExperimentSeeds.seed(seed, PseudoExperimentSeeds.AUXILIARY, statistic, benchmark, truth, index));
        return new Dataset(main, atTruth.auxiliary(rng));
    }

    /** Events in bins the templates leave out (no expected events there: a fit cannot use them). */
    long dropped(long[] counts) {
        long all = 0, kept = 0;
        for (long c : counts) all += c;
        for (int b : keptBins) kept += counts[b];
        return all - kept;
    }
}
