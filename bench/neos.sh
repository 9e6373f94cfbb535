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
"$root/bin/infera-simulate" neos-blobs --events 20000 --seed 1 -o "$work/events.h5" 2>/dev/null
"$root/bin/infera-augment" split --seed 1 -o "$work/samples.h5" "$work/events.h5" 2>/dev/null
"$root/bin/infera-train" neos --samples "$work/samples.h5" --analysis "$root/params/analysis/neos-blobs.json" --benchmark 0 \
  --seed 1 --hidden 32,32 --epochs "$epochs" --patience "$epochs" -o "$work/neos" 2> "$work/neos.log"
"$root/bin/infera-train" classifier --samples "$work/samples.h5" --seed 1 --hidden 32,32 --epochs "$epochs" --patience "$epochs" \
  --batch-size 256 -o "$work/classifier" 2> "$work/classifier.log"
echo "workload: neos toy, 8000 training events per process, batches of 500 per process (16 per epoch), MLP 32-32, 4 soft bins"
# "epoch k: … (T s, of which fits F s)" lines; the first epoch (JIT warm-up) is left out
neos_t=$(grep -o 'epoch [0-9]*: train cls.*' "$work/neos.log" | tail -n +2 | sed 's/.*(\([0-9.]*\) s, of which fits \([0-9.]*\) s).*/\1 \2/')
classifier_t=$(grep -o 'epoch [0-9]*: train loss.*' "$work/classifier.log" | tail -n +2 | sed 's/.*(\([0-9.]*\) s).*/\1/')
echo "$neos_t" | awk '{ t += $1; f += $2; n++ } END { printf "neos epoch: %.3f s, of which profile fits %.3f s (%.0f%%); mean of %d epochs\n", t / n, f / n, 100 * f / t, n }'
echo "$classifier_t" | awk '{ t += $1; n++ } END { printf "classifier epoch on the same samples (baseline, batches of 256): %.3f s; mean of %d epochs\n", t / n, n }'
paste <(echo "$neos_t" | awk '{ t += $1; n++ } END { print t / n }') <(echo "$classifier_t" | awk '{ t += $1; n++ } END { print t / n }') \
  | awk '{ printf "neos epoch / classifier epoch = %.2f\n", $1 / $2 }'
