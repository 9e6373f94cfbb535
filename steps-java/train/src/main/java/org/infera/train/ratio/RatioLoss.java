package org.infera.train.ratio;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;

/**
 * The losses of MadMiner's likelihood-ratio estimators (Brehmer, Louppe, Pavez & Cranmer 2018; madminer's
 * utils/ml/losses.py), on a batch of events drawn at θ0 (y = 0) or at the reference θ1 (y = 1), with the network's
 * log r̂(x | θ0, θ1), its θ0-gradient t̂(x | θ0), and the joint ratio r(x, z | θ0, θ1) and joint score t(x, z | θ0):
 * <ul>
 *   <li>carl: the cross-entropy of ŝ = 1/(1 + r̂), the probability of θ1, against y;
 *   <li>rolr: the squared errors (1 − y)(1/r̂ − 1/r)² + y(r̂ − r)², with log r̂ and r clipped at ±{@value #LOG_R_CLIP}
 *       (as MadMiner), since 1/r̂ is the regression target at θ0 and r̂ at θ1;
 *   <li>alices: the cross-entropy of ŝ against s = 1/(1 + r(x, z)), the joint ratio's own class probability (ALICE),
 *       plus α times the score term;
 *   <li>rascal: rolr plus α times the score term; cascal: carl plus α times the score term.
 * </ul>
 * The score term is the mean over events and parameters of (1 − y)(t̂ − t(x, z | θ0))²: the joint score is only
 * known at the point the event was drawn from, θ0 for y = 0. Every mean runs over the whole batch.
 */
enum RatioLoss {
    CARL(false),
    ROLR(false),
    RASCAL(true),
    ALICES(true),
    CASCAL(true);

    /** MadMiner's clip of log r̂ and log r in the regression losses, so exp stays finite. */
    static final double LOG_R_CLIP = 10;

    private final boolean scoreTerm;

    RatioLoss(boolean scoreTerm) {
        this.scoreTerm = scoreTerm;
    }

    static RatioLoss of(String name) {
        return valueOf(name.toUpperCase(java.util.Locale.ROOT));
    }

    String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Whether the loss needs the θ0-gradient of log r̂. */
    boolean usesScore() {
        return scoreTerm;
    }

    /**
     * The batch's loss: logR and y, r [n]; score and t [n, P] (score ignored where the loss has no score term).
     */
    NDArray of(NDArray logR, NDArray score, NDArray y, NDArray r, NDArray t, double alpha) {
        NDArray main =
                switch (this) {
                    case CARL, CASCAL -> crossEntropy(logR, y);
                    case ALICES -> crossEntropy(logR, r.add(1).pow(-1));
                    case ROLR, RASCAL -> regression(logR, y, r);
                };
        if (!scoreTerm) return main;
        NDArray atTheta0 = y.neg().add(1).expandDims(1);
        return main.add(score.sub(t).mul(atTheta0).square().mean().mul((float) alpha));
    }

    /**
     * Cross-entropy of ŝ = 1/(1 + r̂) = sigmoid(−log r̂) against the target probability p of θ1:
     * −p log ŝ − (1 − p) log(1 − ŝ) = p softplus(log r̂) + (1 − p) softplus(−log r̂), stable for any log r̂.
     */
    private static NDArray crossEntropy(NDArray logR, NDArray p) {
        return Activation.softPlus(logR)
                .mul(p)
                .add(Activation.softPlus(logR.neg()).mul(p.neg().add(1)))
                .mean();
    }

    private static NDArray regression(NDArray logR, NDArray y, NDArray r) {
        NDArray clipped = logR.clip(-LOG_R_CLIP, LOG_R_CLIP);
        NDArray rTrue = r.clip(Math.exp(-LOG_R_CLIP), Math.exp(LOG_R_CLIP));
        NDArray atTheta0 = y.neg().add(1);
        NDArray numerator = clipped.neg().exp().sub(rTrue.pow(-1)).mul(atTheta0).square();
        NDArray denominator = clipped.exp().sub(rTrue).mul(y).square();
        return numerator.add(denominator).mean();
    }
}
