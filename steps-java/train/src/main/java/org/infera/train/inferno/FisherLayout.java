package org.infera.train.inferno;

import java.util.ArrayList;
import java.util.List;
import org.infera.core.analysis.Analysis;
import org.infera.core.cli.InputException;

/**
 * The parameters of the Fisher matrix that the INFERNO loss inverts, for one benchmark: the signal
 * yield first (the parameter of interest), then every parameter the benchmark floats.
 *
 * @param yields expected events of each process, in the analysis's order
 * @param shifted the analysis's indices of the nuisances the benchmark floats: their up and down
 *                templates enter the loss, in this order
 */
public record FisherLayout(double[] yields, List<Parameter> parameters, List<Integer> shifted) {

    /**
     * A parameter: a process yield ({@code nuisance} = −1) or the nuisance at position {@code nuisance}
     * of {@link #shifted}, acting on {@code process}, whose templates are made at values {@code step}
     * apart; {@code constraint} is its Gaussian width (0: none).
     */
    public record Parameter(String name, int process, int nuisance, double step, double constraint) {}

    public static FisherLayout of(Analysis analysis, int benchmark) {
        Analysis.Benchmark b = analysis.benchmarks().stream()
                .filter(x -> x.id() == benchmark)
                .findFirst()
                .orElseThrow(() -> new InputException(
                        "--benchmark " + benchmark + ": the analysis '" + analysis.name() + "' has benchmarks "
                                + analysis.benchmarks().stream()
                                        .map(Analysis.Benchmark::id)
                                        .toList()));
        double[] yields = analysis.processes().stream()
                .mapToDouble(Analysis.Process::expectedYield)
                .toArray();
        List<Parameter> parameters = new ArrayList<>();
        List<Integer> shifted = new ArrayList<>();
        int signal = analysis.signalIndex();
        parameters.add(new Parameter(analysis.processes().get(signal).name(), signal, -1, 0, 0));
        for (String name : b.floating() == null ? List.<String>of() : b.floating()) {
            double width = b.constraints() == null ? 0 : b.constraints().getOrDefault(name, 0.0);
            int p = analysis.processIndex(name);
            if (p >= 0) {
                parameters.add(new Parameter(name, p, -1, 0, width));
                continue;
            }
            List<Analysis.Nuisance> nuisances = analysis.nuisancesOrEmpty();
            for (int k = 0; k < nuisances.size(); k++) {
                Analysis.Nuisance n = nuisances.get(k);
                if (n.name().equals(name)) {
                    parameters.add(new Parameter(
                            name, analysis.processIndex(n.process()), shifted.size(), n.up() - n.down(), width));
                    shifted.add(k);
                }
            }
        }
        return new FisherLayout(yields, parameters, shifted);
    }
}
