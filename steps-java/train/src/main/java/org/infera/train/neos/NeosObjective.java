package org.infera.train.neos;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.Trainer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.function.Function;
import org.infera.core.cli.Progress;
import org.infera.core.random.Rng;
import org.infera.nn.NetworkSpec;
import org.infera.nn.train.BatchLoss;
import org.infera.nn.train.Objective;
import org.infera.train.inferno.InfernoData;
import org.infera.train.inferno.ProcessShards;

/**
 * neos: the figure of merit of the final fit (expected CLs, p₀ or σ_μ) on the soft histograms, nuisances profiled
 * in the fit engine, or cross-entropy on a kde network's output. Early stopping selects on the hard-binned
 * validation figure, as the fit step will bin the statistic.
 */
final class NeosObjective implements Objective {
    private final NeosFigure figure;
    private final int batchSize;
    private final ProcessShards data;
    private final NetworkSpec draft;
    private final Function<Integer, InfernoData> train;
    private final Function<Integer, InfernoData> validation;
    private double[][] startYields;
    private double start;
    private double fitSeconds;
    private double validationSoft;

    NeosObjective(
            NeosFigure figure,
            int batchSize,
            ProcessShards data,
            NetworkSpec draft,
            Function<Integer, InfernoData> train,
            Function<Integer, InfernoData> validation) {
        this.figure = figure;
        this.batchSize = batchSize;
        this.data = data;
        this.draft = draft;
        this.train = train;
        this.validation = validation;
    }

    @Override
    public String kind() {
        return "neos";
    }

    @Override
    public String title() {
        return "train neos (" + figure.what() + ", BM" + figure.benchmark() + ")";
    }

    @Override
    public long batchesPerEpoch() {
        return data.steps(batchSize);
    }

    /** A fit near a singular model can give a finite figure and a non-finite gradient. */
    @Override
    public boolean checksGradients() {
        return true;
    }

    @Override
    public void beforeTraining(Trainer trainer, Progress progress) {
        try (NDManager m = trainer.getManager().newSubManager()) {
            ValidationHistograms v = validate(m, trainer);
            startYields =
                    SoftYields.of(v.soft(), figure.layout(), figure.analysis()).rows();
            start = figure.hard(v);
        }
        progress.message(String.format("before training: validation %s %.5g", figure.label(), start));
    }

    @Override
    public void epoch(Rng rng, Consumer<Batch> step) {
        fitSeconds = 0;
        data.epoch(rng, train, batchSize, step, (events, orders, b) -> (trainer, m) -> {
            NDList outputs = events.splitBatch(
                    trainer.forward(events.batch(m, orders, b, batchSize)).singletonOrThrow());
            long t0 = System.nanoTime();
            ProfiledObjective.Evaluation e = figure.evaluate(outputs);
            fitSeconds += (System.nanoTime() - t0) / 1e9;
            return e.converged() ? new BatchLoss(e.differentiable(), e.value(), 1) : BatchLoss.skip();
        });
    }

    @Override
    public double validate(Trainer trainer) {
        try (NDManager m = trainer.getManager().newSubManager()) {
            ValidationHistograms v = validate(m, trainer);
            validationSoft = figure.soft(v);
            return figure.hard(v);
        }
    }

    private ValidationHistograms validate(NDManager m, Trainer trainer) {
        return ValidationHistograms.of(
                m,
                trainer,
                data.shards(),
                validation,
                figure.histogram(),
                figure.analysis().signalIndex());
    }

    @Override
    public String epochLine(int epoch, double train, double validation, double seconds) {
        return String.format(
                "epoch %d: train %s %.5g, validation %.5g (hard bins; soft %.5g) (%.3f s, of which fits %.3f s)",
                epoch, figure.label(), train, validation, validationSoft, seconds, fitSeconds);
    }

    @Override
    public Figure figure() {
        return new Figure(
                figure.label(),
                "neos (benchmark " + figure.benchmark() + "): " + figure.what() + " with soft bins",
                v -> v);
    }

    @Override
    public NetworkSpec draft() {
        return draft;
    }

    /**
     * The soft histograms before and after training; the output over the feature plane where there are two features.
     */
    @Override
    public void writeExtras(Path dir, Trainer trainer) throws IOException {
        double[][] endYields;
        try (NDManager m = trainer.getManager().newSubManager()) {
            endYields = SoftYields.of(validate(m, trainer).soft(), figure.layout(), figure.analysis())
                    .rows();
        }
        NeosPlots.histograms(dir.resolve("histograms.png"), figure.analysis(), figure.layout(), startYields, endYields);
        if (draft.mean().length == 2) NeosPlots.outputPlane(dir.resolve("output_plane.png"), trainer, draft);
    }

    @Override
    public String summary(double bestLoss, int bestEpoch, int epochsRun) {
        return String.format(
                "validation %s %.5g before training, best %.5g (hard bins, as the fit sees them) at epoch %d of %d",
                figure.label(), start, bestLoss, bestEpoch, epochsRun);
    }
}
