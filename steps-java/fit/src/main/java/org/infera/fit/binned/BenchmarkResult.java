package org.infera.fit.binned;

import java.util.List;
import org.infera.core.histfactory.TemplatesWorkspace;
import org.infera.core.histfactory.spec.Workspace;

/**
 * The precision one summary statistic reaches on one benchmark: σ of the signal yield from the
 * Asimov Fisher information, the profile-likelihood interval (ΔNLL = 0.5) with its half-width and
 * scan, and the expected 95% CL upper limits on the signal yield (−2σ…+2σ), all in expected signal
 * events; the expected CLs of the tested signal strength (background-only Asimov data, the neos
 * figure of merit); with the workspace that was fitted (null for the analytic rows) and its pyhf form
 * (a workspace pyhf loads as the same model, or why there is none).
 */
public record BenchmarkResult(
        String statistic,
        int benchmark,
        List<String> floating,
        double sigmaFisher,
        double widthProfile,
        double intervalLower,
        double intervalUpper,
        double[] scanValues,
        double[] scanDeltaNll,
        double[] expectedLimits,
        double expectedCls,
        Workspace workspace,
        TemplatesWorkspace.PyhfExport pyhf,
        boolean converged) {}
