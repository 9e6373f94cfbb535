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
import org.infera.core.cli.VersionProvider;
import org.infera.core.data.RunFiles;
import org.infera.core.data.Sample;
import org.infera.core.data.SamplesFile;
import org.infera.core.data.Split;
import org.infera.core.data.TemplatesFile;
import org.infera.nn.DeviceOption;
import org.infera.nn.Ensemble;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "templates",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description =
                "Applies a trained statistic to a split of the samples (one file, or one per shard, read one at a "
                        + "time so memory follows the largest shard) and writes binned templates (HDF5, "
                        + "see docs/data-contract.md): every process at nominal parameter values, and the process each "
                        + "nuisance acts on with its events shifted to the nuisance's up and down values, as declared "
                        + "in the "
                        + "analysis definition. The same events are shifted, so the templates differ only by the "
                        + "systematic effect.")
public final class TemplatesCommand implements Callable<Integer> {

    @Option(
            names = "--model",
            required = true,
            arity = "1..*",
            paramLabel = "<model-dir>",
            description = "Model directory written by infera-train; several: the members of a classifier ensemble "
                    + "(trainings with --member 0, 1, …), binned by their mean probability (INFERNO and neos "
                    + "networks cannot be averaged: their bins are labelled arbitrarily by each training).")
    List<Path> models;

    @Option(
            names = "--samples",
            required = true,
            arity = "1..*",
            description = "Samples file(s) written by infera-augment: one, or one per shard of the run.")
    List<Path> samples;

    @Option(
            paramLabel = "analysis.json",
            names = "--analysis",
            required = true,
            description = "Analysis definition (JSON) declaring the nuisances.")
    Path analysisFile;

    @Option(
            names = "--split",
            defaultValue = "test",
            description =
                    "Split whose events make the templates: train, validation or test (default: ${DEFAULT-VALUE}).")
    String split;

    @Option(
            names = "--bins",
            defaultValue = "10",
            description =
                    "Equal-width bins of a classifier's probability in [0, 1] (default: ${DEFAULT-VALUE}); an INFERNO "
                            + "network's bins are its softmax outputs, each event in the bin of its largest output.")
    int bins;

    @Option(
            names = "--statistic",
            defaultValue = "classifier",
            description = "Name of the statistic, recorded in the templates (default: ${DEFAULT-VALUE}).")
    String statistic;

    @Mixin
    DeviceOption device;

    @Option(
            names = {"-o", "--out"},
            required = true,
            description = "Output templates file (.h5).")
    Path out;

    @Override
    public Integer call() {
        Checks.count("--bins", bins, 100_000);
        Split which = Arrays.stream(Split.values())
                .filter(s -> s.group().equals(split))
                .findFirst()
                .orElseThrow(
                        () -> new InputException("--split must be train, validation or test, got '" + split + "'"));
        Analysis analysis = Analysis.read(analysisFile);
        List<Path> files = RunFiles.inNameOrder(samples);
        try (Ensemble network = Ensemble.load(models, device.resolve())) {
            Statistic kind = Statistic.of(network.spec(), bins, models.get(0));
            Templates templates = null;
            try (Progress progress = new Progress("shift", files.size(), "samples files")) {
                for (Path path : files) {
                    SamplesFile file = SamplesFile.read(path);
                    analysis.requireMatches(file.features(), file.processes(), path, analysisFile);
                    if (!network.spec().features().equals(List.of(file.features()))) {
                        throw new InputException(models.get(0) + ": the network was trained on features "
                                + network.spec().features() + ", but " + path + " has "
                                + Arrays.toString(file.features()));
                    }
                    if (templates == null) templates = new Templates(analysis, file, path, kind);
                    else file.requireSameRunAs(templates.first, path, templates.firstPath);
                    templates.fill(file.split(which), network);
                    progress.step(1);
                }
            }
            TemplatesFile result = templates.result();
            result.write(out);
            System.err.printf(
                    "infera-shift: %d-bin templates of %d processes and %d nuisances from %d samples file(s) written "
                            + "to %s%n",
                    result.bins(), result.processes().length, result.nuisances().size(), files.size(), out);
        }
        return 0;
    }

    /** Histograms of every process, nominal and shifted, filled file by file. */
    private final class Templates {
        private final Analysis analysis;
        private final SamplesFile first;
        private final Path firstPath;
        private final Statistic kind;
        private final List<Analysis.Nuisance> nuisances;
        private final int[] nuisanceProcess;
        private final Histogram[] nominal;
        private final Histogram[] up;
        private final Histogram[] down;

        Templates(Analysis analysis, SamplesFile first, Path firstPath, Statistic kind) {
            this.analysis = analysis;
            this.first = first;
            this.firstPath = firstPath;
            this.kind = kind;
            this.nuisances = analysis.nuisancesOrEmpty();
            int processes = first.processes().length;
            nominal = new Histogram[processes];
            for (int p = 0; p < processes; p++) nominal[p] = kind.histogram();
            nuisanceProcess = new int[nuisances.size()];
            up = new Histogram[nuisances.size()];
            down = new Histogram[nuisances.size()];
            for (int k = 0; k < nuisances.size(); k++) {
                Analysis.Nuisance n = nuisances.get(k);
                nuisanceProcess[k] = Arrays.asList(first.processes()).indexOf(n.process());
                if (nuisanceProcess[k] < 0)
                    throw new InputException(
                            firstPath + ": no process '" + n.process() + "' for nuisance '" + n.name() + "'");
                up[k] = kind.histogram();
                down[k] = kind.histogram();
            }
        }

        void fill(Sample sample, Ensemble network) {
            for (int p = 0; p < nominal.length; p++)
                fillHistogram(nominal[p], network, kind, sample.rowsOfProcess(p), sample.weightsOfProcess(p));
            for (int k = 0; k < nuisances.size(); k++) {
                Analysis.Nuisance n = nuisances.get(k);
                double[][] rows = sample.rowsOfProcess(nuisanceProcess[k]);
                double[] weights = sample.weightsOfProcess(nuisanceProcess[k]);
                fillHistogram(up[k], network, kind, analysis.shifted(n, n.up(), rows), weights);
                fillHistogram(down[k], network, kind, analysis.shifted(n, n.down(), rows), weights);
            }
        }

        TemplatesFile result() {
            int processes = nominal.length;
            double[][] sums = new double[processes][];
            long[][] counts = new long[processes][];
            for (int p = 0; p < processes; p++) {
                if (Arrays.stream(nominal[p].counts).sum() == 0) {
                    throw new InputException(samples + ": the " + split + " split has no events of process '"
                            + first.processes()[p] + "'");
                }
                sums[p] = nominal[p].sums;
                counts[p] = nominal[p].counts;
            }
            List<TemplatesFile.NuisanceTemplate> shifted = new ArrayList<>();
            for (int k = 0; k < nuisances.size(); k++) {
                Analysis.Nuisance n = nuisances.get(k);
                shifted.add(new TemplatesFile.NuisanceTemplate(
                        n.name(), nuisanceProcess[k], n.nominal(), n.up(), n.down(), up[k].sums, down[k].sums));
            }
            return new TemplatesFile(
                    statistic, kind.edges(), first.processes(), first.isSignal().clone(), sums, counts, shifted);
        }
    }

    /** Adds the statistic's value of the given events to h. */
    private static void fillHistogram(Histogram h, Ensemble network, Statistic kind, double[][] x, double[] weights) {
        if (x.length == 0) return;
        double[] values = kind.values(network, x);
        for (int i = 0; i < x.length; i++) h.fill(values[i], weights[i]);
    }
}
