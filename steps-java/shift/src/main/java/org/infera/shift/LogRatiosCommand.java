package org.infera.shift;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.infera.core.cli.InputException;
import org.infera.core.cli.ParameterGrid;
import org.infera.core.cli.Progress;
import org.infera.core.cli.VersionProvider;
import org.infera.core.data.EstimatedLogRatiosFile;
import org.infera.core.data.MadMinerEventFile;
import org.infera.core.data.RunFiles;
import org.infera.core.io.AtomicOutput;
import org.infera.nn.DeviceOption;
import org.infera.nn.Ensemble;
import org.infera.nn.NetworkSpec;
import org.infera.nn.TrainedNetwork;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "log-ratios",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Applies a trained likelihood-ratio estimator (infera-train ratio) to every event of weighted "
                + "events files in MadMiner's layout at every point θ of a grid, and writes log r̂(x | θ, θ1): a "
                + "directory with one file per input file, of the same name (format estimated_log_ratios, float32, "
                + "see docs/data-contract.md), read by infera-fit limits --method ratio with the same --grid. One "
                + "input file at a time: memory and the file are 4 bytes × events × grid points (10^5 events at 31 × "
                + "31 points: 385 MB; an ensemble of K members: K + 1 times that, its mean and each member's).")
public final class LogRatiosCommand implements Callable<Integer> {
    @Option(
            names = "--model",
            required = true,
            arity = "1..*",
            paramLabel = "<model-dir>",
            description = "Model directory written by infera-train ratio; several: the members of an ensemble "
                    + "(trainings with --member 0, 1, …), whose mean log r̂ is written with each member's.")
    List<Path> models;

    @Option(
            names = "--events",
            required = true,
            arity = "1..*",
            paramLabel = "<events.h5>",
            description = "Weighted events in MadMiner's layout: one file or the shards of one run.")
    List<Path> events;

    @Option(
            names = "--grid",
            required = true,
            split = ",",
            paramLabel = "LO:HI:N",
            description = "One LO:HI:N per parameter, e.g. -1:1:21,-2:2:21: the grid infera-fit limits takes.")
    List<String> grid;

    @Mixin
    DeviceOption device;

    @Option(
            names = {"-o", "--out"},
            required = true,
            paramLabel = "<log-ratios-dir>",
            description = "Output directory: one estimated-log-ratios file per input file.")
    Path out;

    @Override
    public Integer call() {
        AtomicOutput.check("--out", out);
        List<Path> files = RunFiles.inNameOrder(events);
        MadMinerEventFile first = MadMinerEventFile.readHeader(files.get(0));
        double[][] points = ParameterGrid.points(ParameterGrid.axes("--grid", grid, first.parameters()));
        try (Ensemble network = Ensemble.load(models, device.resolve())) {
            NetworkSpec spec = network.spec();
            if (spec.ratio() == null)
                throw new InputException.ModelProblem(
                        models.get(0).resolve(TrainedNetwork.SPEC),
                        "$.kind",
                        "a " + spec.kind() + " model estimates no likelihood ratio (infera-train ratio trains one)");
            AtomicOutput.writeDirectory(out, dir -> {
                Files.createDirectories(dir);
                try (Progress progress =
                        new Progress("shift log-ratios", (long) files.size() * points.length, "grid points")) {
                    for (Path path : files) {
                        MadMinerEventFile f = MadMinerEventFile.read(path);
                        f.requireSameRunAs(first, path, files.get(0));
                        RatioScores.requireReads(spec, models.get(0), path, f.parameters(), f.observables());
                        String name = path.getFileName().toString();
                        float[][][] logR = logRatios(network, f.observations(), points, progress);
                        new EstimatedLogRatiosFile(
                                        name,
                                        f.events(),
                                        spec.kind(),
                                        spec.ratio().loss(),
                                        f.parameters(),
                                        f.observables(),
                                        spec.ratio().theta1(),
                                        points,
                                        logR[0],
                                        logR.length > 1 ? java.util.Arrays.copyOfRange(logR, 1, logR.length) : null)
                                .write(dir.resolve(name));
                    }
                }
            });
        }
        System.err.printf(
                "infera-shift: log r̂ of %d file(s) at %d grid points written to %s%n",
                files.size(), points.length, out);
        return 0;
    }

    /**
     * log r̂(x_e | θ_g, θ1) as float32, [0][event][grid point]: one network's, or an ensemble's mean over its members,
     * followed by each member's at [1 + k].
     */
    private static float[][][] logRatios(Ensemble network, double[][] x, double[][] points, Progress progress) {
        int f = x.length == 0 ? 0 : x[0].length;
        double[][] inputs = RatioScores.inputs(x, points[0].length);
        int k = network.size();
        float[][][] out = new float[k == 1 ? 1 : k + 1][x.length][points.length];
        for (int g = 0; g < points.length; g++) {
            RatioScores.setTheta(inputs, f, points[g]);
            double[][][] members = network.predictions(inputs, Ensemble::raw);
            double[][] mean = Ensemble.mean(members);
            for (int e = 0; e < x.length; e++) out[0][e][g] = (float) mean[e][0];
            for (int m = 0; m < k && k > 1; m++)
                for (int e = 0; e < x.length; e++) out[1 + m][e][g] = (float) members[m][e][0];
            progress.step(1);
        }
        return out;
    }
}
