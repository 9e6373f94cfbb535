package org.infera.shift;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.infera.core.cli.InputException;
import org.infera.core.cli.Progress;
import org.infera.core.cli.VersionProvider;
import org.infera.core.data.EstimatedScoresFile;
import org.infera.core.data.MadMinerEventFile;
import org.infera.core.data.RunFiles;
import org.infera.core.data.ScoreSamplesFile;
import org.infera.core.data.Split;
import org.infera.core.io.AtomicOutput;
import org.infera.nn.DeviceOption;
import org.infera.nn.Ensemble;
import org.infera.nn.TrainedNetwork;
import org.infera.nn.statistics.StatisticKind;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "scores",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Applies a trained score estimator (SALLY) to every event of weighted events files in MadMiner's "
                + "layout (or to the test split of score samples) and writes the estimated score t̂(x) of each event: "
                + "a "
                + "directory with one file per input file, of the same name (format estimated_scores, see "
                + "docs/data-contract.md), read by infera-fit fisher and infera-fit limits. One input file at a time, "
                + "so "
                + "memory follows the largest shard. A likelihood-ratio estimator (infera-train ratio) gives its score "
                + "t̂(x | θ) = ∂ log r̂(x | θ, θ1)/∂θ at --at.")
public final class ScoresCommand implements Callable<Integer> {
    @Option(
            names = "--model",
            required = true,
            arity = "1..*",
            paramLabel = "<model-dir>",
            description = "Model directory written by infera-train sally; several: the members of an ensemble "
                    + "(trainings with --member 0, 1, …), whose mean score is written with each member's.")
    List<Path> models;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Inputs inputs;

    /** What the network is applied to. */
    static final class Inputs {
        @Option(
                names = "--events",
                arity = "1..*",
                paramLabel = "<events.h5>",
                description = "Weighted events in MadMiner's layout: one file or the shards of one run.")
        List<Path> events;

        @Option(
                names = "--samples",
                arity = "1..*",
                paramLabel = "<score-samples.h5>",
                description = "Score samples (infera-augment score, infera-simulate gaussian-toy): their test split.")
        List<Path> samples;
    }

    @Option(
            names = "--at",
            paramLabel = "THETA",
            description = "For a likelihood-ratio estimator: the point θ its score is taken at, e.g. 0,0 (default: its "
                    + "reference θ1).")
    String at;

    @Mixin
    DeviceOption device;

    /** A ratio estimator's --at, checked before anything is written. */
    private double[] ratioPoint;

    @Option(
            names = {"-o", "--out"},
            required = true,
            paramLabel = "<scores-dir>",
            description = "Output directory: one estimated-scores file per input file.")
    Path out;

    @Override
    public Integer call() {
        boolean events = inputs.events != null;
        List<Path> files = RunFiles.inNameOrder(events ? inputs.events : inputs.samples);
        try (Ensemble network = Ensemble.load(models, device.resolve())) {
            String kind = network.spec().kind();
            StatisticKind.Family family = StatisticKind.of(kind).orElseThrow().family();
            if (at != null && family != StatisticKind.Family.RATIO)
                throw new InputException.BadOption("--at", "--at belongs to likelihood-ratio estimators, not " + kind);
            if (family == StatisticKind.Family.RATIO) ratioPoint = RatioScores.point(network.spec(), at);
            if (family != StatisticKind.Family.SCORE && family != StatisticKind.Family.RATIO) {
                throw new InputException.ModelProblem(
                        models.get(0).resolve(TrainedNetwork.SPEC),
                        "$.kind",
                        "a " + kind + " model estimates no score (infera-shift templates bins it)");
            }
            MadMinerEventFile first = events ? MadMinerEventFile.readHeader(files.get(0)) : null;
            AtomicOutput.writeDirectory(out, dir -> {
                Files.createDirectories(dir);
                try (Progress progress = new Progress("shift scores", files.size(), "files")) {
                    for (Path path : files) {
                        String name = path.getFileName().toString();
                        if (events) {
                            MadMinerEventFile f = MadMinerEventFile.read(path);
                            f.requireSameRunAs(first, path, files.get(0));
                            scores(network, path, name, f.events(), f.parameters(), f.observables(), f.observations())
                                    .write(dir.resolve(name));
                        } else {
                            ScoreSamplesFile s = ScoreSamplesFile.read(path);
                            double[][] x = s.splits().get(Split.TEST).x();
                            scores(network, path, name, x.length, s.parameters(), s.observables(), x)
                                    .write(dir.resolve(name));
                        }
                        progress.step(1);
                    }
                }
            });
        }
        System.err.printf("infera-shift: estimated scores of %d file(s) written to %s%n", files.size(), out);
        return 0;
    }

    /**
     * The network's t̂(x) of every event (an ensemble's: the mean over members, with each member's), checked to read
     * the file's observables and give one value per parameter.
     */
    private EstimatedScoresFile scores(
            Ensemble network,
            Path path,
            String name,
            long events,
            String[] parameters,
            String[] observables,
            double[][] x) {
        if (network.spec().ratio() != null)
            return RatioScores.of(network, models.get(0), ratioPoint, path, name, events, parameters, observables, x);
        if (!network.spec().features().equals(List.of(observables))
                || network.spec().outputs() != parameters.length) {
            throw new InputException.Mismatch(
                    path,
                    "dataset 'observables/names'",
                    "observables " + List.of(observables)
                            + " and parameters " + List.of(parameters) + ", but the network " + models.get(0)
                            + " reads "
                            + network.spec().features() + " and gives "
                            + network.spec().outputs() + " outputs");
        }
        double[][][] members = network.predictions(x, Ensemble::raw);
        return new EstimatedScoresFile(
                name,
                events,
                network.spec().kind(),
                parameters,
                observables,
                Ensemble.mean(members),
                members.length > 1 ? members : null);
    }
}
