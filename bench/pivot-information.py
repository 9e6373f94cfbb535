#!/usr/bin/env python3
"""Reference numbers for the pivot on the INFERNO problem (docs/methods.md, "λ on the validation set"), by Monte Carlo
from the densities of InfernoPaperProblem, independent of the Java code.

1. The gain over the no-information value of the Bayes-optimal adversary that sees the whole background event (an
   upper bound on what any classifier output can carry): gain_k = E[z_k²] − E[(z_k − E[z_k | x])²] for r
   (x0 ~ N(2 + 0.2 z, √5)) and λ (x2 ~ Exp(3 + 0.5 z)), z a standard normal truncated at ±3, as the pivot's prior.
2. The class-balanced cross-entropy of the Bayes-optimal classifier on the prior's events with all features, without
   x0 (what independence of r costs) and with x1 alone (independent of r and λ).

    python3 bench/pivot-information.py
"""
import numpy as np

rng = np.random.default_rng(1)
N = 400000
GRID = np.linspace(-3, 3, 1201)
PRIOR = np.exp(-GRID**2 / 2)  # truncated at ±3 by the grid


def truncated_normal(n):
    z = rng.standard_normal(3 * n)
    return z[np.abs(z) <= 3][:n]


def bayes_gain(z, x, loglik):
    """Mean and standard error of z² − (z − E[z|x])², the posterior mean on the grid."""
    mean = np.empty_like(z)
    for s in range(0, len(z), 20000):
        ll = loglik(x[s : s + 20000, None], GRID[None, :])
        w = np.exp(ll - ll.max(axis=1, keepdims=True)) * PRIOR
        mean[s : s + 20000] = (w * GRID).sum(1) / w.sum(1)
    d = z**2 - (z - mean) ** 2
    return d.mean(), d.std() / np.sqrt(len(z))


zr = truncated_normal(N)
x0 = 2 + 0.2 * zr + np.sqrt(5) * rng.standard_normal(N)
gr = bayes_gain(zr, x0, lambda x, g: -((x - 2 - 0.2 * g) ** 2) / 10)
zl = truncated_normal(N)
x2 = rng.exponential(1 / (3 + 0.5 * zl))
gl = bayes_gain(zl, x2, lambda x, g: np.log(3 + 0.5 * g) - (3 + 0.5 * g) * x)
print("Bayes-optimal adversary on the whole background event: gain r %.5f ± %.5f, λ %.5f ± %.5f, mean %.5f"
      % (gr[0], gr[1], gl[0], gl[1], (gr[0] + gl[0]) / 2))

# Classifier: signal x0, x1 ~ N(0, 1), x2 ~ Exp(2); background at the prior's draws, so its densities are mixtures.
M = 1000000
w = PRIOR[::5] / PRIOR[::5].sum()
g = GRID[::5]


def npdf(x, m, s):
    return np.exp(-((x - m) ** 2) / (2 * s * s)) / (s * np.sqrt(2 * np.pi))


def background_x0(x):
    return sum(wi * npdf(x, 2 + 0.2 * gi, np.sqrt(5)) for gi, wi in zip(g, w))


def background_x2(x):
    return sum(wi * (3 + 0.5 * gi) * np.exp(-(3 + 0.5 * gi) * x) for gi, wi in zip(g, w))


def llr(x, use):
    t = 0
    if 0 in use:
        t = t + np.log(npdf(x[0], 0, 1) / background_x0(x[0]))
    if 1 in use:
        t = t + np.log(npdf(x[1], 0, 1) / npdf(x[1], 0, 3))
    if 2 in use:
        t = t + np.log(2 * np.exp(-2 * x[2]) / background_x2(x[2]))
    return t


signal = (rng.normal(0, 1, M), rng.normal(0, 1, M), rng.exponential(1 / 2, M))
background = (2 + 0.2 * truncated_normal(M) + np.sqrt(5) * rng.standard_normal(M), rng.normal(0, 3, M),
              rng.exponential(1 / (3 + 0.5 * truncated_normal(M))))
for use, label in [((0, 1, 2), "x0, x1, x2"), ((1, 2), "x1, x2 (independent of r)"),
                   ((1,), "x1 (independent of r and λ)")]:
    loss = (np.logaddexp(0, -llr(signal, use)).mean() + np.logaddexp(0, llr(background, use)).mean()) / 2
    print("Bayes-optimal classifier on %-28s balanced cross-entropy %.4f" % (label + ":", loss))
