package org.infera.train.pivot;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.Trainer;
import java.util.function.Function;
import org.infera.train.TrainingShards;
import org.infera.train.classifier.Batches;
import org.infera.train.classifier.WeightedBinaryCrossEntropy;

/**
 * The pivot's figures on the validation events, without gradients: the classifier's class-balanced cross-entropy
 * L_f, the adversary's loss L_r, the adversary's no-information loss (that of predicting the prior mean, 0, for every
 * event: the mean of z² over the masked events and the nuisances), and the correlation of the classifier's
 * probability with each nuisance over the masked events.
 */
record ValidationFigures(
        double classifier, double adversary, double noInformation, double gainError, double[] correlation) {
    /**
     * L_0 − L_r: how much better than the prior mean the adversary predicts the nuisances. Its standard error
     * {@link #gainError} is that of the mean over the masked events of each event's z² − (r − z)², summed over the
     * nuisances (a paired difference: the same draws in both losses).
     */
    double gain() {
        return noInformation - adversary;
    }

    /**
     * L_f − λ min(L_r, L_0), the figure early stopping minimises: LUMIN's pivot callback monitors L_f − λ L_r, but an
     * adversary that lags behind a moving classifier can do worse than the no-information value L_0, which an
     * adversary that kept up never does (it can always predict the prior mean); capped, such epochs earn nothing.
     */
    double combined(double lambda) {
        return classifier - lambda * Math.min(adversary, noInformation);
    }

    static ValidationFigures of(
            Trainer classifier,
            Adversary adversary,
            TrainingShards shards,
            Function<Integer, Batches> validation,
            int nuisances) {
        WeightedBinaryCrossEntropy bce = new WeightedBinaryCrossEntropy();
        double bceSum = 0, weight = 0, squares = 0, masked = 0, noInformation = 0;
        double sp = 0, spp = 0, gain = 0, gainSquares = 0;
        double[] sz = new double[nuisances], szz = new double[nuisances], spz = new double[nuisances];
        for (int s = 0; s < shards.shards(); s++) {
            Batches batches = validation.apply(s);
            for (int b = 0; b < batches.count(); b++) {
                try (NDManager m = classifier.getManager().newSubManager()) {
                    Batches.Batch batch = batches.batch(m, null, b);
                    NDArray logits = classifier.evaluate(batch.features()).singletonOrThrow();
                    bceSum += bce.evaluate(batch.labels(), new NDList(logits)).getFloat() * batch.weight();
                    weight += batch.weight();
                    NDArray probability = Adversary.input(logits);
                    float[] p = probability.toFloatArray();
                    float[] predicted = adversary.predict(probability).toFloatArray();
                    float[] z = batch.labels().get(2).toFloatArray(),
                            mask = batch.labels().get(3).toFloatArray();
                    for (int i = 0; i < p.length; i++) {
                        if (mask[i] == 0) continue;
                        masked++;
                        sp += p[i];
                        spp += (double) p[i] * p[i];
                        double eventGain = 0;
                        for (int k = 0; k < nuisances; k++) {
                            double zk = z[i * nuisances + k], error = predicted[i * nuisances + k] - zk;
                            squares += error * error;
                            noInformation += zk * zk;
                            sz[k] += zk;
                            szz[k] += zk * zk;
                            spz[k] += p[i] * zk;
                            eventGain += (zk * zk - error * error) / nuisances;
                        }
                        gain += eventGain;
                        gainSquares += eventGain * eventGain;
                    }
                }
            }
        }
        double[] correlation = new double[nuisances];
        for (int k = 0; k < nuisances; k++) {
            double cov = spz[k] / masked - (sp / masked) * (sz[k] / masked);
            double varP = spp / masked - (sp / masked) * (sp / masked),
                    varZ = szz[k] / masked - Math.pow(sz[k] / masked, 2);
            correlation[k] = cov / Math.sqrt(varP * varZ);
        }
        double meanGain = gain / masked, gainVariance = gainSquares / masked - meanGain * meanGain;
        return new ValidationFigures(
                bceSum / weight,
                squares / (masked * nuisances),
                noInformation / (masked * nuisances),
                Math.sqrt(gainVariance / masked),
                correlation);
    }
}
