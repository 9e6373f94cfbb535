package org.infera.train.pivot;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.function.Function;
import org.infera.core.cli.Progress;
import org.infera.core.random.Rng;
import org.infera.nn.NetworkSpec;
import org.infera.nn.train.BatchLoss;
import org.infera.nn.train.Objective;
import org.infera.nn.train.TrainingLoop;
import org.infera.train.TrainingShards;
import org.infera.train.classifier.Batches;
import org.infera.train.classifier.WeightedBinaryCrossEntropy;

/**
 * The pivot (Louppe, Kagan & Cranmer 2017) on the schedule of LUMIN's PivotTraining callback: before the loop's
 * epochs, the classifier f alone for {@code pretrain} epochs (cross-entropy), then the adversary r alone for as many
 * (f frozen); in each of the loop's epochs, before every step of f on L_f − λ L_r, {@code adversarySteps} steps of r
 * on the batches that follow. Early stopping minimises L_f − λ L_r on the validation events. With the best weights
 * restored, a fresh adversary is trained on the frozen f and its validation loss reported against the no-information
 * value (pivot.json): the test that f's output has become independent of the nuisances.
 */
final class PivotObjective implements Objective, AutoCloseable {
    /** The schedule and the adversary. */
    record Schedule(
            double lambda,
            int pretrain,
            int adversarySteps,
            java.util.List<Integer> adversaryHidden,
            String adversaryActivation,
            double learningRate) {}

    /**
     * The fresh adversary of the check is a ReLU network whatever the running one is, so that pivots trained with
     * either adversary are judged by the same test.
     */
    static final String CHECK_ACTIVATION = "relu";

    private final NetworkSpec draft;
    private final TrainingShards shards;
    private final NuisancePrior prior;
    private final Schedule schedule;
    private final int batchSize;
    private final long seed;
    private final Function<Integer, Batches> train;
    private final Function<Integer, Batches> validation;
    private final WeightedBinaryCrossEntropy bce = new WeightedBinaryCrossEntropy();
    private Trainer classifier;
    private Adversary adversary;
    private ValidationFigures last;

    PivotObjective(
            NetworkSpec draft,
            TrainingShards shards,
            NuisancePrior prior,
            Schedule schedule,
            int batchSize,
            Function<Integer, Batches> train,
            Function<Integer, Batches> validation) {
        this.draft = draft;
        this.shards = shards;
        this.prior = prior;
        this.schedule = schedule;
        this.batchSize = batchSize;
        this.seed = draft.seed();
        this.train = train;
        this.validation = validation;
    }

    @Override
    public String kind() {
        return "pivot";
    }

    @Override
    public String title() {
        return "train pivot";
    }

    @Override
    public NetworkSpec draft() {
        return draft;
    }

    @Override
    public long batchesPerEpoch() {
        long count = 0;
        for (int s = 0; s < shards.shards(); s++)
            count += Batches.count(shards.size(org.infera.core.data.Split.TRAIN, s), batchSize);
        return count;
    }

    @Override
    public Loss trainerLoss() {
        return bce;
    }

    private Adversary newAdversary(String name, String activation) {
        return new Adversary(
                name,
                classifier.getManager().getDevice(),
                schedule.adversaryHidden(),
                activation,
                prior.size(),
                schedule.learningRate(),
                batchSize);
    }

    /** Pre-training: f alone, then r alone on the frozen f. */
    @Override
    public void beforeTraining(Trainer trainer, Progress progress) {
        classifier = trainer;
        adversary = newAdversary("adversary", schedule.adversaryActivation());
        Rng rng = new Rng(Rng.derivedSeed(seed, 5));
        for (int e = 1; e <= schedule.pretrain(); e++) {
            classifierEpoch(rng, batch -> TrainingLoop.step(trainer, batch, false), 0, 0);
            progress.message(String.format(
                    "pre-training f, epoch %d: validation loss %.6g",
                    e, figures().classifier()));
        }
        for (int e = 1; e <= schedule.pretrain(); e++) {
            adversary.epoch(trainer, shards, train, rng);
            ValidationFigures f = figures();
            progress.message(String.format(
                    "pre-training r, epoch %d: validation loss %.6g (no information: %.6g)",
                    e, f.adversary(), f.noInformation()));
        }
    }

    @Override
    public void epoch(Rng rng, Consumer<Batch> step) {
        // λ = 0: the plain classifier on the same events, no adversary to keep up
        classifierEpoch(rng, step, schedule.lambda(), schedule.lambda() > 0 ? schedule.adversarySteps() : 0);
    }

    /** One epoch of f on L_f − λ L_r, each of its steps after {@code adversarySteps} steps of r. */
    private void classifierEpoch(Rng rng, Consumer<Batch> step, double lambda, int adversarySteps) {
        for (int shard : shards.shardOrder(rng)) {
            Batches batches = train.apply(shard);
            int[] order = batches.shuffledOrder(rng);
            for (int b = 0; b < batches.count(); b++) {
                for (int k = 0; k < adversarySteps; k++)
                    adversary.step(classifier, batches, order, (b + k) % batches.count());
                int index = b;
                step.accept((trainer, m) -> {
                    Batches.Batch batch = batches.batch(m, order, index);
                    NDArray logits = trainer.forward(batch.features()).singletonOrThrow();
                    NDArray loss = trainer.getLoss().evaluate(batch.labels(), new NDList(logits));
                    if (lambda > 0) {
                        NDArray adversarial = adversary.loss(Adversary.input(logits), batch.labels());
                        loss = PivotLoss.classifier(loss, adversarial, lambda);
                    }
                    return new BatchLoss(loss, loss.getFloat(), batch.weight());
                });
            }
        }
    }

    private ValidationFigures figures() {
        return ValidationFigures.of(classifier, adversary, shards, validation, prior.size());
    }

    @Override
    public double validate(Trainer trainer) {
        last = figures();
        return last.combined(schedule.lambda());
    }

    @Override
    public Figure figure() {
        return new Figure("L_f − λ L_r", "pivot: cross-entropy minus λ × the adversary's MSE", v -> v);
    }

    @Override
    public String epochLine(int epoch, double train, double validation, double seconds) {
        return Objective.super.epochLine(epoch, train, validation, seconds)
                + String.format(
                        "; L_f %.6g, L_r %.6g (no information: %.6g)",
                        last.classifier(), last.adversary(), last.noInformation());
    }

    /** A fresh adversary on the best f, its validation loss beside the no-information value: pivot.json. */
    @Override
    public void writeExtras(Path dir, Trainer trainer) throws IOException {
        ValidationFigures atBest;
        try (Adversary fresh = newAdversary("adversary check", CHECK_ACTIVATION)) {
            Rng rng = new Rng(Rng.derivedSeed(seed, 6));
            ValidationFigures best = null;
            for (int e = 0; e < Math.max(schedule.pretrain(), PivotReport.CHECK_EPOCHS); e++) {
                fresh.epoch(trainer, shards, train, rng);
                ValidationFigures f = ValidationFigures.of(trainer, fresh, shards, validation, prior.size());
                if (best == null || f.adversary() < best.adversary()) best = f;
            }
            atBest = best;
        }
        PivotReport.write(dir.resolve(PivotReport.FILE), schedule, prior, atBest);
        System.err.printf(
                "infera-train: a fresh adversary on the final classifier: validation loss %.6g, no-information value"
                        + " %.6g (ratio %.4f; gain %.3g ± %.2g)%n",
                atBest.adversary(),
                atBest.noInformation(),
                atBest.adversary() / atBest.noInformation(),
                atBest.gain(),
                atBest.gainError());
    }

    @Override
    public void close() {
        if (adversary != null) adversary.close();
    }
}
