#!/usr/bin/env bash
# Benchmark: events per second of score augmentation (infera-augment score: morphing, joint
# score, unweighting) and of SALLY training (events per second of one epoch, mean of epochs 2-N), on
# the EFT toy; the JVM start-up of the same executable, measured in the same run, is the baseline.
#
#   bench/sally.sh [EVENTS] [EPOCHS]      (default 400000 weighted events, 5 epochs)
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
events="${1:-400000}"; epochs="${2:-5}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
[ -f "$root/steps-java/train/target/infera-train.jar" ] || (cd "$root" && mvn -B -q package -DskipTests)
"$root/bin/infera-simulate" eft-toy --events "$events" --seed 1 -o "$work/eft.h5" 2>/dev/null
t0=$(date +%s.%N); "$root/bin/infera-augment" --version >/dev/null; t1=$(date +%s.%N)
"$root/bin/infera-augment" score --at 0,0 --draws "$events" --seed 1 -o "$work/score.h5" "$work/eft.h5" 2>/dev/null
t2=$(date +%s.%N)
startup=$(echo "$t1 - $t0" | bc); augment=$(echo "$t2 - $t1" | bc)
"$root/bin/infera-train" sally --samples "$work/score.h5" --seed 1 --epochs "$epochs" --patience "$epochs" -o "$work/sally" 2> "$work/sally.log"
train_events=$(echo "$events * 0.4" | bc | cut -d. -f1)
epoch=$(grep -o 'epoch [0-9]*: train MSE.*' "$work/sally.log" | tail -n +2 | sed 's/.*(\([0-9.]*\) s).*/\1/' | awk '{ t += $1; n++ } END { print t / n }')
echo "workload: EFT toy, $events weighted events (6 benchmarks, 2 parameters, 2 observables); SALLY 2-100(tanh)-2, batches of 128"
printf "augmentation (read, morph, joint score, unweight %d draws, write): %.2f s (JVM start-up baseline %.2f s), %.0f events/s\n" \
  "$events" "$augment" "$startup" "$(echo "$events / ($augment - $startup)" | bc -l)"
printf "SALLY training: %.3f s per epoch over %d events, %.0f events/s (one libtorch thread)\n" "$epoch" "$train_events" \
  "$(echo "$train_events / $epoch" | bc -l)"
