package org.infera.core.histfactory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.infera.core.histfactory.infer.FisherInformation;
import org.infera.core.histfactory.interp.InterpCodes;
import org.infera.core.histfactory.model.Dataset;
import org.infera.core.histfactory.model.Model;
import org.infera.core.histfactory.model.ModelBuilder;
import org.infera.core.histfactory.spec.Workspace;
import org.infera.core.histfactory.spec.WorkspaceReader;
import org.junit.jupiter.api.Test;

/**
 * The model's analytic gradient and Hessian against central finite differences of −ln L, for every modifier type and
 * code.
 */
class ModelDerivativesTest {
    static Workspace allModifiers() {
        return WorkspaceReader.parse(TestWorkspaces.ALL_MODIFIERS, "all-modifiers.json");
    }

    @Test
    void gradientAndHessianMatchFiniteDifferences() {
        Workspace w = allModifiers();
        for (String ns : InterpCodes.NORMSYS) {
            for (String hs : InterpCodes.HISTOSYS) {
                Model m = ModelBuilder.build(w, null, "all-modifiers.json", ns, hs);
                Dataset data = ModelBuilder.observed(w, m);
                for (double[] theta : points(m)) check(m, data, theta, ns + "/" + hs);
            }
        }
    }

    @Test
    void fisherInformationIsTheAsimovHessian() {
        Workspace w = allModifiers();
        Model m = ModelBuilder.build(w, null, "all-modifiers.json");
        double[] theta = points(m)[1];
        double[][] info = FisherInformation.at(m, theta);
        // Σ_b ∇ν∇νᵀ/ν by finite differences of ν, plus the constraints' Fisher information
        int p = m.parameters();
        double h = 1e-6;
        double[] nu = m.expectedMain(theta);
        double[][] dnu = new double[p][];
        for (int a = 0; a < p; a++) {
            double[] tp = theta.clone(), tm = theta.clone();
            tp[a] += h;
            tm[a] -= h;
            double[] np = m.expectedMain(tp), nm = m.expectedMain(tm);
            dnu[a] = new double[nu.length];
            for (int b = 0; b < nu.length; b++) dnu[a][b] = (np[b] - nm[b]) / (2 * h);
        }
        java.util.List<String> names = m.parameterNames();
        for (int a = 0; a < p; a++) {
            for (int c = 0; c < p; c++) {
                double expected = 0;
                for (int b = 0; b < nu.length; b++) expected += dnu[a][b] * dnu[c][b] / nu[b];
                if (a == c) expected += constraintFisher(names.get(a), theta[a], m);
                assertEquals(expected, info[a][c], 1e-6 * (1 + Math.abs(expected)), names.get(a) + "," + names.get(c));
            }
        }
    }

    /** 1/σ² for Gaussian constraints, τ/γ for Poisson ones (values from the workspace in TestWorkspaces). */
    private static double constraintFisher(String name, double value, Model m) {
        if (name.startsWith("syst_") || name.startsWith("shape_")) return 1;
        if (name.equals("lumi")) return 1 / (0.02 * 0.02);
        if (name.startsWith("uncorr[")) {
            int b = Integer.parseInt(name.substring(7, name.length() - 1));
            double[] nom = {100, 150, 80}, delta = {10, 15, 4};
            return (nom[b] / delta[b]) * (nom[b] / delta[b]) / value;
        }
        if (name.startsWith("stat_SR[")) {
            int b = Integer.parseInt(name.substring(8, name.length() - 1));
            double[] sig = {10, 12, 8}, bkg = {100, 150, 80}, dSig = {1, 1.5, 0.5}, dBkg = {5, 6, 4};
            double rel = Math.sqrt(dSig[b] * dSig[b] + dBkg[b] * dBkg[b]) / (sig[b] + bkg[b]);
            return 1 / (rel * rel);
        }
        return 0;
    }

    private static double[][] points(Model m) {
        double[] init = m.inits();
        double[] a = init.clone(), b = init.clone(), c = init.clone();
        java.util.List<String> names = m.parameterNames();
        for (int i = 0; i < a.length; i++) {
            String n = names.get(i);
            boolean alpha = n.startsWith("syst_") || n.startsWith("shape_");
            a[i] = alpha ? 0.3 + 0.1 * i : 1.05 + 0.01 * i;
            b[i] = alpha ? -0.45 - 0.037 * i : 0.93 + 0.02 * i;
            c[i] = alpha ? (i % 2 == 0 ? 1.7 : -1.4) : 1.2 - 0.01 * i;
        }
        return new double[][] {a, b, c};
    }

    private static void check(Model m, Dataset data, double[] theta, String label) {
        int p = m.parameters();
        double[] g = new double[p];
        double[][] hess = new double[p][p];
        m.nll(theta, data, g, hess);
        double h = 1e-5;
        java.util.List<String> names = m.parameterNames();
        for (int a = 0; a < p; a++) {
            double[] tp = theta.clone(), tm = theta.clone();
            tp[a] += h;
            tm[a] -= h;
            double fd = (m.nll(tp, data, null, null) - m.nll(tm, data, null, null)) / (2 * h);
            assertEquals(fd, g[a], 1e-5 * (1 + Math.abs(fd)), label + " gradient " + names.get(a));
            double[] gp = new double[p], gm = new double[p];
            m.nll(tp, data, gp, new double[p][p]);
            m.nll(tm, data, gm, new double[p][p]);
            for (int c = 0; c < p; c++) {
                double fdh = (gp[c] - gm[c]) / (2 * h);
                assertEquals(
                        fdh,
                        hess[a][c],
                        1e-5 * (1 + Math.abs(fdh)),
                        label + " hessian " + names.get(a) + "," + names.get(c));
            }
        }
    }
}
