package org.infera.train.ratio;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.Trainer;
import java.util.function.Consumer;
import org.infera.core.data.RatioSamplesFile;
import org.infera.core.random.Rng;
import org.infera.nn.MlpInputGradient;
import org.infera.nn.NetworkSpec;
import org.infera.nn.train.BatchLoss;
import org.infera.nn.train.Objective;

/**
 * A likelihood-ratio estimator parameterised in θ0: the MLP's input is (x, θ0) standardised, its output log r̂(x | θ0,
 * θ1) for the fixed reference θ1, trained with one of MadMiner's {@link RatioLoss}es. The estimated score
 * t̂(x | θ0) = ∂ log r̂ / ∂θ0 is the network's input gradient at the θ0 columns divided by their standardisation width.
 */
final class RatioObjective implements Objective {
    /** Validation events per forward pass. */
    private static final int CHUNK = 4096;

    private final NetworkSpec draft;
    private final RatioLoss loss;
    private final double alpha;
    private final int steps;
    private final Events train;
    private final Events validation;
    private final float[] thetaScale;

    /** A split as float arrays: standardised inputs [n, F + P], y [n], r [n], t(x, z | θ0) [n, P]. */
    record Events(int n, float[] input, float[] y, float[] r, float[] t) {
        static Events of(NetworkSpec draft, RatioSamplesFile.Ratios split) {
            int n = split.size(), p = split.theta0()[0].length;
            double[][] joined = RatioInputs.join(split.x(), split.theta0());
            float[] y = new float[n], r = new float[n], t = new float[n * p];
            for (int i = 0; i < n; i++) {
                y[i] = split.y()[i];
                r[i] = (float) split.rXz()[i];
                for (int a = 0; a < p; a++) t[i * p + a] = (float) split.tXz0()[i][a];
            }
            return new Events(n, draft.standardise(joined, 0, n), y, r, t);
        }
    }

    RatioObjective(NetworkSpec draft, RatioLoss loss, double alpha, int batchSize, Events train, Events validation) {
        this.draft = draft;
        this.loss = loss;
        this.alpha = alpha;
        this.train = train;
        this.validation = validation;
        this.steps = (train.n + batchSize - 1) / batchSize;
        int p = parameters(), f = draft.features().size();
        thetaScale = new float[p];
        for (int a = 0; a < p; a++) thetaScale[a] = (float) (1 / draft.std()[f - p + a]);
    }

    private int width() {
        return draft.features().size();
    }

    private int parameters() {
        return draft.ratio().parameters().size();
    }

    @Override
    public String kind() {
        return "ratio";
    }

    @Override
    public String title() {
        return "train ratio (" + loss.id() + ")";
    }

    @Override
    public long batchesPerEpoch() {
        return steps;
    }

    @Override
    public void epoch(Rng rng, Consumer<Batch> step) {
        int[] order = new int[train.n];
        for (int i = 0; i < order.length; i++) order[i] = i;
        rng.shuffle(order);
        int batch = (train.n + steps - 1) / steps;
        for (int b = 0; b < steps; b++) {
            int from = b * batch, to = Math.min(train.n, from + batch);
            if (from >= to) break;
            step.accept((trainer, m) -> {
                NDArray value = batchLoss(trainer, m, train, order, from, to);
                return new BatchLoss(value, value.getFloat(), to - from);
            });
        }
    }

    /** The loss of events order[from..to) (all of them in file order where order is null). */
    private NDArray batchLoss(Trainer trainer, NDManager m, Events e, int[] order, int from, int to) {
        int p = parameters(), f = width();
        NDArray input = m.create(rows(e.input, order, from, to, f), new Shape(to - from, f));
        Block block = trainer.getModel().getBlock();
        NDList out = MlpInputGradient.evaluate(block, draft.activation(), input);
        NDArray logR = out.get(0).reshape(-1);
        NDArray score = loss.usesScore()
                ? out.get(1).get(new NDIndex(":, " + (f - p) + ":")).mul(m.create(thetaScale, new Shape(1, p)))
                : null;
        return loss.of(
                logR,
                score,
                m.create(rows(e.y, order, from, to, 1)),
                m.create(rows(e.r, order, from, to, 1)),
                m.create(rows(e.t, order, from, to, p), new Shape(to - from, p)),
                alpha);
    }

    private static float[] rows(float[] values, int[] order, int from, int to, int width) {
        float[] out = new float[(to - from) * width];
        for (int k = from; k < to; k++) {
            int row = order == null ? k : order[k];
            System.arraycopy(values, row * width, out, (k - from) * width, width);
        }
        return out;
    }

    /** The training loss over the validation events, in chunks, without gradient. */
    @Override
    public double validate(Trainer trainer) {
        double sum = 0;
        for (int from = 0; from < validation.n; from += CHUNK) {
            int to = Math.min(validation.n, from + CHUNK);
            try (NDManager m = trainer.getManager().newSubManager()) {
                sum += batchLoss(trainer, m, validation, null, from, to).getFloat() * (to - from);
            }
        }
        return sum / validation.n;
    }

    @Override
    public Figure figure() {
        return new Figure("loss", "likelihood-ratio estimator (" + loss.id() + "): validation loss", v -> v);
    }

    @Override
    public NetworkSpec draft() {
        return draft;
    }
}
