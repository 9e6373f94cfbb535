#!/usr/bin/env bash
# The pivot's λ scan by hand (docs/methods.md, "λ on the validation set"): one pivot trained on a samples file of
# the pipeline, its fresh-adversary check (pivot.json), then infera-shift templates and infera-fit benchmarks on the
# test events as the pipeline runs them. Prints L_f, L_r / L_0, the gain ± standard error and σ_Fisher per benchmark.
#
#   bench/pivot-scan.sh SAMPLES.h5 OUTDIR NAME [infera-train pivot options: --lambda 1000 --adversary-steps 20 ...]
#   (the documented scan: --epochs 6 --pretrain-epochs 2 --batch-size 256 and --lambda, --adversary-steps)
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
samples="$(readlink -f "$1")" out="$2" name="$3"
shift 3
analysis="$root/params/analysis/inferno-paper.json"
mkdir -p "$out"
cd "$out"
"$root/bin/infera-train" pivot --samples "$samples" --analysis "$analysis" --seed 42 --learning-rate 0.001 \
  --patience 5 --hidden 100,100 "$@" --out "model_$name"
"$root/bin/infera-shift" templates --model "model_$name" --samples "$samples" --analysis "$analysis" \
  --statistic pivot --bins 10 --split test --out "templates_$name.h5"
"$root/bin/infera-fit" benchmarks --templates "pivot=templates_$name.h5" --analysis "$analysis" \
  --scan-points 41 --scan-range 2.5 --cls-mu 1.0 --out "fit_$name"
python3 - "model_$name/pivot.json" "fit_$name/benchmarks.csv" <<'PY'
import csv, json, sys
p = json.load(open(sys.argv[1]))
v = p["validation_fresh_adversary"]
s = {r["benchmark"]: float(r["sigma_fisher"]) for r in csv.DictReader(open(sys.argv[2]))}
print("| %g | %d | %.4f | %.4f | %.5f ± %.5f | %s |" % (
    p["lambda"], p["adversary_steps"], v["classifier_loss"], v["adversary_over_no_information"], v["gain"],
    v["gain_standard_error"], " | ".join("%.2f" % s[k] for k in sorted(s))))
PY
