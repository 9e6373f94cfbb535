package org.infera.train.bench;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * The arithmetic rate a large float32 matrix product reaches with libtorch's current thread count and
 * the same MKL settings as training: the peak an epoch's FLOP count is compared with.
 */
public final class MatmulPeak {
    public static final int N = 2048;

    private MatmulPeak() {}

    /**
     * Floating-point operations per second of the fastest of a few N×N products (2N³ operations each):
     * {per wall second, per CPU second of the calling thread}.
     */
    public static double[] flopsPerSecond() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray a = m.randomUniform(-1, 1, new Shape(N, N)), b = m.randomUniform(-1, 1, new Shape(N, N));
            long best = Long.MAX_VALUE, bestCpu = Long.MAX_VALUE;
            for (int rep = 0; rep < 6; rep++) {
                long t0 = System.nanoTime(), c0 = EpochTimer.cpuNanos();
                try (NDArray c = a.matMul(b)) {
                    c.getFloat(0, 0);
                }
                best = Math.min(best, System.nanoTime() - t0);
                bestCpu = Math.min(bestCpu, EpochTimer.cpuNanos() - c0);
            }
            double flops = 2.0 * N * N * N;
            return new double[] {flops / (best / 1e9), flops / (bestCpu / 1e9)};
        }
    }
}
