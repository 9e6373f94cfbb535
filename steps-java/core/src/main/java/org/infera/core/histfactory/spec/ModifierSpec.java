package org.infera.core.histfactory.spec;

/** A modifier of a sample as a workspace declares it, one record per HistFactory modifier type. */
public sealed interface ModifierSpec {
    String name();

    /** The type as the JSON spells it. */
    String type();

    /** Free multiplicative factor (the usual signal strength). */
    record NormFactor(String name) implements ModifierSpec {
        public String type() {
            return "normfactor";
        }
    }

    /** Constrained normalisation uncertainty: factors hi, lo at α = ±1. */
    record NormSys(String name, double hi, double lo) implements ModifierSpec {
        public String type() {
            return "normsys";
        }
    }

    /** Constrained shape uncertainty: the sample's histograms at α = ±1. */
    record HistoSys(String name, double[] hiData, double[] loData) implements ModifierSpec {
        public String type() {
            return "histosys";
        }
    }

    /** Uncorrelated per-bin uncertainty (absolute), Poisson-constrained factors. */
    record ShapeSys(String name, double[] data) implements ModifierSpec {
        public String type() {
            return "shapesys";
        }
    }

    /**
     * Monte Carlo statistical uncertainty (absolute per bin), Gaussian-constrained factors shared by a channel's
     * samples.
     */
    record StatError(String name, double[] data) implements ModifierSpec {
        public String type() {
            return "staterror";
        }
    }

    /** Luminosity: one Gaussian-constrained factor, its width and auxiliary datum from the measurement. */
    record Lumi(String name) implements ModifierSpec {
        public String type() {
            return "lumi";
        }
    }

    /** Free per-bin factors. */
    record ShapeFactor(String name) implements ModifierSpec {
        public String type() {
            return "shapefactor";
        }
    }
}
