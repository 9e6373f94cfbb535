#!/usr/bin/env python3
"""Independent check of `infera-fit limits --method ratio` on the EFT toy (numpy + h5py, /usr/bin/python3).

Re-sums q(θ) from the estimated_log_ratios files and compares it with the JSON infera-fit wrote; computes the
same Asimov statistic from the joint ratio of the morphed weights (what the events know, the analogue of the
truth Fisher information) and the calibration Σ_i n_i r̂_i(θ) / ν_t (1 for an exact ratio); prints the 95% CL
slices (two dof) through θ_t = 0 along each parameter.

    tools/eft_ratio_limits_check.py EVENTS_DIR LOG_RATIOS_DIR LIMITS.json [LUMINOSITY]
The grid is params/sally-eft.yaml's, -0.3:0.3:31,-0.6:0.6:31.
"""
import json
import os
import sys

import h5py
import numpy as np

events_dir, lr_dir, limits = sys.argv[1:4]
L = float(sys.argv[4]) if len(sys.argv) > 4 else 100.0
a1, a2 = np.linspace(-0.3, 0.3, 31), np.linspace(-0.6, 0.6, 31)
pts = np.array([[x, y] for x in a1 for y in a2])  # the last parameter fastest, as infera numbers them
THRESHOLD = 5.991464547107979  # χ²_2 at 95%


def coefficients(comp, matrix, theta):
    return np.prod(np.asarray(theta)[None, :] ** comp, axis=1) @ matrix


kin = np.zeros(len(pts)); kin_joint = np.zeros(len(pts)); nu = np.zeros(len(pts)); cal = np.zeros(len(pts)); nu_t = 0.0
for name in sorted(f for f in os.listdir(lr_dir) if f.endswith('.h5')):
    h = h5py.File(os.path.join(events_dir, name))
    W = h['samples/weights'][:]; comp = h['morphing/components'][:]; M = h['morphing/morphing_matrix'][:]
    log_r = h5py.File(os.path.join(lr_dir, name))['log_r']
    w0 = W @ coefficients(comp, M, [0, 0]); n = L * w0; nu_t += n.sum()
    WG = W @ np.array([coefficients(comp, M, p) for p in pts]).T  # [event, grid point]
    nu += L * WG.sum(axis=0)
    kin_joint += n @ np.log(WG / w0[:, None])
    for start in range(0, W.shape[0], 20000):
        block = log_r[start:start + 20000].astype(np.float64)
        kin += n[start:start + 20000] @ block
        cal += n[start:start + 20000] @ np.exp(block)
t = int(np.argmin(np.abs(pts).sum(axis=1)))
rate = 2 * (nu - nu_t + nu_t * np.log(nu_t / nu))
q = rate - 2 * (kin - kin[t])
q_joint = rate - 2 * (kin_joint - nu_t * np.log(nu / nu_t))  # joint log r of normalised densities
java = np.array([g['q'] for g in json.load(open(limits))['grid']])
print('max |q here - q infera-fit| = %.3g (q up to %.1f)' % (np.max(np.abs(q - java)), q.max()))


def slice_(values, axis):
    on = np.abs(pts[:, 1 - axis]) < 1e-9
    x, v = pts[on, axis], values[on] - min(0.0, values.min())
    lo = hi = float('nan')
    for i in range(1, len(x)):
        at = x[i - 1] + (THRESHOLD - v[i - 1]) / (v[i] - v[i - 1]) * (x[i] - x[i - 1])
        if v[i - 1] > THRESHOLD >= v[i]: lo = at
        if v[i - 1] <= THRESHOLD < v[i]: hi = at
    return lo, hi


for label, values in [('learned log r', q), ('joint (weights)', q_joint)]:
    print('%-16s 95%% CL slices: theta1 [%.3f, %.3f], theta2 [%.3f, %.3f]' % ((label,) + slice_(values, 0) + slice_(values, 1)))
for theta in [(0.14, 0), (-0.16, 0), (0, 0.28), (0, -0.32)]:
    g = int(np.argmin(np.abs(pts - np.array(theta)).sum(axis=1)))
    print('calibration at %s: sum n r / nu_t = %.4f' % (pts[g], cal[g] / nu_t))
