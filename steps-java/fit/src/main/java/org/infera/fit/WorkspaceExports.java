package org.infera.fit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.infera.core.histfactory.TemplatesWorkspace;
import org.infera.core.histfactory.infer.AsymptoticCalculator;
import org.infera.core.histfactory.infer.UpperLimit;
import org.infera.core.histfactory.model.Model;
import org.infera.core.histfactory.spec.WorkspaceWriter;
import org.infera.fit.histfactory.ClsPlot;

/** The fitted workspace of a statistic on a benchmark, in pyhf's JSON format, and its CLs-versus-μ plot. */
final class WorkspaceExports {
    private WorkspaceExports() {}

    static void write(Path outdir, String name, BenchmarkResult r) throws IOException {
        if (r.workspace() == null) return;
        WorkspaceWriter.write(r.workspace(), outdir.resolve("workspaces").resolve(name + ".json"));
        Model m = BenchmarkEvaluation.model(r.workspace(), name);
        AsymptoticCalculator calc = BenchmarkEvaluation.backgroundOnly(m);
        ClsPlot.write(outdir.resolve("cls").resolve(name + ".png"), calc, UpperLimit.compute(calc, 0.05), 0.05);
    }

    static void writeReadme(Path file) throws IOException {
        Files.writeString(file, """
                # Workspaces of the benchmark fits

                One HistFactory workspace in pyhf's JSON format per summary statistic and benchmark (the median
                replica): the templates as samples, the POI `mu` scaling the signal (s = mu × expected signal
                yield), each nuisance a `histosys` on its process (alpha = ±1 at the up/down templates, the
                benchmark's Gaussian width converted to alpha units in the measurement's `sigmas`; a floating but
                unconstrained nuisance has sigma %s, since pyhf has no unconstrained histosys; a nuisance the
                benchmark does not float is `fixed`), a floating background yield a `normfactor` or, when
                constrained, a `lumi`-type factor (linear, Gaussian constraint). The observations are the Asimov
                data at nominal values; empty bins are left out.

                The fits use the INFERNO paper's interpolation, histosys %s: quadratic inside |alpha| <= 1 and
                linear outside (pyhf's code2 agrees inside |alpha| <= 1, where these fits stay). In pyhf:

                ```python
                import json, pyhf
                pyhf.set_backend("numpy", "minuit")
                ws = pyhf.Workspace(json.load(open("classifier_bm4.json")))
                model = ws.model(modifier_settings={"normsys": {"interpcode": "code4"}, "histosys": {"interpcode": "code2"}})
                result = pyhf.infer.mle.fit(ws.data(model), model, return_uncertainties=True)
                ```

                With infera: `infera-fit fit --workspace classifier_bm4.json --interp-histosys code2` (its
                sigma_poi_fisher times the expected signal yield is the table's sigma_fisher), and `scan`,
                `hypotest`, `upper-limit` alike. The expected limits in `../limits.csv` and the plots in `../cls/`
                use the background-only Asimov data (mu = 0) as observations.
                """.formatted(TemplatesWorkspace.UNCONSTRAINED_SIGMA, TemplatesWorkspace.HISTOSYS_CODE));
    }
}
