package org.infera.train.neos;

import ai.djl.ndarray.NDArray;
import java.util.List;
import org.infera.core.analysis.Analysis;
import org.infera.core.data.TemplatesFile;
import org.infera.core.histfactory.TemplatesWorkspace;
import org.infera.core.histfactory.infer.FisherInformation;
import org.infera.core.histfactory.infer.FitResult;
import org.infera.core.histfactory.infer.Likelihood;
import org.infera.core.histfactory.infer.Mle;
import org.infera.core.histfactory.model.Model;
import org.infera.core.histfactory.spec.Workspace;
import org.infera.nn.Scalars;
import org.infera.train.inferno.FisherLayout;

/**
 * The neos objective (Simpson & Heinrich 2021) of a batch's soft yields, through the same HistFactory
 * model the fit step uses ({@link TemplatesWorkspace}: normfactor μ on the signal, a histosys per
 * floated nuisance with the benchmark's constraint, code2 interpolation).
 *
 * <p>The profile fit runs outside the autodiff graph, in the fit engine. By the envelope theorem the
 * gradient of a profiled −ln L with respect to the network weights is its partial gradient at the
 * fitted nuisances, so the graph only needs −ln L's main term at the fitted parameter values (the
 * constraint terms do not depend on the weights). The objective f(q) is a function of the test
 * statistic q; the array returned for backpropagation is f'(q)·q(w) with f'(q) a number, whose
 * gradient is exactly ∇f. The Asimov data are themselves functions of the weights, and stay in the graph.
 */
public final class ProfiledObjective {
    private final Analysis analysis;
    private final Analysis.Benchmark benchmark;
    private final FisherLayout layout;
    private final FigureOfMerit objective;
    private final double mu;

    /** The value, the array to backpropagate, the test statistic, and whether the fit converged. */
    public record Evaluation(double value, NDArray differentiable, double testStatistic, boolean converged) {}

    public ProfiledObjective(
            Analysis analysis, int benchmark, FisherLayout layout, FigureOfMerit objective, double mu) {
        this.analysis = analysis;
        this.benchmark = analysis.benchmarks().stream()
                .filter(b -> b.id() == benchmark)
                .findFirst()
                .orElseThrow();
        this.layout = layout;
        this.objective = objective;
        this.mu = mu;
    }

    public Evaluation evaluate(SoftYields yields) {
        TemplatesFile templates = yields.templates(analysis, layout);
        Workspace w = TemplatesWorkspace.of(templates, benchmark, "neos batch");
        Model model = TemplatesWorkspace.model(w, "neos batch");
        List<String> names = model.parameterNames();
        double[] nominal = model.inits();
        if (objective == FigureOfMerit.SIGMA) return sigma(model, yields, names, nominal);

        // CLs: background-only Asimov data, fit at μ; discovery: signal-plus-background Asimov data, fit at μ = 0
        double[] generating = nominal.clone();
        generating[model.poi()] = objective == FigureOfMerit.CLS ? 0 : mu;
        double tested = objective == FigureOfMerit.CLS ? mu : 0;
        Likelihood asimov = new Likelihood(model, model.expected(generating));
        FitResult conditional = Mle.fixedPoiFit(asimov, tested, generating);
        // the generating point is the unconditional fit of its own Asimov data
        double q = Math.max(0, conditional.twiceNll() - asimov.twiceNll(generating));
        double sqrtQ = Math.sqrt(q);
        double value = objective == FigureOfMerit.CLS ? 2 * upperTail(sqrtQ) : upperTail(sqrtQ);
        // d value / d q: CLs = 2Φ(−√q) → −φ(√q)/√q; p₀ = Φ(−√q) → −φ(√q)/(2√q)
        double slope = sqrtQ > 0 ? -density(sqrtQ) / sqrtQ * (objective == FigureOfMerit.CLS ? 1 : 0.5) : 0;
        NDArray data = expected(yields, names, generating);
        NDArray qOfWeights = Scalars.mul(
                mainNll(yields, names, conditional.values(), data).sub(mainNll(yields, names, generating, data)), 2);
        return new Evaluation(value, Scalars.mul(qOfWeights, slope), q, conditional.converged());
    }

    /** σ_μ from the inverse Fisher information at nominal values, differentiable as I(w) is. */
    private Evaluation sigma(Model model, SoftYields yields, List<String> names, double[] nominal) {
        int processes = layout.yields().length;
        NDArray nu = expected(yields, names, nominal);
        ai.djl.ndarray.NDList rows = new ai.djl.ndarray.NDList();
        int n = names.size();
        // the data part Σ ∂ν∂νᵀ/ν in the graph; the constraint part (independent of the weights) is the engine's
        // Fisher information less its data part, which equals the graph's value
        double[][] engine = FisherInformation.at(model, nominal);
        double[] constraintPart = new double[n * n];
        for (int a = 0; a < n; a++) rows.add(derivative(yields, names.get(a), processes));
        NDArray d = ai.djl.ndarray.NDArrays.stack(rows);
        NDArray info = d.div(nu).matMul(d.transpose());
        double[] infoValues = SoftYields.doubles(info);
        for (int a = 0; a < n; a++)
            for (int b = 0; b < n; b++) constraintPart[a * n + b] = engine[a][b] - infoValues[a * n + b];
        boolean[] fixed = model.fixed();
        int[] free =
                java.util.stream.IntStream.range(0, n).filter(i -> !fixed[i]).toArray();
        NDArray full = info.add(info.getManager()
                .create(constraintPart, new ai.djl.ndarray.types.Shape(n, n))
                .toType(info.getDataType(), false));
        NDArray reduced = full.get(info.getManager().create(free))
                .transpose()
                .get(info.getManager().create(free));
        int poi = java.util.Arrays.binarySearch(free, model.poi());
        NDArray sigmaOfWeights = reduced.inverse().get(poi, poi).sqrt();
        double sigma = FisherInformation.sigmaPoi(model, nominal);
        return new Evaluation(sigma, sigmaOfWeights, sigma * sigma, true);
    }

    /** ∂ν/∂θ at nominal values for the named parameter (code2 at α = 0: (hi − lo)/2; a factor: its sample). */
    private NDArray derivative(SoftYields y, String name, int processes) {
        NDArray zero = y.process(0).zerosLike();
        if (name.equals(TemplatesWorkspace.POI)) return y.process(analysis.signalIndex());
        for (int k = 0; k < layout.shifted().size(); k++) {
            if (analysis.nuisancesOrEmpty().get(layout.shifted().get(k)).name().equals(name)) {
                return Scalars.mul(y.up(k, processes).sub(y.down(k, processes)), 0.5);
            }
        }
        for (int p = 0; p < processes; p++) {
            if (name.equals("norm_" + analysis.processes().get(p).name())) return y.process(p);
        }
        return zero; // a parameter the benchmark fixes
    }

    /** ν(θ) in the graph: Σ_p factor_p (y_p + Σ_k Δ_k(α_k)), with the fit step's code2 interpolation. */
    NDArray expected(SoftYields y, List<String> names, double[] theta) {
        int processes = layout.yields().length;
        NDArray nu = null;
        for (int p = 0; p < processes; p++) {
            NDArray base = y.process(p);
            for (int k = 0; k < layout.shifted().size(); k++) {
                Analysis.Nuisance n =
                        analysis.nuisancesOrEmpty().get(layout.shifted().get(k));
                if (analysis.processIndex(n.process()) != p) continue;
                double alpha = theta[names.indexOf(n.name())];
                base = base.add(code2Delta(y.up(k, processes), y.process(p), y.down(k, processes), alpha));
            }
            double factor = 1;
            if (p == analysis.signalIndex()) factor = theta[names.indexOf(TemplatesWorkspace.POI)];
            int norm = names.indexOf("norm_" + analysis.processes().get(p).name());
            if (norm >= 0) factor *= theta[norm];
            NDArray term = Scalars.mul(base, factor);
            nu = nu == null ? term : nu.add(term);
        }
        return nu;
    }

    /**
     * Σ_b ν_b − n_b ln ν_b at θ (the θ-independent ln Γ(n+1) and the constraints cancel in every difference we take).
     */
    NDArray mainNll(SoftYields y, List<String> names, double[] theta, NDArray data) {
        NDArray nu = expected(y, names, theta);
        return nu.sub(data.mul(nu.log())).sum();
    }

    /** Code 2 (quadratic inside |α| ≤ 1, linear with matching slope outside): Δ = value − nom. */
    static NDArray code2Delta(NDArray hi, NDArray nom, NDArray lo, double alpha) {
        NDArray b = Scalars.mul(hi.sub(lo), 0.5);
        NDArray a = Scalars.mul(hi.add(lo), 0.5).sub(nom);
        if (alpha > 1) return hi.sub(nom).add(Scalars.mul(b.add(Scalars.mul(a, 2)), alpha - 1));
        if (alpha < -1) return lo.sub(nom).add(Scalars.mul(b.sub(Scalars.mul(a, 2)), alpha + 1));
        return Scalars.mul(b, alpha).add(Scalars.mul(a, alpha * alpha));
    }

    private static double upperTail(double x) {
        return 0.5 * org.hipparchus.special.Erf.erfc(x / Math.sqrt(2));
    }

    private static double density(double x) {
        return Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI);
    }
}
