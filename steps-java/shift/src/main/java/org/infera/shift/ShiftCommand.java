package org.infera.shift;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import org.infera.core.analysis.Analysis;
import org.infera.core.cli.Checks;
import org.infera.core.cli.InputException;
import org.infera.core.cli.Progress;
import org.infera.core.cli.StepMain;
import org.infera.core.cli.VersionProvider;
import org.infera.core.data.Sample;
import org.infera.core.data.SamplesFile;
import org.infera.core.data.Split;
import org.infera.core.data.TemplatesFile;
import org.infera.train.nn.TrainedNetwork;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "infera-shift", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Applies a trained statistic to a split of a samples file and writes binned templates (HDF5, "
                + "see docs/data-contract.md): every process at nominal parameter values, and the process each "
                + "nuisance acts on with its events shifted to the nuisance's up and down values, as declared in the "
                + "analysis definition. The same events are shifted, so the templates differ only by the systematic effect.")
public final class ShiftCommand implements Callable<Integer> {

    @Option(names = "--model", required = true, description = "Model directory written by infera-train.")
    Path model;

    @Option(names = "--samples", required = true, description = "Samples file written by infera-augment.")
    Path samples;

    @Option(names = "--analysis", required = true, description = "Analysis definition (JSON) declaring the nuisances.")
    Path analysisFile;

    @Option(names = "--split", defaultValue = "test", description = "Split whose events make the templates: train, validation or test (default: ${DEFAULT-VALUE}).")
    String split;

    @Option(names = "--bins", defaultValue = "10",
            description = "Equal-width bins of a classifier's probability in [0, 1] (default: ${DEFAULT-VALUE}); an INFERNO "
                    + "network's bins are its softmax outputs, each event in the bin of its largest output.")
    int bins;

    @Option(names = "--statistic", defaultValue = "classifier", description = "Name of the statistic, recorded in the templates (default: ${DEFAULT-VALUE}).")
    String statistic;

    @Option(names = "--device", defaultValue = "auto", description = "auto (a GPU when DJL sees one), cpu or gpu (default: ${DEFAULT-VALUE}).")
    String device;

    @Option(names = {"-o", "--out"}, required = true, description = "Output templates file (.h5).")
    Path out;

    public static void main(String[] args) {
        StepMain.main(new ShiftCommand(), args);
    }

    @Override
    public Integer call() {
        Checks.positive("--bins", bins);
        Split which = Arrays.stream(Split.values()).filter(s -> s.group().equals(split)).findFirst()
                .orElseThrow(() -> new InputException("--split must be train, validation or test, got '" + split + "'"));
        Analysis analysis = Analysis.read(analysisFile);
        SamplesFile file = SamplesFile.read(samples);
        analysis.requireMatches(file.features(), file.processes(), samples, analysisFile);
        try (TrainedNetwork network = TrainedNetwork.load(model, org.infera.train.nn.Devices.resolve(device))) {
            if (!network.spec().features().equals(List.of(file.features()))) {
                throw new InputException(model + ": the network was trained on features " + network.spec().features()
                        + ", but " + samples + " has " + Arrays.toString(file.features()));
            }
            Statistic kind = Statistic.of(network.spec(), bins, model);
            TemplatesFile templates = makeTemplates(analysis, file, file.split(which), network, kind);
            templates.write(out);
            System.err.printf("infera-shift: %d-bin templates of %d processes and %d nuisances written to %s%n",
                    templates.bins(), file.processes().length, templates.nuisances().size(), out);
        }
        return 0;
    }

    private TemplatesFile makeTemplates(Analysis analysis, SamplesFile file, Sample sample, TrainedNetwork network, Statistic kind) {
        int processes = file.processes().length;
        List<Analysis.Nuisance> nuisances = analysis.nuisancesOrEmpty();
        double[][] nominal = new double[processes][];
        long[][] counts = new long[processes][];
        List<TemplatesFile.NuisanceTemplate> shifted = new ArrayList<>();
        try (Progress progress = new Progress("shift", processes + 2L * nuisances.size(), "templates")) {
            for (int p = 0; p < processes; p++) {
                Histogram h = histogram(network, kind, sample.rowsOfProcess(p), sample.weightsOfProcess(p));
                if (h.counts.length == 0 || Arrays.stream(h.counts).sum() == 0) {
                    throw new InputException(samples + ": the " + split + " split has no events of process '" + file.processes()[p] + "'");
                }
                nominal[p] = h.sums;
                counts[p] = h.counts;
                progress.step(1);
            }
            for (Analysis.Nuisance n : nuisances) {
                int p = Arrays.asList(file.processes()).indexOf(n.process());
                if (p < 0) throw new InputException(samples + ": no process '" + n.process() + "' for nuisance '" + n.name() + "'");
                double[][] rows = sample.rowsOfProcess(p);
                double[] weights = sample.weightsOfProcess(p);
                double[] up = histogram(network, kind, analysis.shifted(n, n.up(), rows), weights).sums;
                progress.step(1);
                double[] down = histogram(network, kind, analysis.shifted(n, n.down(), rows), weights).sums;
                progress.step(1);
                shifted.add(new TemplatesFile.NuisanceTemplate(n.name(), p, n.nominal(), n.up(), n.down(), up, down));
            }
        }
        long[] isSignal = file.isSignal().clone();
        return new TemplatesFile(statistic, kind.edges(), file.processes(), isSignal, nominal, counts, shifted);
    }

    /** Histogram of the statistic's value for the given events. */
    private static Histogram histogram(TrainedNetwork network, Statistic kind, double[][] x, double[] weights) {
        double[] edges = kind.edges();
        Histogram h = new Histogram(edges.length - 1, edges[0], edges[edges.length - 1]);
        float[][] outputs = network.outputs(x);
        for (int i = 0; i < x.length; i++) h.fill(kind.value(outputs[i]), weights[i]);
        return h;
    }
}
