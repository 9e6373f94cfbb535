package org.infera.train.pivot;

import java.nio.file.Path;
import java.util.List;
import org.infera.core.analysis.Analysis;
import org.infera.core.cli.InputException;
import org.infera.core.data.Sample;
import org.infera.core.random.Rng;
import org.infera.train.classifier.Batches;

/**
 * The prior the pivot's events are simulated from: each nuisance of the analysis Gaussian around its nominal value
 * with standard deviation (up − down)/2 (its templates' ±1σ), truncated at ±{@value #TRUNCATION}σ so that every
 * drawn value is physical (a positive exponential rate). Each event gets its own draw of every nuisance, applied to
 * it where the nuisance acts on its process (the analysis's effects, as the shift step applies them); the
 * adversary's targets are the draws in units of σ, so the prior has mean 0 and each nuisance counts alike.
 */
record NuisancePrior(Analysis analysis, List<Analysis.Nuisance> nuisances) {
    static final double TRUNCATION = 3;

    static NuisancePrior of(Analysis analysis, Path analysisFile) {
        List<Analysis.Nuisance> nuisances = analysis.nuisancesOrEmpty();
        if (nuisances.isEmpty()) {
            throw new InputException.AnalysisProblem(
                    analysisFile, "field 'nuisances'", "is empty: a pivot needs a nuisance to become independent of");
        }
        for (Analysis.Nuisance n : nuisances) {
            double lowest = n.nominal() - TRUNCATION * sigma(n);
            if ("exp_rate".equals(n.effect().type()) && lowest <= 0) {
                throw new InputException.AnalysisProblem(
                        analysisFile,
                        "field 'nuisances." + n.name() + "'",
                        "the pivot's prior reaches " + TRUNCATION + "σ = " + TRUNCATION * sigma(n)
                                + " below the nominal rate " + n.nominal()
                                + ", a rate that is not positive: narrow its up and down values");
            }
        }
        return new NuisancePrior(analysis, nuisances);
    }

    /** One σ of the prior: half the distance between the up and down values. */
    static double sigma(Analysis.Nuisance n) {
        return Math.abs(n.up() - n.down()) / 2;
    }

    /** A standard normal draw, redrawn until it lies within ±{@value #TRUNCATION}. */
    static double truncatedGaussian(Rng rng) {
        while (true) {
            double z = rng.gaussian();
            if (Math.abs(z) <= TRUNCATION) return z;
        }
    }

    int size() {
        return nuisances.size();
    }

    /** The events at their drawn nuisance values, and the adversary's targets. */
    record Drawn(Sample sample, Batches.AdversaryTargets targets) {}

    /**
     * Copies of the events, each with every nuisance drawn from the prior and applied where it acts on the event's
     * process; the mask marks the events of a process some nuisance acts on (the others carry no information
     * about the draws, whatever the classifier does).
     */
    Drawn draw(Sample sample, Rng rng) {
        int n = sample.size(), k = nuisances.size();
        double[][] x = new double[n][];
        float[] values = new float[n * k], mask = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = sample.x()[i].clone();
            for (int j = 0; j < k; j++) {
                Analysis.Nuisance nuisance = nuisances.get(j);
                double z = truncatedGaussian(rng);
                values[i * k + j] = (float) z;
                if (analysis.processIndex(nuisance.process()) == sample.process()[i]) {
                    analysis.applyEffect(nuisance, nuisance.nominal() + z * sigma(nuisance), x[i]);
                    mask[i] = 1;
                }
            }
        }
        return new Drawn(
                new Sample(x, sample.label(), sample.process(), sample.weight()),
                new Batches.AdversaryTargets(values, k, mask));
    }
}
