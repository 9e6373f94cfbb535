package org.infera.core.histfactory.model;

/**
 * One sample of one channel, compiled: its nominal yields and the parameters that modify them.
 * ν_b = (nominal_b + Σ_histosys Δ_b(α)) × Π_scalar factors × Π_per-bin factors_b.
 */
final class SampleTerm {
    final String channel;
    final String sample;
    final int offset;
    final double[] nominal;
    /** histosys: parameter index and the hi / lo histograms. */
    final int[] additivePar;

    final double[][] additiveHi;
    final double[][] additiveLo;
    /** normfactor, lumi (linear factors) and normsys (interpolated factors): parameter index. */
    final int[] scalarPar;
    /** For normsys factors, hi and lo; NaN for linear factors. */
    final double[] scalarHi;

    final double[] scalarLo;
    /** shapesys, staterror, shapefactor: parameter index per bin, −1 where the bin is left alone. */
    final int[][] binPar;

    SampleTerm(
            String channel,
            String sample,
            int offset,
            double[] nominal,
            int[] additivePar,
            double[][] additiveHi,
            double[][] additiveLo,
            int[] scalarPar,
            double[] scalarHi,
            double[] scalarLo,
            int[][] binPar) {
        this.channel = channel;
        this.sample = sample;
        this.offset = offset;
        this.nominal = nominal;
        this.additivePar = additivePar;
        this.additiveHi = additiveHi;
        this.additiveLo = additiveLo;
        this.scalarPar = scalarPar;
        this.scalarHi = scalarHi;
        this.scalarLo = scalarLo;
        this.binPar = binPar;
    }

    int bins() {
        return nominal.length;
    }

    boolean isNormsys(int j) {
        return !Double.isNaN(scalarHi[j]);
    }
}
