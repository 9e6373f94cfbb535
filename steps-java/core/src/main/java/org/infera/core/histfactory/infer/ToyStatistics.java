package org.infera.core.histfactory.infer;

/**
 * The test statistics of a range of toys at a grid of POI values: for each μ, the observed value and the
 * values on the toys generated under signal + background (at μ) and under background only (μ = 0; μ = 1
 * for q₀), as pyhf's ToyCalculator samples them.
 *
 * @param firstToy the global index of the first toy (toy i of the range has index firstToy + i)
 * @param signalPlusBackground [μ][toy]
 * @param backgroundOnly [μ][toy]
 * @param failedFits [μ]: toy fits that did not converge (their statistic is kept, as pyhf keeps it)
 */
public record ToyStatistics(
        TestStatistic statistic,
        long seed,
        long firstToy,
        double[] poiValues,
        double[] observed,
        double[][] signalPlusBackground,
        double[][] backgroundOnly,
        long[] failedFits) {

    public int toys() {
        return signalPlusBackground[0].length;
    }
}
