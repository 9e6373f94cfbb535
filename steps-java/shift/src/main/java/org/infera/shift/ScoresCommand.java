package org.infera.shift;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.infera.core.cli.InputException;
import org.infera.core.cli.Progress;
import org.infera.core.cli.VersionProvider;
import org.infera.core.data.EstimatedScoresFile;
import org.infera.core.data.MadMinerEventFile;
import org.infera.core.data.RunFiles;
import org.infera.core.io.AtomicOutput;
import org.infera.nn.Devices;
import org.infera.nn.TrainedNetwork;
import org.infera.nn.statistics.StatisticKind;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "scores", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Applies a trained score estimator (SALLY) to every event of weighted events files in MadMiner's "
                + "layout and writes the estimated score t̂(x) of each event: a directory with one file per events file, "
                + "of the same name (format estimated_scores, see docs/data-contract.md), read by infera-fit fisher and "
                + "infera-fit limits. One events file at a time, so memory follows the largest shard.")
public final class ScoresCommand implements Callable<Integer> {
    @Option(names = "--model", required = true, paramLabel = "<model-dir>", description = "Model directory written by infera-train sally.")
    Path model;

    @Option(names = "--events", required = true, arity = "1..*", paramLabel = "<events.h5>",
            description = "Weighted events in MadMiner's layout: one file or the shards of one run.")
    List<Path> events;

    @Option(names = "--device", defaultValue = "auto",
            description = "auto (a GPU when DJL sees one), cpu or gpu (default: ${DEFAULT-VALUE}).")
    String device;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "<scores-dir>",
            description = "Output directory: one estimated-scores file per events file.")
    Path out;

    @Override
    public Integer call() {
        List<Path> files = RunFiles.inNameOrder(events);
        try (TrainedNetwork network = TrainedNetwork.load(model, Devices.resolve(device))) {
            String kind = network.spec().kind();
            if (StatisticKind.of(kind).orElseThrow().family() != StatisticKind.Family.SCORE) {
                throw new InputException.ModelProblem(model.resolve(TrainedNetwork.SPEC), "$.kind", "a " + kind
                        + " model estimates no score (infera-shift templates bins it)");
            }
            MadMinerEventFile first = MadMinerEventFile.readHeader(files.get(0));
            if (!network.spec().features().equals(List.of(first.observables()))) {
                throw new InputException.Mismatch(files.get(0), "dataset 'observables/names'", "observables "
                        + List.of(first.observables()) + ", but the network " + model + " was trained on "
                        + network.spec().features());
            }
            AtomicOutput.writeDirectory(out, dir -> {
                java.nio.file.Files.createDirectories(dir);
                try (Progress progress = new Progress("shift scores", files.size(), "events files")) {
                    for (Path path : files) {
                        MadMinerEventFile f = MadMinerEventFile.read(path);
                        f.requireSameRunAs(first, path, files.get(0));
                        float[][] t = network.outputs(f.observations());
                        double[][] score = new double[t.length][];
                        for (int e = 0; e < t.length; e++) {
                            score[e] = new double[t[e].length];
                            for (int a = 0; a < t[e].length; a++) score[e][a] = t[e][a];
                        }
                        String name = path.getFileName().toString();
                        new EstimatedScoresFile(name, f.events(), kind, f.parameters(), f.observables(), score)
                                .write(dir.resolve(name));
                        progress.step(1);
                    }
                }
            });
        }
        System.err.printf("infera-shift: estimated scores of %d events file(s) written to %s%n", files.size(), out);
        return 0;
    }
}
