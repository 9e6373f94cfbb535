package org.infera.core.physics;

import java.util.List;
import org.infera.core.random.Rng;

/**
 * The expected Fisher information of the unbinned extended likelihood of the INFERNO paper problem,
 * from its true densities: the best any summary statistic can do.
 *
 * With ν(x) = s f_s(x) + b f_b(x | r, λ), I_ab = ∫ ∂_aν ∂_bν / ν dx = s E_s[h_ab] + b E_b[h_ab] with
 * h_ab = ∂_aν ∂_bν / ν², estimated by Monte Carlo with the given number of events per process.
 * ∂ν/∂s = f_s, ∂ν/∂b = f_b, ∂ν/∂r = b f_b (x0 − 2 − r)/5, ∂ν/∂λ = b f_b (1/λ − x2).
 * Parameters in the order of {@link #PARAMETERS}, at their nominal values.
 */
public final class AnalyticFisher {
    /** Named as the processes and nuisances of params/analysis/inferno-paper.json. */
    public static final List<String> PARAMETERS = List.of("signal", "background", "r", "lambda");

    private AnalyticFisher() {}

    public static double[][] infernoPaper(int eventsPerProcess, long seed) {
        double s = InfernoPaperProblem.SIGNAL_YIELD, b = InfernoPaperProblem.BACKGROUND_YIELD;
        double r = InfernoPaperProblem.NOMINAL_R, lambda = InfernoPaperProblem.NOMINAL_LAMBDA;
        Rng rng = new Rng(seed);
        double[][] info = new double[4][4];
        double[] d = new double[4];
        for (int process = 0; process < 2; process++) {
            double yield = process == 0 ? s : b;
            for (int i = 0; i < eventsPerProcess; i++) {
                double[] x =
                        process == 0 ? InfernoPaperProblem.signal(rng) : InfernoPaperProblem.background(rng, r, lambda);
                double fs = Math.exp(InfernoPaperProblem.logSignalDensity(x));
                double fb = Math.exp(InfernoPaperProblem.logBackgroundDensity(x, r, lambda));
                double nu = s * fs + b * fb;
                d[0] = fs;
                d[1] = fb;
                d[2] = b * fb * (x[0] - 2 - r) / 5;
                d[3] = b * fb * (1 / lambda - x[2]);
                for (int a = 0; a < 4; a++) {
                    for (int c = 0; c < 4; c++) info[a][c] += yield * d[a] * d[c] / (nu * nu) / eventsPerProcess;
                }
            }
        }
        return info;
    }
}
