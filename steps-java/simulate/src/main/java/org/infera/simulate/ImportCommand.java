package org.infera.simulate;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.infera.core.cli.VersionProvider;
import org.infera.core.data.CsvEventImport;
import org.infera.core.data.MadMinerEventFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "import",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Imports weighted events of an external generator, written in MadMiner's layout.")
public final class ImportCommand implements Callable<Integer> {
    @Parameters(
            paramLabel = "EVENTS.csv",
            description = "One column per observable and weight_<benchmark> per benchmark.")
    Path csv;

    @Option(
            names = "--metadata",
            required = true,
            paramLabel = "META.json",
            description = "Parameters, benchmarks (name → parameter values), observables, morphing_components "
                    + "(optional).")
    Path metadata;

    @Option(
            names = {"-o", "--out"},
            required = true,
            description = "Output events file (.h5).")
    Path out;

    @Override
    public Integer call() {
        MadMinerEventFile imported = CsvEventImport.read(csv, metadata);
        imported.write(out);
        System.err.printf(
                "infera-simulate: imported %d weighted events (%d benchmarks%s) from %s to %s%n",
                imported.events(), imported.benchmarks().length, imported.hasMorphing() ? ", morphing" : "", csv, out);
        return 0;
    }
}
