#!/usr/bin/env bash
# Benchmark: seconds per neos epoch on the neos toy (20k events per process, 40% to train, batches of
# 500 per process: 16 batches, each with a profile fit in the HistFactory engine, plus a validation
# pass with its own fit), with the time in the fits reported separately, beside a cross-entropy
# classifier epoch on the same samples measured in the same run (its baseline).
#
#   bench/neos.sh [EPOCHS]      (default 5; the first epoch, with JIT warm-up, is left out of the mean)
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
epochs="${1:-5}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
[ -f "$root/steps-java/train/target/infera-train.jar" ] || (cd "$root" && mvn -B -q package -DskipTests)
"$root/bin/infera-simulate" --model neos-blobs --events 20000 --seed 1 -o "$work/events.h5" 2>/dev/null
"$root/bin/infera-augment" --seed 1 -o "$work/samples.h5" "$work/events.h5" 2>/dev/null
"$root/bin/infera-train" neos --samples "$work/samples.h5" --analysis "$root/params/analysis/neos-blobs.json" --benchmark 0 \
  --seed 1 --hidden 32,32 --epochs "$epochs" --patience "$epochs" -o "$work/neos" 2> "$work/neos.log"
"$root/bin/infera-train" classifier --samples "$work/samples.h5" --seed 1 --hidden 32,32 --epochs "$epochs" --patience "$epochs" \
  --batch-size 256 -o "$work/classifier" 2> "$work/classifier.log"
echo "workload: neos toy, 8000 training events per process, batches of 500 per process (16 per epoch), MLP 32-32, 4 soft bins"
awk -v what="neos epoch" '/epoch [0-9]+: train cls/ { match($0, /\(([0-9.]+) s, of which fits ([0-9.]+) s\)/, m); n++; if (n > 1) { t += m[1]; f += m[2]; k++ } }
     END { printf "%s: %.3f s (profile fits %.3f s, %.0f%%), mean of epochs 2-%d\n", what, t / k, f / k, 100 * f / t, n; print t / k > "/dev/stderr" }' \
  "$work/neos.log" 2> "$work/neos.mean"
awk -v what="classifier epoch (baseline, batches of 256)" '/epoch [0-9]+: train loss/ { match($0, /\(([0-9.]+) s\)/, m); n++; if (n > 1) { t += m[1]; k++ } }
     END { printf "%s: %.3f s, mean of epochs 2-%d\n", what, t / k, n; print t / k > "/dev/stderr" }' \
  "$work/classifier.log" 2> "$work/classifier.mean"
awk 'NR == FNR { a = $1; next } { printf "neos epoch / classifier epoch = %.1f\n", a / $1 }' "$work/neos.mean" "$work/classifier.mean"
