package org.infera.train.neos;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import org.infera.core.analysis.Analysis;
import org.infera.train.inferno.FisherLayout;

/**
 * The figure a neos network is trained and selected on, for one analysis and benchmark: the profiled fit's
 * expected CLs, p₀ or σ_μ of the soft (training) or hard (selection) histograms, or the cross-entropy.
 */
record NeosFigure(
        FigureOfMerit merit,
        ProfiledObjective profiled,
        SoftHistogram histogram,
        FisherLayout layout,
        Analysis analysis,
        int benchmark,
        double mu) {

    static NeosFigure of(FigureOfMerit merit, SoftHistogram histogram, Analysis analysis, int benchmark, double mu) {
        FisherLayout layout = FisherLayout.of(analysis, benchmark);
        return new NeosFigure(
                merit,
                new ProfiledObjective(analysis, benchmark, layout, merit, mu),
                histogram,
                layout,
                analysis,
                benchmark,
                mu);
    }

    String label() {
        return merit.label();
    }

    /** The figure in words, e.g. "cls at μ = 1.0". */
    String what() {
        return merit.label() + (merit == FigureOfMerit.CLS ? " at μ = " + mu : "");
    }

    /** The figure of one batch's outputs (one array per group), with its differentiable form. */
    ProfiledObjective.Evaluation evaluate(NDList outputs) {
        if (merit == FigureOfMerit.BCE) return CrossEntropy.evaluate(outputs, layout, analysis);
        NDList soft = new NDList();
        for (NDArray z : outputs) soft.add(histogram.of(z));
        return profiled.evaluate(SoftYields.of(soft, layout, analysis));
    }

    /** The validation figure with soft bins (what training minimises). */
    double soft(ValidationHistograms v) {
        if (merit == FigureOfMerit.BCE)
            return CrossEntropy.ofGroupMeans(v.crossEntropy(), layout, analysis).value();
        return profiled.evaluate(SoftYields.of(v.soft(), layout, analysis)).value();
    }

    /** The validation figure with hard bins, as the fit step will bin the statistic: what early stopping selects on. */
    double hard(ValidationHistograms v) {
        if (merit == FigureOfMerit.BCE)
            return CrossEntropy.ofGroupMeans(v.crossEntropy(), layout, analysis).value();
        return profiled.evaluate(SoftYields.of(v.hard(), layout, analysis)).value();
    }
}
