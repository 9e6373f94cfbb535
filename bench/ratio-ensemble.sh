#!/usr/bin/env bash
# RASCAL and ALICES ensembles of three through the steps on the Gaussian toy (docs/usage.md, "Ensembles of
# three"): train the members two at a time, log r̂ of their mean and of each, the Asimov limits at L = 100, then
# the 68% and 95% CL ends of the mean and of each member (exact: ±0.2224, ±0.4383). About 25 minutes on 2 cores.
#
#   bench/ratio-ensemble.sh [WORKDIR]   (default /tmp/ratio-ensemble; finished steps are not redone)
set -euo pipefail
work="${1:-/tmp/ratio-ensemble}"; mkdir -p "$work"; cd "$work"
B="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)/bin"
[ -f ratio.h5 ] || $B/infera-simulate gaussian-toy-ratio --events 300000 --fractions 0.667,0.2,0.133 --seed 5 -o ratio.h5
[ -f gauss-w/gauss.h5 ] || { mkdir -p gauss-w; $B/infera-simulate gaussian-toy --weighted --events 400000 --grid -0.6:0.6:61 --seed 9 -o gauss-w/gauss.h5; }
for loss in rascal alices; do
  pids=()
  for m in 0 1 2; do   # two at a time: members 0 and 1, then 2
    [ -d model-$loss-m$m ] || { $B/infera-train ratio --loss $loss --seed 3 --member $m --epochs 30 --batch-size 256 \
        --hidden 100 --samples ratio.h5 -o model-$loss-m$m > train-$loss-m$m.log 2>&1 & pids+=($!); }
    if [ $m = 1 ] || [ $m = 2 ]; then for p in "${pids[@]}"; do wait "$p"; done; pids=(); fi   # set -e: a failure stops here
  done
  /usr/bin/time -f "log-ratios %e s %M KB" $B/infera-shift log-ratios --model model-$loss-m0 model-$loss-m1 model-$loss-m2 --events gauss-w/gauss.h5 --grid -0.6:0.6:61 -o lr-$loss 2> lr-$loss.log
  $B/infera-fit limits --method ratio --events gauss-w/gauss.h5 --log-ratios lr-$loss --luminosity 100 --grid -0.6:0.6:61 --theta-true 0 > limits-$loss.json
done
# the ends where q − q_min (the mean) or the p-value (each member) crosses the χ²(1) quantile, linear in between
for loss in rascal alices; do
  python3 - "limits-$loss.json" "$loss" <<'PY'
import json, statistics, sys
d = json.load(open(sys.argv[1]))
theta = [g["theta"][0] for g in d["grid"]]
def ends(values, cut, rising):  # rising: q (region below cut); else p-values (region above cut)
    lo = hi = None
    for i in range(1, len(values)):
        a, b = values[i - 1], values[i]
        t = theta[i - 1] + (cut - a) / (b - a) * (theta[i] - theta[i - 1]) if a != b else theta[i]
        if (a > cut >= b) if rising else (a < cut <= b): lo = t
        if (a <= cut < b) if rising else (a >= cut > b): hi = t
    return lo, hi
q_min = d["q_min"]
q = [g["q"] - q_min for g in d["grid"]]
for level, chi2, alpha in (("68%", 0.98895, 0.32), ("95%", 3.84146, 0.05)):  # χ²(1) quantiles at 0.68, 0.95
    members = [ends(p, alpha, False) for p in d["ensemble"]["p_values"]]
    lo, hi = ends(q, chi2, True)
    print("%s %s: mean [%.4f, %.4f], members' spread (%.4f, %.4f)" % (sys.argv[2], level, lo, hi,
          statistics.stdev(m[0] for m in members), statistics.stdev(m[1] for m in members)))
PY
done
