package org.infera.core.data;

import java.nio.file.Path;
import java.util.Arrays;
import org.infera.core.cli.InputException;
import org.infera.core.hdf5.H5Input;
import org.infera.core.hdf5.H5Output;

/**
 * The score t̂(x) a trained network estimates for each event of one weighted events file, or of the test split of
 * score samples (format
 * "estimated_scores", version 1; see docs/data-contract.md): what the shift step writes for the statistics of the
 * score family (SALLY), so that the fit step reads numbers and never a network. One file per events file, named
 * as it and recording its name and event count, so a file cannot be paired with the wrong events.
 *
 * @param score [event, parameter], the events in the order of the events file: one network's, or the mean over
 *     the members of an ensemble
 * @param members [member, event, parameter]: each member's scores when {@code score} is an ensemble's mean (the
 *     datasets members/score_k), else null
 */
public record EstimatedScoresFile(
        String eventsFile,
        long events,
        String kind,
        String[] parameters,
        String[] observables,
        double[][] score,
        double[][][] members) {
    public static final String FORMAT = "estimated_scores";
    public static final long VERSION = 1;

    /** One network's scores. */
    public EstimatedScoresFile(
            String eventsFile, long events, String kind, String[] parameters, String[] observables, double[][] score) {
        this(eventsFile, events, kind, parameters, observables, score, null);
    }

    public void write(Path target) {
        H5Output.write(target, FORMAT, VERSION, out -> {
            out.attribute("", "events_file", eventsFile)
                    .attribute("", "events", events)
                    .attribute("", "kind", kind)
                    .dataset("parameters/names", parameters)
                    .dataset("observables/names", observables)
                    .dataset("score", score);
            if (members != null) {
                out.attribute("", "members", (long) members.length);
                for (int k = 0; k < members.length; k++) out.dataset("members/score_" + k, members[k]);
            }
        });
    }

    public static EstimatedScoresFile read(Path path) {
        try (H5Input in = H5Input.open(path, FORMAT, VERSION)) {
            String[] parameters = in.strings1d("parameters/names", -1);
            String[] observables = in.strings1d("observables/names", -1);
            long events = in.longAttribute("", "events");
            double[][] score = rows(in, "score", parameters.length, events);
            double[][][] members = null;
            if (in.hasAttribute("", "members")) {
                long k = in.longAttribute("", "members");
                if (k < 2 || k > 10_000)
                    throw in.badValue("members", "attribute 'members' is " + k + ": an ensemble has 2 or more");
                members = new double[(int) k][][];
                for (int m = 0; m < k; m++) members[m] = rows(in, "members/score_" + m, parameters.length, events);
            }
            return new EstimatedScoresFile(
                    in.stringAttribute("", "events_file"),
                    events,
                    in.stringAttribute("", "kind"),
                    parameters,
                    observables,
                    score,
                    members);
        }
    }

    private static double[][] rows(H5Input in, String dataset, int parameters, long events) {
        double[][] score = in.doubles2d(dataset, parameters);
        if (score.length != events)
            throw in.bad(dataset, score.length + " rows, but the attribute 'events' says " + events);
        return score;
    }

    /** The scores of one weighted events file, from the directory the shift step wrote. */
    public static EstimatedScoresFile forEvents(Path directory, Path eventsPath, MadMinerEventFile events) {
        return paired(directory, eventsPath, events.events(), events.parameters(), events.observables());
    }

    /** The scores of the test split of a score-samples file, from the directory the shift step wrote. */
    public static EstimatedScoresFile forSamples(Path directory, Path samplesPath, ScoreSamplesFile samples) {
        return paired(
                directory,
                samplesPath,
                samples.splits().get(Split.TEST).x().length,
                samples.parameters(),
                samples.observables());
    }

    /**
     * The scores of one file from the directory the shift step wrote (a file of the same name there), checked to be
     * those of that file: its name, number of events, parameters and observables.
     */
    private static EstimatedScoresFile paired(
            Path directory, Path source, long events, String[] parameters, String[] observables) {
        Path path = directory.resolve(source.getFileName().toString());
        EstimatedScoresFile scores = read(path);
        if (!scores.eventsFile.equals(source.getFileName().toString())
                || scores.events != events
                || !Arrays.equals(scores.parameters, parameters)
                || !Arrays.equals(scores.observables, observables)) {
            throw new InputException.Mismatch(
                    path,
                    "attribute 'events_file'",
                    "the scores of " + scores.eventsFile + " ("
                            + scores.events + " events, parameters " + Arrays.toString(scores.parameters)
                            + ", observables "
                            + Arrays.toString(scores.observables) + "), not of " + source + " (" + events
                            + " events, parameters "
                            + Arrays.toString(parameters) + ", observables " + Arrays.toString(observables) + ")");
        }
        return scores;
    }
}
