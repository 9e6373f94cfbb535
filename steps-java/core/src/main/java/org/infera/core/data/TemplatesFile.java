package org.infera.core.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.infera.core.analysis.Analysis;
import org.infera.core.cli.InputException;
import org.infera.core.hdf5.H5Input;
import org.infera.core.hdf5.H5Output;

/**
 * Binned templates of a summary statistic (format "templates", version 1; see
 * docs/data-contract.md): expected events per bin for every process at nominal parameter values,
 * and for the affected process at each nuisance's up and down values.
 */
public record TemplatesFile(
        String statistic,
        double[] binEdges,
        String[] processes,
        long[] isSignal,
        double[][] nominal,
        long[][] mcCounts,
        List<NuisanceTemplate> nuisances) {

    public static final String FORMAT = "templates";
    public static final long VERSION = 1;

    /** Templates of one nuisance: expected events per bin of its process at the up and down values. */
    public record NuisanceTemplate(
            String name,
            int process,
            double nominalValue,
            double upValue,
            double downValue,
            double[] up,
            double[] down) {}

    public int bins() {
        return binEdges.length - 1;
    }

    public void write(Path target) {
        H5Output.write(target, FORMAT, VERSION, out -> {
            out.attribute("", "statistic", statistic)
                    .dataset("bins/edges", binEdges)
                    .dataset("processes/names", processes)
                    .dataset("processes/is_signal", isSignal)
                    .dataset("nominal/yields", nominal)
                    .dataset("nominal/mc_counts", mcCounts);
            if (!nuisances.isEmpty()) {
                int k = nuisances.size();
                String[] names = new String[k];
                long[] process = new long[k];
                double[] nom = new double[k], upV = new double[k], downV = new double[k];
                double[][] up = new double[k][], down = new double[k][];
                for (int i = 0; i < k; i++) {
                    NuisanceTemplate n = nuisances.get(i);
                    names[i] = n.name();
                    process[i] = n.process();
                    nom[i] = n.nominalValue();
                    upV[i] = n.upValue();
                    downV[i] = n.downValue();
                    up[i] = n.up();
                    down[i] = n.down();
                }
                out.dataset("nuisances/names", names)
                        .dataset("nuisances/process", process)
                        .dataset("nuisances/nominal_value", nom)
                        .dataset("nuisances/up_value", upV)
                        .dataset("nuisances/down_value", downV)
                        .dataset("nuisances/up", up)
                        .dataset("nuisances/down", down);
            }
        });
    }

    public static TemplatesFile read(Path path) {
        try (H5Input in = H5Input.open(path, FORMAT, VERSION)) {
            double[] edges = in.doubles1d("bins/edges", -1);
            if (edges.length < 2) throw in.bad("bins/edges", "needs at least 2 edges, found " + edges.length);
            for (int i = 1; i < edges.length; i++) {
                if (!(edges[i] > edges[i - 1]))
                    throw in.bad(
                            "bins/edges",
                            "edges must increase, but [" + i + "] = " + edges[i] + " follows " + edges[i - 1]);
            }
            int bins = edges.length - 1;
            String[] processes = in.strings1d("processes/names", -1);
            long[] isSignal = in.longs1d("processes/is_signal", processes.length);
            Processes.requireOneSignal(in, "processes/is_signal", processes, isSignal);
            double[][] nominal = in.doubles2d("nominal/yields", bins);
            if (nominal.length != processes.length)
                throw in.bad(
                        "nominal/yields",
                        "expected " + processes.length + " rows (one per process), found " + nominal.length);
            for (int p = 0; p < nominal.length; p++) checkYields(in, "nominal/yields", processes[p], nominal[p]);
            long[][] counts = in.longs2d("nominal/mc_counts", bins);
            List<NuisanceTemplate> nuisances = new ArrayList<>();
            if (in.has("nuisances/names")) {
                String[] names = in.strings1d("nuisances/names", -1);
                int k = names.length;
                long[] process = in.longs1d("nuisances/process", k);
                double[] nom = in.doubles1d("nuisances/nominal_value", k);
                double[] upV = in.doubles1d("nuisances/up_value", k);
                double[] downV = in.doubles1d("nuisances/down_value", k);
                double[][] up = in.doubles2d("nuisances/up", bins);
                double[][] down = in.doubles2d("nuisances/down", bins);
                if (up.length != k || down.length != k)
                    throw in.bad("nuisances/up", "expected " + k + " rows (one per nuisance)");
                for (int i = 0; i < k; i++) {
                    if (!(upV[i] != downV[i]))
                        throw in.badValue(
                                "nuisances/up_value",
                                "nuisance '" + names[i] + "': up and down values are equal (" + upV[i] + ")");
                    if (process[i] < 0 || process[i] >= processes.length)
                        throw in.bad("nuisances/process", "value " + process[i] + " is not a process index");
                    checkYields(in, "nuisances/up", names[i], up[i]);
                    checkYields(in, "nuisances/down", names[i], down[i]);
                    nuisances.add(
                            new NuisanceTemplate(names[i], (int) process[i], nom[i], upV[i], downV[i], up[i], down[i]));
                }
            }
            return new TemplatesFile(
                    in.stringAttribute("", "statistic"), edges, processes, isSignal, nominal, counts, nuisances);
        }
    }

    /**
     * Checks that these templates were made for {@code analysis}: the same processes in the same order with the
     * same signal, and exactly the analysis's nuisances (none missing, none unknown) on the same processes at the
     * same nominal, up and down values. {@code file} and {@code analysisFile} name the two files in the message.
     */
    public void requireMatches(Analysis analysis, Path file, Path analysisFile) {
        List<String> names =
                analysis.processes().stream().map(Analysis.Process::name).toList();
        if (!names.equals(List.of(processes))) {
            throw new InputException.Mismatch(
                    file,
                    "dataset 'processes/names'",
                    List.of(processes) + " but " + analysisFile + " declares " + names);
        }
        int signal = analysis.signalIndex();
        if (isSignal[signal] != 1) {
            throw new InputException.Mismatch(
                    file,
                    "dataset 'processes/is_signal'",
                    "the signal is not '" + processes[signal] + "' as " + analysisFile + " declares");
        }
        List<String> templated = nuisances.stream().map(NuisanceTemplate::name).toList();
        for (Analysis.Nuisance n : analysis.nuisancesOrEmpty()) {
            int i = templated.indexOf(n.name());
            if (i < 0) {
                throw new InputException.Mismatch(
                        file,
                        "dataset 'nuisances/names'",
                        "has no templates for nuisance '" + n.name() + "' of " + analysisFile + " (found " + templated
                                + ")");
            }
            NuisanceTemplate t = nuisances.get(i);
            if (!processes[t.process()].equals(n.process())) {
                throw new InputException.Mismatch(
                        file,
                        "dataset 'nuisances/process'",
                        "nuisance '" + n.name() + "' acts on '" + processes[t.process()] + "' but on '" + n.process()
                                + "' in " + analysisFile);
            }
            if (t.nominalValue() != n.nominal() || t.upValue() != n.up() || t.downValue() != n.down()) {
                throw new InputException.Mismatch(
                        file,
                        "dataset 'nuisances/up_value'",
                        "nuisance '" + n.name() + "' at nominal/up/down " + t.nominalValue() + "/" + t.upValue() + "/"
                                + t.downValue() + " but " + n.nominal() + "/" + n.up() + "/" + n.down() + " in "
                                + analysisFile);
            }
        }
        for (String t : templated) {
            if (analysis.nuisancesOrEmpty().stream().noneMatch(n -> n.name().equals(t))) {
                throw new InputException.Mismatch(
                        file, "dataset 'nuisances/names'", "nuisance '" + t + "' is not declared in " + analysisFile);
            }
        }
    }

    private static void checkYields(H5Input in, String dataset, String row, double[] yields) {
        double total = 0;
        for (int i = 0; i < yields.length; i++) {
            if (yields[i] < 0)
                throw in.badValue(dataset, "row '" + row + "' has a negative yield " + yields[i] + " in bin " + i);
            total += yields[i];
        }
        if (!(total > 0)) throw in.badValue(dataset, "row '" + row + "' has no events in any bin");
        if (total > Analysis.MAX_YIELD)
            throw in.badValue(dataset, "row '" + row + "' holds " + total + " events, beyond " + Analysis.MAX_YIELD);
    }
}
