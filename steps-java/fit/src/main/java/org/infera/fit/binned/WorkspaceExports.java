package org.infera.fit.binned;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.infera.core.histfactory.TemplatesWorkspace;
import org.infera.core.histfactory.infer.AsymptoticCalculator;
import org.infera.core.histfactory.infer.Likelihood;
import org.infera.core.histfactory.infer.UpperLimit;
import org.infera.core.histfactory.model.Model;
import org.infera.core.histfactory.model.ModelBuilder;
import org.infera.core.histfactory.spec.Workspace;
import org.infera.core.histfactory.spec.WorkspaceReader;
import org.infera.core.histfactory.spec.WorkspaceWriter;
import org.infera.fit.histfactory.ClsPlot;

/**
 * The CLs-versus-μ plot of each fitted benchmark, and its workspace in pyhf's JSON format where pyhf
 * can state the model that was fitted ({@link TemplatesWorkspace#pyhfExport}); the README in
 * workspaces/ lists the files and, for every benchmark without one, why.
 */
final class WorkspaceExports {
    private WorkspaceExports() {}

    /** One benchmark fit: its file name (without .json) and, when no file was written, why. */
    record Entry(String name, String whyNot) {}

    static Entry write(Path outdir, String name, BenchmarkResult r) throws IOException {
        if (r.workspace() == null) return null;
        Model m = BenchmarkEvaluation.model(r.workspace(), name);
        AsymptoticCalculator calc = BenchmarkEvaluation.backgroundOnly(m);
        ClsPlot.write(outdir.resolve("cls").resolve(name + ".png"), calc, UpperLimit.compute(calc, 0.05), 0.05);
        if (r.pyhf() == null || r.pyhf().workspace() == null)
            return new Entry(name, r.pyhf() == null ? "not exported" : r.pyhf().whyNot());
        String json = WorkspaceWriter.toJson(r.pyhf().workspace());
        requireSameModel(r.workspace(), m, json, name);
        Files.writeString(outdir.resolve("workspaces").resolve(name + ".json"), json + "\n");
        return new Entry(name, null);
    }

    /**
     * The file, read back as pyhf reads it (its schema and model-builder rules, pyhf's default
     * interpolation codes), must give the fitted model's likelihood: at the inits, and with every free
     * parameter moved by ±0.6, ±1.2, ±1.8. A failure is a bug in the export, never written.
     */
    static void requireSameModel(Workspace fitted, Model m, String json, String name) {
        Workspace back = WorkspaceReader.parse(json, name + ".json");
        Model pyhf = ModelBuilder.build(back, null, name + ".json");
        Likelihood a = new Likelihood(m, ModelBuilder.observed(fitted, m));
        Likelihood b = new Likelihood(pyhf, ModelBuilder.observed(back, pyhf));
        List<String> fittedNames = m.parameterNames(), names = pyhf.parameterNames();
        if (fittedNames.size() != names.size())
            throw new IllegalStateException(name + ": the pyhf file has other parameters " + names);
        double[] theta = m.inits();
        for (int k = 0; k < 3; k++) {
            double[] x = theta.clone();
            boolean[] fixed = m.fixed();
            // every free parameter moved by up to ±1.8 (beyond |alpha| = 1, where interpolation codes part most)
            for (int i = 0; i < x.length; i++) if (!fixed[i]) x[i] = theta[i] + 0.6 * k * (i % 2 == 0 ? 1 : -1);
            double[] y = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                int j = fittedNames.indexOf(names.get(i));
                if (j < 0) j = onlyMissing(fittedNames, names);
                y[i] = x[j];
            }
            double la = a.twiceNll(x), lb = b.twiceNll(y);
            if (la != lb && !(Math.abs(la - lb) <= 1e-9 * Math.max(1, Math.abs(la)))) {
                throw new IllegalStateException(
                        name + ": the pyhf file gives −2 ln L " + lb + " where the fitted model gives " + la);
            }
        }
    }

    /** The position of the one fitted parameter the file calls otherwise (a constrained yield named lumi). */
    private static int onlyMissing(List<String> fitted, List<String> written) {
        List<Integer> missing = new ArrayList<>();
        for (int i = 0; i < fitted.size(); i++) if (!written.contains(fitted.get(i))) missing.add(i);
        if (missing.size() != 1)
            throw new IllegalStateException("the pyhf file renames " + missing.size() + " parameters");
        return missing.get(0);
    }

    static void writeReadme(Path file, List<Entry> entries) throws IOException {
        StringBuilder written = new StringBuilder(), skipped = new StringBuilder();
        for (Entry e : entries) {
            if (e.whyNot() == null) written.append("- `").append(e.name()).append(".json`\n");
            else
                skipped.append("- ")
                        .append(e.name())
                        .append(": ")
                        .append(e.whyNot())
                        .append("\n");
        }
        Files.writeString(
                file,
                """
                # Workspaces of the benchmark fits

                One HistFactory workspace in pyhf's JSON format (schema 1.0.0) per summary statistic and
                benchmark (the median replica) where pyhf loads it as the very model infera fitted; no file
                where it cannot. The templates are the samples, the POI `mu` scales the signal
                (s = mu × expected signal yield), the nuisances are `histosys` modifiers on their process
                (alpha = ±1 at the up/down templates), `fixed` where the benchmark does not float them, a
                floating background yield is a `normfactor` or, when constrained, pyhf's `lumi` modifier
                (linear, Gaussian constraint; pyhf's schema names it `lumi`). The observations are the Asimov
                data at nominal values; empty bins are left out.

                Written (no `modifier_settings` needed: every nuisance is fixed at 0, where all interpolation
                codes give the nominal templates; each file was read back under pyhf's rules and gives the
                fitted likelihood before it was written):

                %s
                In pyhf:

                ```python
                import json, pyhf
                ws = pyhf.Workspace(json.load(open("classifier_bm0.json")))
                model = ws.model()
                print(pyhf.infer.hypotest(1.0, ws.data(model), model, test_stat="qtilde", return_expected_set=True))
                print(pyhf.infer.mle.fit(ws.data(model), model))
                ```

                With infera: `infera-fit fit --workspace classifier_bm0.json` (its sigma_poi_fisher times the
                expected signal yield is the table's sigma_fisher), and `scan`, `hypotest`, `upper-limit` alike.
                The expected limits in `../limits.csv` and the plots in `../cls/` use the background-only Asimov
                data (mu = 0) as observations.

                Not written, because pyhf cannot state the model these fits use:

                %s
                The benchmark fits interpolate histosys templates with code2 continued linearly from hi/lo
                (the INFERNO paper's quadratic inside |alpha| <= 1, value and slope continuous at ±1) and give a
                floating nuisance either no constraint or a Gaussian of the benchmark's width. pyhf's histosys
                constraint is always a unit-width Gaussian, pyhf has no unconstrained shape modifier, its code2
                jumps at |alpha| = 1 and its code4p is another polynomial, and the JSON does not hold the
                interpolation code. Re-expressing a nuisance of width k as alpha' = alpha / k with templates at
                alpha = ±k keeps the Asimov Fisher sigma but changes the interpolation and the profile width: a
                different model, so no file is written for these benchmarks.
                """
                        .formatted(
                                written.length() == 0 ? "(none)\n" : written,
                                skipped.length() == 0 ? "(none)\n" : skipped));
    }
}
