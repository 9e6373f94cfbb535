package org.infera.fit.histfactory;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.Callable;
import org.infera.core.cli.InputException;
import org.infera.core.cli.VersionProvider;
import org.infera.core.data.ToyShardFile;
import org.infera.core.histfactory.infer.AsymptoticCalculator;
import org.infera.core.histfactory.infer.Hypotest;
import org.infera.core.histfactory.infer.TestStatistic;
import org.infera.core.histfactory.model.Model;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "hypotest",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Hypothesis test of one POI value, as pyhf.infer.hypotest: prints JSON with "
                    + "cls_obs, cls_exp (−2σ…+2σ of the background-only hypothesis, most excluding first) and "
                    + "test_stat. "
                    + "With --test-stat q0 (discovery, μ = 0): p0_obs, p0_exp and the significances.",
            "Asymptotic by default; --calculator toys --toys N --seed S counts the p-values on pseudo-experiments "
                    + "(pyhf's ToyCalculator) and adds their Monte Carlo errors (*_mc_error). With --toy-range "
                    + "FIRST:COUNT --out SHARD.h5 it computes one shard of the run (merge with toys-merge).",
            "Exit codes: 0 done, 2 bad input, 3 a fit did not converge (the JSON says which numbers are affected)."
        })
public final class HypotestCommand implements Callable<Integer> {
    @Mixin
    WorkspaceOptions options;

    @Mixin
    ToyOptions toyOptions;

    @Option(
            paramLabel = "MU",
            names = "--poi-value",
            defaultValue = "1",
            description = "Tested POI value (default: ${DEFAULT-VALUE}; 0 for q0).")
    double poiValue;

    @Option(
            paramLabel = "qtilde|q|q0",
            names = "--test-stat",
            defaultValue = "qtilde",
            description = "qtilde, q or q0 (default: ${DEFAULT-VALUE}).")
    String testStat;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        org.infera.core.cli.Checks.value("--poi-value", poiValue);
        TestStatistic statistic = TestStatistic.parse(testStat);
        Model m = options.model();
        double value = statistic == TestStatistic.Q0 ? 0 : poiValue;
        if (value < m.lowerBounds()[m.poi()] || value > m.upperBounds()[m.poi()]) {
            throw new InputException.BadOption(
                    "--poi-value",
                    "--poi-value " + value + " lies outside the bounds [" + m.lowerBounds()[m.poi()] + ", "
                            + m.upperBounds()[m.poi()] + "] of the POI '" + m.poiName() + "' in " + options.workspace);
        }
        if (toyOptions.toyBased()) return toys(statistic, value);
        AsymptoticCalculator calc = new AsymptoticCalculator(m, options.observed(), statistic);
        Hypotest h = calc.hypotest(value);
        ObjectNode out = Json.object();
        out.put("poi", m.poiName());
        out.put("poi_value", value);
        out.put("test_stat_name", statistic.label());
        out.put("test_stat", h.testStat());
        out.put("test_stat_asimov", h.testStatAsimov());
        if (statistic == TestStatistic.Q0) {
            out.put("p0_obs", h.clsb());
            Json.numbers(out.putArray("p0_exp"), h.expected());
            out.put("significance_obs", Math.sqrt(h.testStat()));
            out.put("significance_exp_median", Math.sqrt(h.testStatAsimov()));
        } else {
            out.put("cls_obs", h.cls());
            Json.numbers(out.putArray("cls_exp"), h.expected());
            out.put("clsb", h.clsb());
            out.put("clb", h.clb());
        }
        out.put("converged", h.converged());
        Json.print(spec.commandLine().getOut(), out);
        return FitStatus.exitCode(h.converged(), "hypotest", spec.commandLine().getErr());
    }

    private int toys(TestStatistic statistic, double value) {
        ToyShardFile run = ToyRuns.compute(options, toyOptions, statistic, new double[] {value}, "hypotest", 0);
        return ToyRuns.print(run, toyOptions, "hypotest", spec.commandLine());
    }
}
