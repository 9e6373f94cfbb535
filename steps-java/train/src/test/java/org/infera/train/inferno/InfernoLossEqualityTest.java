package org.infera.train.inferno;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.infera.core.analysis.Analysis;
import org.infera.core.data.Sample;
import org.infera.core.physics.InfernoPaperProblem;
import org.infera.core.random.Rng;
import org.infera.nn.NetworkSpec;
import org.infera.nn.Networks;
import org.infera.nn.Standardisation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 20: the batched loss (soft histograms of all groups at once, ∂ν and ν as one matrix product) and the
 * chunked validation pass give the loss and gradients of the loss as it was computed before, op by op
 * ({@link InfernoLossOpByOp}), on fixed weights and a fixed batch of the paper's problem, for every benchmark.
 */
class InfernoLossEqualityTest {
    static final double TOLERANCE = 1e-5;
    static final int PER_PROCESS = 300;
    static final int BINS = 10;
    static final double TAU = 0.1;

    @BeforeAll
    static void offline() {
        System.setProperty("ai.djl.offline", "true");
    }

    @Test
    void batchLossAndGradientsEqualTheOpByOpLossForEveryBenchmark() {
        Analysis analysis = Analysis.read(InfernoLossTest.ANALYSIS);
        for (Analysis.Benchmark benchmark : analysis.benchmarks()) {
            FisherLayout layout = FisherLayout.of(analysis, benchmark.id());
            InfernoData events = events(analysis, layout, PER_PROCESS);
            InfernoLoss batched = new InfernoLoss(TAU, layout);
            InfernoLossOpByOp reference = new InfernoLossOpByOp(TAU, layout);
            try (NDManager m = NDManager.newBaseManager()) {
                Block block = network(m, 3);
                NDArray input = events.batch(m, events.shuffledOrders(new Rng(2)), 0, PER_PROCESS)
                        .singletonOrThrow();
                int groups = events.groups();
                LossAndGradients now = lossAndGradients(block, m, input, batched::ofBatch);
                LossAndGradients before =
                        lossAndGradients(block, m, input, z -> reference.evaluate(new NDList(), z.split(groups, 0)));
                String label = "benchmark " + benchmark.id();
                assertTrue(before.loss() > 0 && Double.isFinite(before.loss()), label + ": loss " + before.loss());
                assertEquals(before.loss(), now.loss(), TOLERANCE * before.loss(), label + ": loss");
                for (int p = 0; p < before.gradients().size(); p++) {
                    float[] a = before.gradients().get(p), b = now.gradients().get(p);
                    double scale = 0;
                    for (float v : a) scale = Math.max(scale, Math.abs(v));
                    assertTrue(scale > 0, label + ": parameter " + p + " has a zero gradient");
                    for (int i = 0; i < a.length; i++)
                        assertEquals(
                                a[i], b[i], TOLERANCE * scale, label + ": d loss / d parameter " + p + "[" + i + "]");
                }
            }
        }
    }

    @Test
    void chunkedValidationLossEqualsTheLossOfTheWholeValidationSetAtOnce() {
        Analysis analysis = Analysis.read(InfernoLossTest.ANALYSIS);
        FisherLayout layout = FisherLayout.of(analysis, 4);
        // more events than a chunk, in groups whose sizes are no multiple of it
        InfernoData events = events(analysis, layout, SoftHistogramTotals.CHUNK + 1234);
        InfernoLoss batched = new InfernoLoss(TAU, layout);
        InfernoLossOpByOp reference = new InfernoLossOpByOp(TAU, layout);
        try (NDManager m = NDManager.newBaseManager()) {
            Block block = network(m, 4);
            ParameterStore store = new ParameterStore(m, false);
            NDArray logits = block.forward(store, events.all(m), false).singletonOrThrow();
            double before =
                    reference.evaluate(new NDList(), events.splitAll(logits)).getFloat();
            SoftHistogramTotals totals = new SoftHistogramTotals(batched);
            totals.add(m, x -> block.forward(store, x, false), events);
            assertEquals(before, totals.loss(m), TOLERANCE * before);
        }
    }

    record LossAndGradients(double loss, List<float[]> gradients) {}

    private static LossAndGradients lossAndGradients(
            Block block, NDManager m, NDArray input, Function<NDArray, NDArray> loss) {
        List<float[]> gradients = new ArrayList<>();
        double value;
        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            NDArray z = block.forward(new ParameterStore(m, false), new NDList(input), true)
                    .singletonOrThrow();
            NDArray l = loss.apply(z);
            value = l.getFloat();
            gc.backward(l);
        }
        for (var p : block.getParameters()) {
            NDArray g = p.getValue().getArray().getGradient();
            gradients.add(g.toFloatArray());
            g.subi(g); // the next backward pass would add to it
        }
        return new LossAndGradients(value, gradients);
    }

    /** The paper's network shape with Xavier weights from a fixed seed. */
    private static Block network(NDManager m, int seed) {
        Engine.getInstance().setRandomSeed(seed);
        Block block = Networks.mlp(List.of(100, 100), "relu", BINS);
        block.setInitializer(new ai.djl.training.initializer.XavierInitializer(), Parameter.Type.WEIGHT);
        block.initialize(m, DataType.FLOAT32, new Shape(1, 3));
        return block;
    }

    /** perProcess signal and background events of the paper's problem, with the layout's shifted copies. */
    private static InfernoData events(Analysis analysis, FisherLayout layout, int perProcess) {
        Rng rng = new Rng(perProcess);
        int n = 2 * perProcess;
        double[][] x = new double[n][];
        long[] label = new long[n], process = new long[n];
        double[] weight = new double[n];
        for (int i = 0; i < n; i++) {
            boolean signal = i < perProcess;
            x[i] = signal ? InfernoPaperProblem.signal(rng) : InfernoPaperProblem.background(rng, 0, 3);
            label[i] = signal ? 1 : 0;
            process[i] = signal ? 0 : 1;
            weight[i] = 1;
        }
        Sample sample = new Sample(x, label, process, weight);
        double[] mean = Standardisation.mean(x);
        NetworkSpec spec = new NetworkSpec(
                "inferno",
                analysis.features(),
                mean,
                Standardisation.std(x, mean),
                List.of(100, 100),
                "relu",
                BINS,
                1,
                0,
                0,
                Double.NaN,
                Engine.getDjlVersion(),
                TAU,
                4);
        return new InfernoData(spec, sample, analysis, layout);
    }
}
