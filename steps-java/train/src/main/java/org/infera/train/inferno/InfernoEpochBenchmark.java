package org.infera.train.inferno;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.initializer.XavierInitializer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import java.nio.file.Path;
import java.util.List;
import org.infera.core.analysis.Analysis;
import org.infera.core.data.Sample;
import org.infera.core.physics.InfernoPaperProblem;
import org.infera.core.random.Rng;
import org.infera.nn.NetworkSpec;
import org.infera.nn.Networks;
import org.infera.nn.Scalars;
import org.infera.nn.Standardisation;

/**
 * Benchmark (bench/inferno.sh, not a unit test): seconds per epoch of exact INFERNO on benchmark 4
 * (2 shape nuisances and the background normalisation) — a training pass over 200k events in
 * batches of 2000 plus a validation pass over 200k — with the time split into forward, Fisher
 * (soft histograms, matrix, inverse), backward and optimiser step; and, as the baseline measured in
 * the same run, an epoch of the cross-entropy classifier with the same network and batches.
 */
public final class InfernoEpochBenchmark {
    private static final int PER_PROCESS = 100_000;
    private static final int BATCH_PER_PROCESS = 1000;

    private InfernoEpochBenchmark() {}

    public static void main(String[] args) throws Exception {
        System.setProperty("ai.djl.offline", "true");
        Path analysisFile = Path.of(args.length > 0 ? args[0] : "params/analysis/inferno-paper.json");
        int epochs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Analysis analysis = Analysis.read(analysisFile);
        FisherLayout layout = FisherLayout.of(analysis, 4);
        Sample train = sample(1), validation = sample(2);
        double[] mean = Standardisation.mean(train.x());
        NetworkSpec spec = new NetworkSpec(
                "inferno",
                analysis.features(),
                mean,
                Standardisation.std(train.x(), mean),
                List.of(100, 100),
                "relu",
                10,
                1,
                0,
                0,
                Double.NaN,
                Engine.getDjlVersion(),
                0.1,
                4);
        InfernoData trainData = new InfernoData(spec, train, analysis, layout);
        InfernoData validationData = new InfernoData(spec, validation, analysis, layout);
        System.out.printf(
                "workload: %d+%d training events, batches of %d+%d, %d+%d validation events; %d nuisances shifted; "
                        + "Java %s, DJL %s, %d cores%n",
                PER_PROCESS,
                PER_PROCESS,
                BATCH_PER_PROCESS,
                BATCH_PER_PROCESS,
                PER_PROCESS,
                PER_PROCESS,
                layout.shifted().size(),
                System.getProperty("java.version"),
                Engine.getDjlVersion(),
                Runtime.getRuntime().availableProcessors());

        double[] inferno = timeEpochs(new InfernoLoss(0.1, layout), trainData, validationData, epochs, false);
        double[] classifier = timeEpochs(new ClassifierLoss(), trainData, validationData, epochs, true);
        System.out.printf(
                "%-26s %8s %8s %8s %8s %8s %8s%n",
                "per epoch (s)", "total", "forward", "loss", "backward", "step", "valid.");
        print("exact INFERNO (BM4)", inferno);
        print("classifier (baseline)", classifier);
        System.out.printf(
                "ratio INFERNO / classifier: %.2f; INFERNO target 3.5 s: %s (%.2f of it)%n",
                inferno[0] / classifier[0], inferno[0] <= 3.5 ? "met" : "NOT met", inferno[0] / 3.5);
    }

    private static void print(String name, double[] t) {
        System.out.printf("%-26s %8.3f %8.3f %8.3f %8.3f %8.3f %8.3f%n", name, t[0], t[1], t[2], t[3], t[4], t[5]);
    }

    private static Sample sample(long seed) {
        Rng rng = new Rng(seed);
        int n = 2 * PER_PROCESS;
        double[][] x = new double[n][];
        long[] label = new long[n], process = new long[n];
        double[] weight = new double[n];
        for (int i = 0; i < n; i++) {
            boolean signal = i < PER_PROCESS;
            x[i] = signal ? InfernoPaperProblem.signal(rng) : InfernoPaperProblem.background(rng, 0, 3);
            label[i] = signal ? 1 : 0;
            process[i] = signal ? 0 : 1;
            weight[i] = 1;
        }
        return new Sample(x, label, process, weight);
    }

    /**
     * Mean seconds per epoch after one warm-up epoch: {total, forward, loss, backward, step, validation}.
     * The classifier sees only the nominal groups (signal, background) of each batch.
     */
    private static double[] timeEpochs(
            Loss loss, InfernoData train, InfernoData validation, int epochs, boolean nominalOnly) throws Exception {
        Engine.getInstance().setRandomSeed(1);
        Block block = Networks.mlp(List.of(100, 100), "relu", nominalOnly ? 1 : 10);
        double[] sums = new double[6];
        try (Model model = Model.newInstance("bench")) {
            model.setBlock(block);
            DefaultTrainingConfig config = new DefaultTrainingConfig(loss)
                    .optInitializer(new XavierInitializer(), Parameter.Type.WEIGHT)
                    .optOptimizer(Optimizer.adam().build());
            try (Trainer trainer = model.newTrainer(config)) {
                trainer.initialize(new Shape(BATCH_PER_PROCESS, 3));
                Rng rng = new Rng(3);
                int steps = PER_PROCESS / BATCH_PER_PROCESS;
                for (int epoch = 0; epoch <= epochs; epoch++) {
                    double[] t = new double[6];
                    long epochStart = System.nanoTime();
                    int[][] orders = train.shuffledOrders(rng);
                    for (int b = 0; b < steps; b++) {
                        try (NDManager m = trainer.getManager().newSubManager()) {
                            NDList x = nominalOnly
                                    ? train.nominalBatch(m, orders, b, BATCH_PER_PROCESS)
                                    : train.batch(m, orders, b, BATCH_PER_PROCESS);
                            try (GradientCollector gc = trainer.newGradientCollector()) {
                                long t0 = System.nanoTime();
                                NDArray z = trainer.forward(x).singletonOrThrow();
                                z.get(0, 0).getFloat(); // wait for the forward pass before timing the loss
                                long t1 = System.nanoTime();
                                NDArray value = loss.evaluate(new NDList(), train.splitBatch(z, nominalOnly ? 2 : 0));
                                value.getFloat();
                                long t2 = System.nanoTime();
                                gc.backward(value);
                                long t3 = System.nanoTime();
                                t[1] += t1 - t0;
                                t[2] += t2 - t1;
                                t[3] += t3 - t2;
                            }
                            long t4 = System.nanoTime();
                            trainer.step();
                            t[4] += System.nanoTime() - t4;
                        }
                    }
                    long v0 = System.nanoTime();
                    try (NDManager m = trainer.getManager().newSubManager()) {
                        NDList all = nominalOnly ? validation.nominalAll(m) : validation.all(m);
                        NDArray z = trainer.evaluate(all).singletonOrThrow();
                        loss.evaluate(new NDList(), nominalOnly ? z.split(2, 0) : validation.splitAll(z))
                                .getFloat();
                    }
                    t[5] = System.nanoTime() - v0;
                    t[0] = System.nanoTime() - epochStart;
                    if (epoch > 0) for (int k = 0; k < 6; k++) sums[k] += t[k] / 1e9 / epochs;
                }
            }
        }
        return sums;
    }

    /** Binary cross-entropy of signal (first group) against background (second group), from logits. */
    private static final class ClassifierLoss extends Loss {
        ClassifierLoss() {
            super("bce");
        }

        @Override
        public NDArray evaluate(NDList labels, NDList predictions) {
            NDArray zs = predictions.get(0).reshape(-1), zb = predictions.get(1).reshape(-1);
            // −log σ(z) = softplus(−z) for signal, −log(1 − σ(z)) = softplus(z) for background
            NDArray s =
                    Scalars.maximum(zs.neg(), 0).add(zs.abs().neg().exp().add(1).log());
            NDArray b = Scalars.maximum(zb, 0).add(zb.abs().neg().exp().add(1).log());
            return Scalars.div(s.mean().add(b.mean()), 2);
        }
    }
}
