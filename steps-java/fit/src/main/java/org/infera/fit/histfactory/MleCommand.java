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

@Command(name = "fit", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Maximum-likelihood fit to the observed data (or the Asimov data of the inits with --asimov): "
                + "best-fit values, uncertainties and correlations from the Hessian, −2 ln L, the parameters that "
                + "ended on a bound, and σ of the POI from the Fisher information at the best fit.",
                "Exit codes: 0 done, 2 bad input, 3 the fit did not converge."})
public final class MleCommand implements Callable<Integer> {
    @Mixin
    WorkspaceOptions options;

    @Option(names = "--asimov", description = "Fit the expected data at the initial parameter values instead of the observations.")
    boolean asimov;

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
        out.put("converged", fit.converged());
        out.put("message", fit.message());
        out.put("iterations", fit.iterations());
        Json.print(spec.commandLine().getOut(), out);
        if (!fit.atBound().isEmpty()) {
            spec.commandLine().getErr().println("note: parameters on a bound at the best fit: "
                    + fit.atBound().stream().map(names::get).toList() + " (their uncertainties assume the bound is not there)");
        }
        return FitStatus.exitCode(fit.converged(), "fit", spec.commandLine().getErr());
    }
}
