package org.infera.fit.histfactory;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.concurrent.Callable;
import org.infera.core.cli.VersionProvider;
import org.infera.core.histfactory.infer.FisherInformation;
import org.infera.core.histfactory.infer.FitResult;
import org.infera.core.histfactory.infer.Likelihood;
import org.infera.core.histfactory.infer.Mle;
import org.infera.core.histfactory.model.Model;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "fit",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Maximum-likelihood fit to the observed data (or the Asimov data of the inits with --asimov): "
                    + "best-fit values, uncertainties and correlations from the Hessian, −2 ln L, the parameters that "
                    + "ended on a bound, and σ of the POI from the Fisher information at the best fit.",
            "Exit codes: 0 done, 2 bad input, 3 the fit did not converge."
        })
public final class MleCommand implements Callable<Integer> {
    @Mixin
    WorkspaceOptions options;

    @Option(
            names = "--asimov",
            description = "Fit the expected data at the initial parameter values instead of the observations.")
    boolean asimov;

    @Option(
            names = "--fisher-at",
            paramLabel = "NAME=VALUE",
            split = ",",
            description =
                    "Also print the Fisher information and σ of the POI at the model's inits with these parameters "
                            + "changed, e.g. --fisher-at mu=1,alpha_jes=0.5 (per-bin ones as name[i]=value).")
    java.util.List<String> fisherAt;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Model m = options.model();
        Likelihood l = new Likelihood(m, asimov ? m.expected(m.inits()) : options.observed());
        FitResult fit = Mle.fit(l);
        double[][] cov = fit.covariance();
        List<String> names = m.parameterNames();
        ObjectNode out = Json.object();
        out.put("poi", m.poiName());
        ArrayNode pars = out.putArray("parameters");
        for (int i = 0; i < names.size(); i++) {
            ObjectNode p = pars.addObject();
            p.put("name", names.get(i));
            p.put("value", fit.values()[i]);
            double err = Math.sqrt(cov[i][i]);
            if (Double.isFinite(err)) p.put("uncertainty", err);
            else p.putNull("uncertainty");
            p.put("fixed", fit.fixed()[i]);
            p.put("at_bound", fit.atBound().contains(i));
        }
        ArrayNode corr = out.putArray("correlations");
        for (int i = 0; i < names.size(); i++) {
            double[] row = new double[names.size()];
            for (int j = 0; j < names.size(); j++) {
                double d = Math.sqrt(cov[i][i] * cov[j][j]);
                row[j] = fit.fixed()[i] || fit.fixed()[j] ? (i == j ? 1 : 0) : cov[i][j] / d;
            }
            Json.numbers(corr.addArray(), row);
        }
        out.put("twice_nll", fit.twiceNll());
        out.put("sigma_poi_fisher", FisherInformation.sigmaPoi(m, fit.values()));
        if (fisherAt != null) fisherAt(m, out.putObject("fisher_at"));
        out.put("converged", fit.converged());
        out.put("message", fit.message());
        out.put("iterations", fit.iterations());
        Json.print(spec.commandLine().getOut(), out);
        if (!fit.atBound().isEmpty()) {
            spec.commandLine()
                    .getErr()
                    .println("note: parameters on a bound at the best fit: "
                            + fit.atBound().stream().map(names::get).toList()
                            + " (their uncertainties assume the bound is not there)");
        }
        return FitStatus.exitCode(fit.converged(), "fit", spec.commandLine().getErr());
    }

    /** The Fisher information and σ_POI at the inits with the --fisher-at values. */
    private void fisherAt(Model m, ObjectNode out) {
        double[] theta = m.inits();
        List<String> names = m.parameterNames();
        ObjectNode point = out.putObject("point");
        for (String kv : fisherAt) {
            int eq = kv.indexOf('=');
            String name = eq < 0 ? kv : kv.substring(0, eq);
            int i = names.indexOf(name);
            if (eq < 0 || i < 0) {
                throw new org.infera.core.cli.InputException(
                        "--fisher-at '" + kv + "': expected NAME=VALUE with NAME one of " + names);
            }
            try {
                theta[i] = Double.parseDouble(kv.substring(eq + 1));
            } catch (NumberFormatException e) {
                throw new org.infera.core.cli.InputException("--fisher-at '" + kv + "': the value is not a number");
            }
            if (!Double.isFinite(theta[i]))
                throw new org.infera.core.cli.InputException("--fisher-at '" + kv + "': the value must be finite");
        }
        for (int i = 0; i < names.size(); i++) point.put(names.get(i), theta[i]);
        out.put("sigma_poi", FisherInformation.sigmaPoi(m, theta));
        ArrayNode info = out.putArray("fisher");
        for (double[] row : FisherInformation.at(m, theta)) Json.numbers(info.addArray(), row);
    }
}
