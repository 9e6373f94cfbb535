package org.infera.train.pivot;

import ai.djl.ndarray.NDArray;

/**
 * The two losses of adversarial training (Louppe, Kagan & Cranmer 2017, eq. 3 with the adversary's loss as MSE):
 * the adversary's mean squared error in predicting the standardised nuisance values, over the events of its mask
 * and over the nuisances; and the classifier's loss L_f − λ L_r, which rewards outputs the adversary cannot read the
 * nuisances from.
 */
final class PivotLoss {
    private PivotLoss() {}

    /**
     * Σ_i m_i Σ_k (pred_ik − z_ik)² / (K · max(Σ_i m_i, 1)): a batch without masked events has loss 0 (no
     * information, no step), not 0/0.
     */
    static NDArray adversary(NDArray predicted, NDArray targets, NDArray mask) {
        long width = targets.getShape().get(1);
        NDArray perEvent = predicted.sub(targets).square().sum(new int[] {1});
        NDArray events = mask.sum().maximum(1f);
        return perEvent.mul(mask).sum().div(events.mul((float) width));
    }

    /** L_f − λ L_r: the classifier moves towards outputs whose adversary loss is large. */
    static NDArray classifier(NDArray classifierLoss, NDArray adversaryLoss, double lambda) {
        return classifierLoss.sub(adversaryLoss.mul((float) lambda));
    }
}
