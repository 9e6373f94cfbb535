package org.infera.train.neos;

import org.infera.core.cli.InputException;

/** What a neos network is trained to minimise. */
public enum FigureOfMerit {
    /** The expected CLs at the tested μ on background-only Asimov data, nuisances profiled (neos). */
    CLS("cls"),
    /** The expected discovery p-value p₀ on signal-plus-background Asimov data, nuisances profiled. */
    DISCOVERY("discovery"),
    /** σ of μ from the inverse Fisher information at nominal values (INFERNO's figure of merit, in μ). */
    SIGMA("sigma"),
    /**
     * Binary cross-entropy of signal against the backgrounds (classes balanced, backgrounds by yield),
     * on the one output of a kde network: a classifier binned by the same kernel, for comparison.
     */
    BCE("bce");

    private final String label;

    FigureOfMerit(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static FigureOfMerit parse(String s) {
        for (FigureOfMerit o : values()) if (o.label.equals(s)) return o;
        throw new InputException.BadOption(
                "--objective", "--objective '" + s + "' is not one of cls, discovery, sigma, bce");
    }
}
