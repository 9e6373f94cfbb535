package org.infera.core.histfactory.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.hipparchus.special.Gamma;
import org.infera.core.histfactory.interp.Interpolation;

/**
 * A HistFactory model as pyhf defines it: the expected counts ν(θ) of every bin, and the negative
 * log-likelihood −ln L = Σ_bins [ν − n ln ν + ln Γ(n+1)] + Σ_constraints (−ln p(aux | θ)), with
 * Gaussian constraints Normal(aux | θ, σ) and Poisson constraints Poisson(aux | θτ), both
 * normalised, so that twice the NLL equals pyhf's −2·logpdf to rounding.
 *
 * <p>Gradient and Hessian are exact (analytic derivatives of the modifiers and interpolation
 * codes), so {@code infer.Mle} can use Newton's method. Built by {@link ModelBuilder}.
 */
public final class Model {
    private static final double HALF_LN_2PI = 0.5 * Math.log(2 * Math.PI);

    final List<ParameterSet> sets;
    final List<String> channels;
    final int[] channelOffset;
    final int[] channelBins;
    final int bins;
    final SampleTerm[][] samplesByChannel;
    final Interpolation normsys;
    final Interpolation histosys;
    final int poi;
    final int parameters;
    /** Constraint terms, one per constrained parameter, in parameter order. */
    final int[] constraintPar;

    final ParameterSet.Constraint[] constraintType;
    final double[] constraintScale;
    final double[] defaultAux;
    /** The most factors and histosys terms any sample has: the sizes of the per-bin scratch arrays. */
    private final int maxFactors;

    private final int maxAdditive;

    Model(
            List<ParameterSet> sets,
            List<String> channels,
            int[] channelBins,
            SampleTerm[][] samplesByChannel,
            Interpolation normsys,
            Interpolation histosys,
            int poi) {
        this.sets = sets;
        this.channels = channels;
        this.channelBins = channelBins;
        this.channelOffset = new int[channelBins.length];
        int total = 0;
        for (int c = 0; c < channelBins.length; c++) {
            channelOffset[c] = total;
            total += channelBins[c];
        }
        this.bins = total;
        this.samplesByChannel = samplesByChannel;
        this.normsys = normsys;
        this.histosys = histosys;
        this.poi = poi;
        this.parameters = sets.stream().mapToInt(ParameterSet::size).sum();
        List<Integer> par = new ArrayList<>();
        List<ParameterSet.Constraint> type = new ArrayList<>();
        List<Double> scale = new ArrayList<>();
        List<Double> aux = new ArrayList<>();
        for (ParameterSet s : sets) {
            for (int i = 0; i < s.size; i++) {
                if (!s.constrained[i]) continue;
                par.add(s.offset + i);
                type.add(s.constraint);
                scale.add(s.scale[i]);
                aux.add(s.auxdata[i]);
            }
        }
        constraintPar = par.stream().mapToInt(Integer::intValue).toArray();
        constraintType = type.toArray(new ParameterSet.Constraint[0]);
        constraintScale = scale.stream().mapToDouble(Double::doubleValue).toArray();
        defaultAux = aux.stream().mapToDouble(Double::doubleValue).toArray();
        int factors = 0, additive = 0;
        for (SampleTerm[] channel : samplesByChannel) {
            for (SampleTerm s : channel) {
                factors = Math.max(factors, s.scalarPar.length + s.binPar.length);
                additive = Math.max(additive, s.additivePar.length);
            }
        }
        maxFactors = factors;
        maxAdditive = additive;
    }

    public int parameters() {
        return parameters;
    }

    public int bins() {
        return bins;
    }

    public int poi() {
        return poi;
    }

    public String poiName() {
        return parameterNames().get(poi);
    }

    public List<String> channels() {
        return channels;
    }

    public List<ParameterSet> parameterSets() {
        return sets;
    }

    public Interpolation normsysInterpolation() {
        return normsys;
    }

    public Interpolation histosysInterpolation() {
        return histosys;
    }

    /** Names as pyhf's par_names(): "mu", and "gamma[0]", "gamma[1]", … for per-bin sets. */
    public List<String> parameterNames() {
        List<String> names = new ArrayList<>();
        for (ParameterSet s : sets) {
            if (s.size == 1 && !isPerBin(s.kind)) names.add(s.name);
            else for (int i = 0; i < s.size; i++) names.add(s.name + "[" + i + "]");
        }
        return names;
    }

    public double[] inits() {
        return concat(s -> s.inits);
    }

    public double[] lowerBounds() {
        return concat(s -> s.lower);
    }

    public double[] upperBounds() {
        return concat(s -> s.upper);
    }

    public boolean[] fixed() {
        boolean[] out = new boolean[parameters];
        for (ParameterSet s : sets) System.arraycopy(s.fixed, 0, out, s.offset, s.size);
        return out;
    }

    /** Auxiliary data of the workspace (the constraint centres), in constraint order. */
    public double[] auxdata() {
        return defaultAux.clone();
    }

    public int constraints() {
        return constraintPar.length;
    }

    /** The index of parameter {@code p}'s constraint in the auxiliary data, or −1 where it has none. */
    public int constraintIndex(int p) {
        for (int k = 0; k < constraintPar.length; k++) if (constraintPar[k] == p) return k;
        return -1;
    }

    /** The expected data at θ: main counts, and the auxiliary data the constraints expect (θ, or θτ for Poisson). */
    public Dataset expected(double[] theta) {
        double[] aux = new double[constraintPar.length];
        for (int k = 0; k < aux.length; k++) {
            double t = theta[constraintPar[k]];
            aux[k] = constraintType[k] == ParameterSet.Constraint.POISSON ? t * constraintScale[k] : t;
        }
        return new Dataset(expectedMain(theta), aux);
    }

    /** ν of every bin at θ, channels in order. */
    public double[] expectedMain(double[] theta) {
        double[] nu = new double[bins];
        double[] d = new double[3];
        for (SampleTerm[] channel : samplesByChannel) {
            for (SampleTerm s : channel) {
                double scalar = 1;
                for (int j = 0; j < s.scalarPar.length; j++) scalar *= scalarFactor(s, j, theta, d);
                for (int b = 0; b < s.bins(); b++) {
                    double base = s.nominal[b];
                    for (int k = 0; k < s.additivePar.length; k++) {
                        base += histosys.value(
                                        theta[s.additivePar[k]], s.additiveLo[k][b], s.nominal[b], s.additiveHi[k][b])
                                - s.nominal[b];
                    }
                    double f = scalar;
                    for (int[] bp : s.binPar) if (bp[b] >= 0) f *= theta[bp[b]];
                    nu[s.offset + b] += base * f;
                }
            }
        }
        return nu;
    }

    /** Σ_b ln Γ(n_b + 1) + Σ_Poisson-constraints ln Γ(aux + 1): the part of the NLL that does not depend on θ. */
    public double constantTerm(Dataset data) {
        double c = 0;
        for (double n : data.main()) c += Gamma.logGamma(n + 1);
        for (int k = 0; k < constraintPar.length; k++) {
            if (constraintType[k] == ParameterSet.Constraint.POISSON) c += Gamma.logGamma(data.aux()[k] + 1);
            else c += Math.log(constraintScale[k]) + HALF_LN_2PI;
        }
        return c;
    }

    /**
     * −ln L(θ) less {@link #constantTerm}; with {@code grad} and {@code hess} non-null, also writes the
     * exact gradient and Hessian into them (overwriting). Returns +∞ where some ν is not positive
     * while data are, or a Poisson-constrained parameter is not positive.
     */
    public double nll(double[] theta, Dataset data, double[] grad, double[][] hess) {
        double[] nu = expectedMain(theta);
        double[] n = data.main();
        double value = 0;
        for (int b = 0; b < bins; b++) {
            double term = PoissonTerm.nll(nu[b], n[b]);
            if (term == Double.POSITIVE_INFINITY) return term;
            value += term;
        }
        value += constraintValue(theta, data.aux());
        if (Double.isInfinite(value) || grad == null) return value;
        Arrays.fill(grad, 0);
        for (double[] row : hess) Arrays.fill(row, 0);
        mainDerivatives(theta, n, nu, grad, hess);
        constraintDerivatives(theta, data.aux(), grad, hess);
        return value;
    }

    private double constraintValue(double[] theta, double[] aux) {
        double value = 0;
        for (int k = 0; k < constraintPar.length; k++) {
            double t = theta[constraintPar[k]];
            if (constraintType[k] == ParameterSet.Constraint.GAUSSIAN) {
                double z = (aux[k] - t) / constraintScale[k];
                value += 0.5 * z * z;
            } else {
                double term = PoissonTerm.nll(t * constraintScale[k], aux[k]);
                if (term == Double.POSITIVE_INFINITY) return term;
                value += term;
            }
        }
        return value;
    }

    private void constraintDerivatives(double[] theta, double[] aux, double[] grad, double[][] hess) {
        for (int k = 0; k < constraintPar.length; k++) {
            int p = constraintPar[k];
            double t = theta[p];
            if (constraintType[k] == ParameterSet.Constraint.GAUSSIAN) {
                double s2 = constraintScale[k] * constraintScale[k];
                grad[p] += (t - aux[k]) / s2;
                hess[p][p] += 1 / s2;
            } else {
                grad[p] += constraintScale[k] - aux[k] / t;
                hess[p][p] += aux[k] / (t * t);
            }
        }
    }

    /**
     * Σ_b (1 − n/ν) ∇ν into grad and Σ_b [(n/ν²) ∇ν∇νᵀ + (1 − n/ν) ∇²ν] into hess, bin by bin,
     * with ∇ν gathered sparsely over the parameters that touch the bin.
     */
    private void mainDerivatives(double[] theta, double[] n, double[] nu, double[] grad, double[][] hess) {
        double[] dnu = new double[parameters];
        int[] touched = new int[parameters];
        boolean[] isTouched = new boolean[parameters];
        double[] d = new double[3];
        int[] fPar = new int[maxFactors];
        double[] f0 = new double[maxFactors], f1 = new double[maxFactors], f2 = new double[maxFactors];
        double[] a1 = new double[maxAdditive], a2 = new double[maxAdditive];
        for (int c = 0; c < samplesByChannel.length; c++) {
            SampleTerm[] channel = samplesByChannel[c];
            // scalar factors and their derivatives do not depend on the bin: once per sample
            double[][][] scalarD = new double[channel.length][][];
            for (int si = 0; si < channel.length; si++) {
                SampleTerm s = channel[si];
                scalarD[si] = new double[s.scalarPar.length][3];
                for (int j = 0; j < s.scalarPar.length; j++) {
                    scalarFactor(s, j, theta, scalarD[si][j]);
                }
            }
            for (int b = 0; b < channelBins[c]; b++) {
                int global = channelOffset[c] + b;
                double w = nu[global] > 0 ? 1 - n[global] / nu[global] : 1;
                int nTouched = 0;
                for (int si = 0; si < channel.length; si++) {
                    SampleTerm s = channel[si];
                    double base = s.nominal[b];
                    int na = s.additivePar.length;
                    for (int k = 0; k < na; k++) {
                        histosys.derivatives(
                                theta[s.additivePar[k]], s.additiveLo[k][b], s.nominal[b], s.additiveHi[k][b], d);
                        base += d[0] - s.nominal[b];
                        a1[k] = d[1];
                        a2[k] = d[2];
                    }
                    int m = 0;
                    for (int j = 0; j < s.scalarPar.length; j++) {
                        fPar[m] = s.scalarPar[j];
                        f0[m] = scalarD[si][j][0];
                        f1[m] = scalarD[si][j][1];
                        f2[m] = scalarD[si][j][2];
                        m++;
                    }
                    for (int[] bp : s.binPar) {
                        if (bp[b] < 0) continue;
                        fPar[m] = bp[b];
                        f0[m] = theta[bp[b]];
                        f1[m] = 1;
                        f2[m] = 0;
                        m++;
                    }
                    double product = 1;
                    for (int j = 0; j < m; j++) product *= f0[j];
                    // histosys parameters: ∂ν = Δ'·F, ∂²ν/∂α² = Δ''·F, ∂²ν/∂α∂θ_j = Δ'·F_¬j·f'_j
                    for (int k = 0; k < na; k++) {
                        int p = s.additivePar[k];
                        nTouched = touch(p, a1[k] * product, dnu, touched, isTouched, nTouched);
                        hess[p][p] += w * a2[k] * product;
                        for (int j = 0; j < m; j++) {
                            double h = w * a1[k] * without(f0, m, j, -1) * f1[j];
                            hess[p][fPar[j]] += h;
                            hess[fPar[j]][p] += h;
                        }
                    }
                    // factors: ∂ν = B·F_¬j·f'_j, ∂²ν = B·F_¬jl·f'_j f'_l, and B·F_¬j·f''_j on the diagonal
                    for (int j = 0; j < m; j++) {
                        double fj = without(f0, m, j, -1);
                        nTouched = touch(fPar[j], base * fj * f1[j], dnu, touched, isTouched, nTouched);
                        hess[fPar[j]][fPar[j]] += w * base * fj * f2[j];
                        for (int l = j + 1; l < m; l++) {
                            double h = w * base * without(f0, m, j, l) * f1[j] * f1[l];
                            hess[fPar[j]][fPar[l]] += h;
                            hess[fPar[l]][fPar[j]] += h;
                        }
                    }
                }
                double curvature = nu[global] > 0 ? n[global] / (nu[global] * nu[global]) : 0;
                for (int i = 0; i < nTouched; i++) {
                    int p = touched[i];
                    double dp = dnu[p];
                    grad[p] += w * dp;
                    if (curvature != 0) {
                        double[] row = hess[p];
                        double cdp = curvature * dp;
                        for (int j = 0; j < nTouched; j++) row[touched[j]] += cdp * dnu[touched[j]];
                    }
                }
                for (int i = 0; i < nTouched; i++) {
                    dnu[touched[i]] = 0;
                    isTouched[touched[i]] = false;
                }
            }
        }
    }

    private static int touch(int p, double v, double[] dnu, int[] touched, boolean[] isTouched, int nTouched) {
        if (!isTouched[p]) {
            isTouched[p] = true;
            touched[nTouched++] = p;
        }
        dnu[p] += v;
        return nTouched;
    }

    /** Π_{i<m, i≠skip1, i≠skip2} f[i]. */
    private static double without(double[] f, int m, int skip1, int skip2) {
        double p = 1;
        for (int i = 0; i < m; i++) if (i != skip1 && i != skip2) p *= f[i];
        return p;
    }

    /**
     * Value (returned) and derivatives (in d) of scalar factor j of a sample: θ for linear factors,
     * the normsys interpolation otherwise.
     */
    private double scalarFactor(SampleTerm s, int j, double[] theta, double[] d) {
        double t = theta[s.scalarPar[j]];
        if (s.isNormsys(j)) {
            normsys.derivatives(t, s.scalarLo[j], 1.0, s.scalarHi[j], d);
        } else {
            d[0] = t;
            d[1] = 1;
            d[2] = 0;
        }
        return d[0];
    }

    static boolean isPerBin(String kind) {
        return kind.equals("shapesys") || kind.equals("staterror") || kind.equals("shapefactor");
    }

    private double[] concat(Function<ParameterSet, double[]> field) {
        double[] out = new double[parameters];
        for (ParameterSet s : sets) System.arraycopy(field.apply(s), 0, out, s.offset, s.size);
        return out;
    }
}
