package org.infera.train.inferno;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.Trainer;
import java.nio.file.Path;
import java.util.List;
import org.infera.core.analysis.Analysis;
import org.infera.core.data.Sample;
import org.infera.core.physics.InfernoPaperProblem;
import org.infera.core.random.Rng;
import org.infera.nn.NetworkSpec;
import org.infera.nn.Networks;
import org.infera.nn.Standardisation;
import org.infera.train.bench.EpochTimer;
import org.infera.train.bench.MatmulPeak;
import org.infera.train.classifier.ClassifierWorkload;

/**
 * Benchmark (bench/inferno.sh, not a unit test): seconds per epoch of exact INFERNO on benchmark 4
 * (2 shape nuisances and the background normalisation) — a training pass over 200k events in
 * batches of 2000 plus a validation pass over 200k — split into forward, loss (soft histograms, Fisher
 * matrix, inverse), backward, optimiser step and validation, at one and two libtorch threads; the epoch's
 * FLOP count against the rate of a large matrix product measured in the same run; and the classifier's
 * epoch (batches of 256, as the default analysis trains it) on the same events.
 */
public final class InfernoEpochBenchmark {
    private static final int PER_PROCESS = 100_000;
    private static final int BATCH_PER_PROCESS = 1000;
    private static final int CLASSIFIER_BATCH = 256;
    private static final List<Integer> HIDDEN = List.of(100, 100);
    private static final int BINS = 10;

    private InfernoEpochBenchmark() {}

    public static void main(String[] args) {
        System.setProperty("ai.djl.offline", "true");
        Analysis analysis = Analysis.read(Path.of(args.length > 0 ? args[0] : "params/analysis/inferno-paper.json"));
        int epochs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        FisherLayout layout = FisherLayout.of(analysis, 4);
        Sample train = sample(1), validation = sample(2);
        double[] mean = Standardisation.mean(train.x());
        NetworkSpec spec = new NetworkSpec(
                "inferno",
                analysis.features(),
                mean,
                Standardisation.std(train.x(), mean),
                HIDDEN,
                "relu",
                BINS,
                1,
                0,
                0,
                Double.NaN,
                Engine.getDjlVersion(),
                0.1,
                4);
        InfernoData trainData = new InfernoData(spec, train, analysis, layout);
        InfernoData validationData = new InfernoData(spec, validation, analysis, layout);
        int features = mean.length, groups = trainData.groups();
        long trainRows = (long) PER_PROCESS / BATCH_PER_PROCESS * BATCH_PER_PROCESS * groups;
        long validationRows = sum(validationData.groupSizes());
        double flops = trainRows * (forwardFlops(features, BINS) + backwardFlops(features, BINS))
                + validationRows * forwardFlops(features, BINS);
        System.out.printf(
                "workload: %d+%d training events in batches of %d+%d (%d rows per batch with the shifted copies), "
                        + "%d validation rows; network %d-%s-%d; Java %s, DJL %s, %d cores%n",
                PER_PROCESS,
                PER_PROCESS,
                BATCH_PER_PROCESS,
                BATCH_PER_PROCESS,
                BATCH_PER_PROCESS * groups,
                validationRows,
                features,
                HIDDEN.stream()
                        .map(String::valueOf)
                        .reduce((a, b) -> a + "-" + b)
                        .orElse(""),
                BINS,
                System.getProperty("java.version"),
                Engine.getDjlVersion(),
                Runtime.getRuntime().availableProcessors());
        System.out.printf(
                "FLOPs of one INFERNO epoch (matrix products, 2mnk; training forward+backward %d rows, validation "
                        + "forward %d rows): %.3g%n",
                trainRows, validationRows, flops);
        System.out.println("Wall seconds, and CPU seconds of the thread that drives training (at one libtorch thread it"
                + " runs every op itself, so a loaded machine stretches the wall time but hardly that); of peak: the"
                + " epoch's FLOPs per second over the matrix product's, by wall time and, at one thread, by CPU time");
        Engine.getInstance(); // loads libtorch before its thread count is set
        for (String threads : (args.length > 2 ? args[2] : "1,2").split(",")) {
            JniUtils.setNumThreads(Integer.parseInt(threads));
            double[] peak = MatmulPeak.flopsPerSecond();
            double[] inferno = EpochTimer.secondsPerEpoch(
                    Networks.mlp(HIDDEN, "relu", BINS),
                    features,
                    new Workload(new InfernoLoss(0.1, layout), trainData, validationData),
                    epochs);
            double[] classifier = EpochTimer.secondsPerEpoch(
                    Networks.mlp(HIDDEN, "relu", 1),
                    features,
                    new ClassifierWorkload(spec, train, validation, CLASSIFIER_BATCH),
                    epochs);
            System.out.printf(
                    "%n%s libtorch thread(s): %d×%d float32 matrix product %.1f GFLOP/s (%.1f per CPU second)%n",
                    threads, MatmulPeak.N, MatmulPeak.N, peak[0] / 1e9, peak[1] / 1e9);
            System.out.printf(
                    "%-30s %7s %7s %7s %7s %7s %7s %8s %8s%n",
                    "per epoch (s)", "total", "forward", "loss", "backw.", "step", "valid.", "GFLOP/s", "of peak");
            double rate = flops / inferno[0], cpuShare = flops / inferno[6] / peak[1];
            System.out.printf(
                    "%-30s %s %8.1f %7.0f%%%s%n",
                    "exact INFERNO (BM4)",
                    columns(inferno, 0),
                    rate / 1e9,
                    100 * rate / peak[0],
                    threads.equals("1") ? String.format(" (%.0f%% by CPU time)", 100 * cpuShare) : "");
            System.out.printf("%-30s %s%n", "  CPU s of the driving thread", columns(inferno, 6));
            System.out.printf("%-30s %s%n", "classifier (batches of " + CLASSIFIER_BATCH + ")", columns(classifier, 0));
            System.out.printf("%-30s %s%n", "  CPU s of the driving thread", columns(classifier, 6));
        }
    }

    private static String columns(double[] t, int from) {
        StringBuilder s = new StringBuilder();
        for (int k = from; k < from + EpochTimer.COLUMNS.length; k++) s.append(String.format(" %7.3f", t[k]));
        return s.substring(1);
    }

    /** 2mnk per event through the MLP: every layer's product. */
    static double forwardFlops(int features, int outputs) {
        double f = 0;
        int in = features;
        for (int units : HIDDEN) {
            f += 2.0 * in * units;
            in = units;
        }
        return f + 2.0 * in * outputs;
    }

    /** The backward pass: every weight's gradient, and every layer's input gradient but the first layer's. */
    static double backwardFlops(int features, int outputs) {
        return 2 * forwardFlops(features, outputs) - 2.0 * features * HIDDEN.get(0);
    }

    private static long sum(int[] sizes) {
        long s = 0;
        for (int n : sizes) s += n;
        return s;
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

    /** INFERNO's epoch as {@link InfernoObjective} runs it on one shard. */
    private static final class Workload implements EpochTimer.Workload {
        private final InfernoLoss loss;
        private final InfernoData train;
        private final InfernoData validation;
        private int[][] orders;

        Workload(InfernoLoss loss, InfernoData train, InfernoData validation) {
            this.loss = loss;
            this.train = train;
            this.validation = validation;
        }

        @Override
        public int shuffle(Rng rng) {
            orders = train.shuffledOrders(rng);
            return PER_PROCESS / BATCH_PER_PROCESS;
        }

        @Override
        public NDList input(NDManager m, int batch) {
            return train.batch(m, orders, batch, BATCH_PER_PROCESS);
        }

        @Override
        public NDArray loss(NDArray output, NDManager m, int batch) {
            return loss.ofBatch(output);
        }

        @Override
        public double validate(Trainer trainer) {
            SoftHistogramTotals histograms = new SoftHistogramTotals(loss);
            histograms.add(trainer, validation);
            try (NDManager m = trainer.getManager().newSubManager()) {
                return histograms.loss(m);
            }
        }

        @Override
        public boolean checksGradients() {
            return true;
        }
    }
}
