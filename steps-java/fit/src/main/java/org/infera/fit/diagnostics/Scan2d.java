package org.infera.fit.diagnostics;

import org.infera.core.histfactory.infer.FitResult;
import org.infera.core.histfactory.infer.Mle;
import org.infera.core.histfactory.model.Model;

/**
 * A 2-D profile-likelihood scan: Δ(−2 ln L)(x, y) = −2 ln L(x, y, θ̂̂) + 2 ln L(θ̂) on a grid, both parameters fixed
 * at each point and every other free parameter refitted, the grid walked row by row in a snake so that each fit
 * starts from its neighbour's.
 */
public final class Scan2d {
    /** Δ(−2 ln L) at [ix][iy]; converged: every point's fit did. */
    public record Grid(int xIndex, int yIndex, double[] x, double[] y, double[][] twiceDeltaNll, boolean converged) {}

    private Scan2d() {}

    public static Grid scan(PostFit fit, int xIndex, int yIndex, double[] xs, double[] ys) {
        Model m = fit.model();
        double[][] out = new double[xs.length][ys.length];
        boolean converged = true;
        double[] start = fit.best().values();
        for (int ix = 0; ix < xs.length; ix++) {
            for (int k = 0; k < ys.length; k++) {
                int iy = ix % 2 == 0 ? k : ys.length - 1 - k;
                boolean[] fixed = m.fixed();
                double[] lower = m.lowerBounds(), upper = m.upperBounds(), init = start.clone();
                fix(xIndex, xs[ix], fixed, lower, upper, init);
                fix(yIndex, ys[iy], fixed, lower, upper, init);
                FitResult r = Mle.minimize(fit.likelihood(), init, lower, upper, fixed);
                converged &= r.converged();
                out[ix][iy] = r.twiceNll() - fit.best().twiceNll();
                if (Double.isFinite(r.twiceNll())) start = r.values();
            }
        }
        return new Grid(xIndex, yIndex, xs, ys, out, converged);
    }

    private static void fix(int i, double v, boolean[] fixed, double[] lower, double[] upper, double[] init) {
        fixed[i] = true;
        init[i] = v;
        lower[i] = Math.min(lower[i], v);
        upper[i] = Math.max(upper[i], v);
    }
}
