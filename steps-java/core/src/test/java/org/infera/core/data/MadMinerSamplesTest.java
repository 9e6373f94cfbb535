package org.infera.core.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.infera.core.cli.InputException;
import org.infera.core.hdf5.H5Output;
import org.infera.core.morphing.JointScore;
import org.infera.core.morphing.Morphing;
import org.infera.core.morphing.WeightedFisher;
import org.infera.core.random.Rng;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Events simulated at several benchmarks, combined as MadMiner combines them. The reference numbers
 * are MadMiner's own, computed on the fixture (six samples, one per benchmark) with MadMiner
 * v0.9.6-24-g3e2615d (madminer-tool/madminer, 2024-06-17) run by hand with Debian's python3 (numpy,
 * scipy, sympy, h5py): {@code DataAnalyzer.xsecs(thetas, partition="all")},
 * {@code DataAnalyzer.xsec_gradients(thetas, partition="all", gradients="theta")}, the joint score
 * ∇w/w − ∇σ/σ from {@code DataAnalyzer.weighted_events(theta[, derivative=True])}, and
 * {@code FisherInformation.truth_information / rate_information(theta, luminosity)}.
 */
public class MadMinerSamplesTest {
    private static final double[][] THETAS = {{0, 0}, {1, -1}, {10, 0}, {-3, 2.5}};
    private static final double[] MADMINER_XSECS = {
        0.0010059528924121744, 0.0010167684735132492, 0.016567873582034685, 0.005296645376871136
    };
    private static final double[][] MADMINER_XSEC_GRADIENTS = {
        {-0.00037819032665333154, 2.178893304931219e-05}, {1.0467158916311903e-05, -0.00041114326298848195},
        {0.0034905744645778334, 3.978868584042305e-06}, {-0.0015432722801389989, 0.0011050099263670609}
    };
    /** Events of the fixture (file order) and MadMiner's joint score of each at θ = (1, −1). */
    private static final int[] EVENTS = {0, 1, 2, 17, 1000, 5820};

    private static final double[][] MADMINER_SCORES = {
        {-1.185275988274936, -2.2775106862546526}, {-2.3826021592804674, -1.7502545191169665},
        {-0.185407153724857, -0.31077118250795793}, {1.2848672200134008, -0.6578169570340324},
        {2.3712066731230053, -1.8210880404584515}, {-0.6894288766886376, -0.8533255250460199}
    };

    @Test
    void crossSectionsAndTheirGradientsEqualMadMiners() {
        MadMinerEventFile f = MadMinerEventFile.read(MadMinerEventFileTest.fixture());
        double[][] w = f.combinedWeights(f.samplingFactors());
        Morphing morphing = new Morphing(f.morphingComponents(), f.morphingMatrix());
        for (int k = 0; k < THETAS.length; k++) {
            double[] sigma = new double[3];
            WeightedFisher.addCrossSection(sigma, morphing, w, THETAS[k]);
            assertRelative(MADMINER_XSECS[k], sigma[0], "σ at θ = " + java.util.Arrays.toString(THETAS[k]));
            for (int p = 0; p < 2; p++)
                assertRelative(MADMINER_XSEC_GRADIENTS[k][p], sigma[1 + p], "∂σ/∂θ" + p + " at point " + k);
        }
        // before this fix the six samples were summed as if each were the run: about six times MadMiner's σ
        double[] uncombined = new double[3];
        WeightedFisher.addCrossSection(uncombined, morphing, f.weights(), THETAS[0]);
        assertTrue(uncombined[0] / MADMINER_XSECS[0] > 5.5, "the raw weights' sum is the six samples' sum");
    }

    @Test
    void jointScoresOfSingleEventsEqualMadMiners() {
        MadMinerEventFile f = MadMinerEventFile.read(MadMinerEventFileTest.fixture());
        double[][] t = JointScore.at(
                new Morphing(f.morphingComponents(), f.morphingMatrix()),
                f.combinedWeights(f.samplingFactors()),
                new double[] {1, -1});
        for (int k = 0; k < EVENTS.length; k++) {
            for (int p = 0; p < 2; p++)
                assertRelative(MADMINER_SCORES[k][p], t[EVENTS[k]][p], "t" + p + " of event " + EVENTS[k]);
        }
    }

    @Test
    void truthAndRateInformationEqualMadMiners() {
        MadMinerEventFile f = MadMinerEventFile.read(MadMinerEventFileTest.fixture());
        double[][] w = f.combinedWeights(f.samplingFactors());
        Morphing morphing = new Morphing(f.morphingComponents(), f.morphingMatrix());
        assertMatrix(
                new double[][] {{218.33053809726522, 1.2480706599214186}, {1.2480706599214186, 195.03416150976406}},
                WeightedFisher.truth(morphing, w, new double[] {0, 0}, 300000),
                "truth information at θ = 0, L = 300000");
        assertMatrix(
                new double[][] {{42.65445954368618, -2.4574799981726754}, {-2.4574799981726754, 0.14158444406577206}},
                WeightedFisher.rate(morphing, w, new double[] {0, 0}, 300000),
                "rate information at θ = 0");
        assertMatrix(
                new double[][] {{0.5811244845714534, -0.0855871145469072}, {-0.0855871145469072, 0.6927539709419523}},
                WeightedFisher.truth(morphing, w, new double[] {1, -1}, 1000),
                "truth information at θ = (1, −1), L = 1000");
        assertMatrix(
                new double[][] {
                    {0.00010775453668469347, -0.004232528823592677}, {-0.004232528823592678, 0.1662510070918206}
                },
                WeightedFisher.rate(morphing, w, new double[] {1, -1}, 1000),
                "rate information at θ = (1, −1)");
    }

    @Test
    void shardsOfTheFixtureCombineToTheWholeFilesNumbers(@TempDir Path dir) {
        MadMinerEventFile f = MadMinerEventFile.read(MadMinerEventFileTest.fixture());
        List<Path> shards = List.of(
                slice(f, 0, 2000, dir.resolve("run_0.h5")),
                slice(f, 2000, 4500, dir.resolve("run_1.h5")),
                slice(f, 4500, f.events(), dir.resolve("run_2.h5")));
        SamplingFactors run = MadMinerEventFile.runSamplingFactors(shards);
        Morphing morphing = new Morphing(f.morphingComponents(), f.morphingMatrix());
        double[] sigma = new double[3];
        for (Path p : shards)
            WeightedFisher.addCrossSection(
                    sigma, morphing, MadMinerEventFile.read(p).combinedWeights(run), THETAS[1]);
        assertRelative(MADMINER_XSECS[1], sigma[0], "σ summed over three shards");
        // one shard's own factors would be its own samples' shares, not the run's
        MadMinerEventFile all = MadMinerEventFile.readAll(shards);
        double[] whole = new double[3];
        WeightedFisher.addCrossSection(whole, morphing, all.combinedWeights(all.samplingFactors()), THETAS[1]);
        assertRelative(MADMINER_XSECS[1], whole[0], "σ of the shards read as one");
    }

    /**
     * Two samples generated at different benchmarks of a linear one-parameter model, with a background:
     * each sample's weights add up exactly to σ_b at every benchmark, so the combined cross section is
     * σ(θ) = σ_0 + θ (σ_1 − σ_0) + B, whatever the samples' sizes.
     */
    @Test
    void twoSamplesAtDifferentBenchmarksCombineToTheClosedFormCrossSection(@TempDir Path dir) {
        double sigma0 = 2.0, sigma1 = 3.5, backgroundWeight = 0.01;
        int nA = 300, nB = 100, nBackground = 50;
        Rng rng = new Rng(7);
        double[][] weights = new double[nA + nB + nBackground][2];
        long[] sampling = new long[weights.length];
        double[][] x = new double[weights.length][1];
        fillSample(weights, 0, nA, sigma0, sigma1, rng);
        fillSample(weights, nA, nA + nB, sigma0, sigma1, rng);
        for (int e = 0; e < weights.length; e++) {
            sampling[e] = e < nA ? 0 : e < nA + nB ? 1 : -1;
            if (e >= nA + nB) weights[e] = new double[] {backgroundWeight, backgroundWeight};
            x[e][0] = rng.uniform();
        }
        long[][] components = {{0}, {1}};
        double[][] basis = {{0}, {1}};
        MadMinerEventFile written = new MadMinerEventFile(
                new String[] {"theta"},
                new String[] {"b0", "b1"},
                basis,
                components,
                Morphing.fromBasis(components, basis).matrix(),
                new String[] {"x"},
                x,
                weights,
                sampling);
        Path file = dir.resolve("two-samples.h5");
        written.write(file);
        MadMinerEventFile f = MadMinerEventFile.read(file);
        assertEquals(nBackground, f.backgroundEvents());
        Morphing morphing = new Morphing(f.morphingComponents(), f.morphingMatrix());
        for (double theta : new double[] {-1, 0, 0.3, 1, 2.5}) {
            double[] sigma = new double[2];
            WeightedFisher.addCrossSection(
                    sigma, morphing, f.combinedWeights(f.samplingFactors()), new double[] {theta});
            double expected = sigma0 + theta * (sigma1 - sigma0) + nBackground * backgroundWeight;
            assertEquals(expected, sigma[0], 1e-12 * expected, "σ(" + theta + ")");
            assertEquals(sigma1 - sigma0, sigma[1], 1e-12, "∂σ/∂θ at " + theta);
        }
        // the file infera wrote reads back to the same weights and bookkeeping
        assertEquals(java.util.Arrays.deepToString(weights), java.util.Arrays.deepToString(f.weights()));
        assertEquals(java.util.Arrays.toString(new long[] {nA, nB}), java.util.Arrays.toString(f.signalEvents()));
        assertEquals(
                "2 samples combined (b0 300/400, b1 100/400)",
                f.samplingFactors().toString());
        // MadMiner's closest-sample mode: at θ = 0.9 only the sample at b1 (and the background) counts
        SamplingFactors closest =
                SamplingFactors.closestTo(new double[] {0.9}, f.benchmarkValues(), f.signalEvents(), f.benchmarks());
        double[] sigma = new double[2];
        WeightedFisher.addCrossSection(sigma, morphing, f.combinedWeights(closest), new double[] {0.9});
        double expected = sigma0 + 0.9 * (sigma1 - sigma0) + nBackground * backgroundWeight;
        assertEquals(expected, sigma[0], 1e-12 * expected, "σ(0.9) from the closest sample");
    }

    @Test
    void bookkeepingThatDisagreesWithTheEventsIsRefused(@TempDir Path dir) {
        MadMinerEventFile f = MadMinerEventFile.read(MadMinerEventFileTest.fixture());
        long[] wrong = f.signalEvents().clone();
        wrong[2]++;
        wrong[3]--;
        Path file = dir.resolve("wrong-summary.h5");
        new MadMinerEventFile(
                        f.parameters(),
                        f.benchmarks(),
                        f.benchmarkValues(),
                        f.morphingComponents(),
                        f.morphingMatrix(),
                        f.observables(),
                        f.observations(),
                        f.weights(),
                        f.samplingBenchmarks(),
                        wrong,
                        0)
                .write(file);
        InputException e = assertThrows(InputException.class, () -> MadMinerEventFile.read(file));
        assertTrue(
                e.getMessage().contains(file.toString())
                        && e.getMessage().contains("sample_summary/signal_events")
                        && e.getMessage().contains("morphing_basis_vector_2"),
                e.getMessage());

        Path noIds = dir.resolve("no-sampling-ids.h5");
        new MadMinerEventFile(
                        f.parameters(),
                        f.benchmarks(),
                        f.benchmarkValues(),
                        f.morphingComponents(),
                        f.morphingMatrix(),
                        f.observables(),
                        f.observations(),
                        f.weights(),
                        null,
                        f.signalEvents(),
                        0)
                .write(noIds);
        e = assertThrows(InputException.class, () -> MadMinerEventFile.read(noIds));
        assertTrue(
                e.getMessage().contains("samples/sampling_benchmarks")
                        && e.getMessage().contains("is missing"),
                e.getMessage());
    }

    @Test
    void nuisanceBenchmarksAreRefusedNotIgnored(@TempDir Path dir) {
        Path file = dir.resolve("nuisance.h5");
        H5Output.write(file, "madminer", 1, out -> {
            out.dataset("parameters/names", new String[] {"theta"});
            out.dataset("benchmarks/names", new String[] {"sm", "nu_up"});
            out.dataset("benchmarks/values", new double[][] {{0}, {0}});
            out.dataset("benchmarks/is_nuisance", new long[] {0, 1});
            out.dataset("observables/names", new String[] {"x"});
            out.dataset("samples/observations", new double[][] {{1}, {2}});
            out.dataset("samples/weights", new double[][] {{1, 1.1}, {1, 0.9}});
        });
        InputException e = assertThrows(InputException.class, () -> MadMinerEventFile.read(file));
        assertTrue(
                e.getMessage().contains("benchmarks/is_nuisance")
                        && e.getMessage().contains("nu_up")
                        && e.getMessage().contains("not supported"),
                e.getMessage());
    }

    private static void fillSample(double[][] weights, int from, int to, double sigma0, double sigma1, Rng rng) {
        double[] a = new double[to - from], b = new double[to - from];
        double sumA = 0, sumB = 0;
        for (int i = 0; i < a.length; i++) {
            sumA += a[i] = 0.5 + rng.uniform();
            sumB += b[i] = 0.5 + rng.uniform();
        }
        for (int i = 0; i < a.length; i++)
            weights[from + i] = new double[] {sigma0 * a[i] / sumA, sigma1 * b[i] / sumB};
    }

    /** Events [from, to) of f as a file of their own, with their own sample counts. */
    private static Path slice(MadMinerEventFile f, int from, int to, Path target) {
        new MadMinerEventFile(
                        f.parameters(),
                        f.benchmarks(),
                        f.benchmarkValues(),
                        f.morphingComponents(),
                        f.morphingMatrix(),
                        f.observables(),
                        java.util.Arrays.copyOfRange(f.observations(), from, to),
                        java.util.Arrays.copyOfRange(f.weights(), from, to),
                        java.util.Arrays.copyOfRange(f.samplingBenchmarks(), from, to))
                .write(target);
        return target;
    }

    private static void assertMatrix(double[][] expected, double[][] actual, String what) {
        for (int a = 0; a < expected.length; a++) {
            for (int b = 0; b < expected.length; b++)
                assertRelative(expected[a][b], actual[a][b], what + " [" + a + "][" + b + "]");
        }
    }

    private static void assertRelative(double expected, double actual, String what) {
        assertEquals(expected, actual, 1e-8 * Math.abs(expected), what);
    }
}
