#!/usr/bin/env bash
# Coverage of SALLY's score-histogram limits on the Gaussian toy (docs/usage.md, Coverage): one SALLY network
# trained at θ = 0, templates of 200k events reweighted to 161 grid points, and at each true θ 1000
# pseudo-experiments of Poisson(100) events, event level (fresh events at θ_true through the network) and
# histogram level (Poisson counts of the expected histogram), with the 68.27% and 95% CL coverage.
#
#   bench/sally-gaussian-coverage.sh [WORKDIR] [TRUE θ...]      (default: a temporary directory; 0 0.5 -1)
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
B="$root/bin"
work="${1:-$(mktemp -d)}"
shift || true
[ $# -gt 0 ] && truths=("$@") || truths=(0 0.5 -1)
mkdir -p "$work" && cd "$work"
$B/infera-simulate gaussian-toy --theta 0 --events 50000 --seed 1 --overwrite -o samples.h5
$B/infera-train sally --samples samples.h5 --seed 1 --epochs 20 --hidden 50 --overwrite -o sally
$B/infera-simulate gaussian-toy --weighted --theta 0 --grid=-1.6:1.6:161 --events 200000 --seed 2 --overwrite \
    -o tmpl/gauss.h5
$B/infera-shift scores --model sally --events tmpl/gauss.h5 --overwrite -o scores_tmpl
i=0
for t in "${truths[@]}"; do
    i=$((i + 1))
    # 1000 × 100 expected events, and 6σ of their Poisson total to spare
    $B/infera-simulate gaussian-toy --weighted --theta "$t" --events 103000 --seed $((10 + i)) --overwrite \
        -o "pseudo_$i/gauss.h5"
    $B/infera-shift scores --model sally --events "pseudo_$i/gauss.h5" --overwrite -o "scores_pseudo_$i"
    common=(--events tmpl/gauss.h5 --scores scores_tmpl --luminosity 100 --grid=-1.6:1.6:161 --bins 10
        "--theta-true=$t" --toys 1000 --seed 42)
    $B/infera-fit limits "${common[@]}" --pseudo-events "pseudo_$i/gauss.h5" --pseudo-scores "scores_pseudo_$i" \
        > "limits_events_$i.json"
    $B/infera-fit limits "${common[@]}" > "limits_histogram_$i.json"
    for kind in events histogram; do
        python3 - "limits_${kind}_$i.json" "$t" <<'PY'
import json, sys
c = json.load(open(sys.argv[1]))["coverage"]
print("θ_true = %s, %s level:" % (sys.argv[2], c["pseudo_experiments"]), "; ".join(
    "%.2f%% CL %.3f ± %.3f (z %+.2f)%s" % (100 * l["confidence"], l["coverage"], l["error"], l["z"],
                                           " ⚠" if l["flagged"] else "") for l in c["levels"]))
PY
    done
done
