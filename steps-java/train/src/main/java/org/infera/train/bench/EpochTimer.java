package org.infera.train.bench;

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
import ai.djl.training.tracker.Tracker;
import java.lang.management.ManagementFactory;
import org.infera.core.random.Rng;
import org.infera.nn.train.Gradients;

/**
 * Times epochs of a workload the way {@code TrainingLoop} runs them (a gradient collector per batch, the
 * loss's value read back, the backward pass, the gradient check where the objective asks for it, Adam's
 * step), split into forward, loss, backward, step and validation wall seconds, with the CPU seconds of the thread
 * that drives it.
 */
public final class EpochTimer {
    /** One epoch's batches and the validation pass of a statistic, as its objective makes them. */
    public interface Workload {
        /** Starts an epoch: draws its batch order. */
        int shuffle(Rng rng);

        NDList input(NDManager m, int batch);

        NDArray loss(NDArray output, NDManager m, int batch);

        double validate(Trainer trainer);

        /** Whether the loop checks every gradient before the step (a Fisher matrix can be near singular). */
        boolean checksGradients();
    }

    /** Columns of {@link #secondsPerEpoch}. */
    public static final String[] COLUMNS = {"total", "forward", "loss", "backward", "step", "valid."};

    private static final int PARTS = COLUMNS.length;

    /** CPU nanoseconds of the calling thread, which runs libtorch's ops itself at one thread: robust to load. */
    static long cpuNanos() {
        return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    private EpochTimer() {}

    /**
     * Mean seconds per epoch over {@code epochs} epochs after one warm-up epoch, in the order of
     * {@link #COLUMNS}: wall seconds, then CPU seconds of the calling thread.
     */
    public static double[] secondsPerEpoch(Block block, int features, Workload work, int epochs) {
        Engine.getInstance().setRandomSeed(1);
        double[] sums = new double[2 * PARTS];
        try (Model model = Model.newInstance("bench")) {
            model.setBlock(block);
            DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.l2Loss())
                    .optInitializer(new XavierInitializer(), Parameter.Type.WEIGHT)
                    .optOptimizer(Optimizer.adam()
                            .optLearningRateTracker(Tracker.fixed(0.001f))
                            .build());
            try (Trainer trainer = model.newTrainer(config)) {
                trainer.initialize(new Shape(1, features));
                Rng rng = new Rng(3);
                for (int epoch = 0; epoch <= epochs; epoch++) {
                    double[] t = epoch(trainer, work, rng);
                    if (epoch > 0) for (int k = 0; k < t.length; k++) sums[k] += t[k] / 1e9 / epochs;
                }
            }
        }
        return sums;
    }

    private static double[] epoch(Trainer trainer, Workload work, Rng rng) {
        double[] t = new double[2 * PARTS];
        Clock clock = new Clock(t);
        int batches = work.shuffle(rng);
        for (int b = 0; b < batches; b++) {
            try (NDManager m = trainer.getManager().newSubManager()) {
                NDList x = work.input(m, b);
                try (GradientCollector gc = trainer.newGradientCollector()) {
                    clock.lap(-1);
                    NDArray z = trainer.forward(x).singletonOrThrow(); // libtorch on the CPU returns when done
                    clock.lap(1);
                    NDArray value = work.loss(z, m, b);
                    value.getFloat();
                    clock.lap(2);
                    gc.backward(value);
                    clock.lap(3);
                    if (work.checksGradients()) Gradients.finite(trainer);
                }
                trainer.step();
                clock.lap(4);
            }
        }
        clock.lap(-1);
        work.validate(trainer);
        clock.lap(5);
        t[0] = clock.wall();
        t[PARTS] = clock.cpu();
        return t;
    }

    /** Wall and CPU nanoseconds since the last lap, added to a part (−1: to none). */
    private static final class Clock {
        private final double[] t;
        private final long wallStart = System.nanoTime(), cpuStart = cpuNanos();
        private long wall = wallStart, cpu = cpuStart;

        Clock(double[] t) {
            this.t = t;
        }

        void lap(int part) {
            long w = System.nanoTime(), c = cpuNanos();
            if (part >= 0) {
                t[part] += w - wall;
                t[PARTS + part] += c - cpu;
            }
            wall = w;
            cpu = c;
        }

        long wall() {
            return System.nanoTime() - wallStart;
        }

        long cpu() {
            return cpuNanos() - cpuStart;
        }
    }
}
