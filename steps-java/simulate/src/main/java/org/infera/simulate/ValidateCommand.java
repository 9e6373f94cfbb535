package org.infera.simulate;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import org.infera.core.cli.VersionProvider;
import org.infera.core.data.EventsFile;
import org.infera.core.data.MadMinerEventFile;
import org.infera.core.hdf5.H5Input;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(
        name = "validate",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Checks events files written by another generator (infera events or weighted events in "
                + "MadMiner's layout): every dataset present, of the right shape, finite. Exit 2 naming the problem.")
public final class ValidateCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Events files.")
    List<Path> files;

    @Override
    public Integer call() {
        for (Path f : files) {
            boolean madminer;
            try (H5Input in = H5Input.openAny(f)) {
                madminer = in.has("samples/weights");
            }
            if (madminer) {
                MadMinerEventFile m = MadMinerEventFile.read(f);
                System.err.printf(
                        "infera-simulate: %s: %d weighted events (%s%s), %d benchmarks, parameters %s, "
                                + "observables %s%n",
                        f,
                        m.events(),
                        m.samplingFactors(),
                        m.backgroundEvents() > 0 ? ", " + m.backgroundEvents() + " background events" : "",
                        m.benchmarks().length,
                        Arrays.toString(m.parameters()),
                        Arrays.toString(m.observables()));
            } else {
                EventsFile e = EventsFile.read(f);
                System.err.printf(
                        "infera-simulate: %s: %d events of %s%n", f, e.size(), Arrays.toString(e.processes()));
            }
        }
        return 0;
    }
}
