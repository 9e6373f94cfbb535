#!/usr/bin/env bash
# Benchmark harness: runs every step once on a stated workload and prints, per step, wall time,
# events per second and peak memory (resident set), with the JVM start-up of the same executable
# (`--version`) measured in the same run as the baseline.
#
#   bench/steps.sh [EVENTS_PER_PROCESS] [EPOCHS]     (defaults: 250000, 1)
#
# Workload: the INFERNO paper problem; EVENTS_PER_PROCESS signal and as many background events,
# split 40/20/40 into train/validation/test; the classifier (2x100 ReLU, batch 256) trained for
# EPOCHS epochs; 10-bin templates with 2 nuisances on the test split; the 5-benchmark fit.
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
events="${1:-250000}"
epochs="${2:-1}"
bin="$root/bin"
for s in simulate augment train shift fit; do
  [ -f "$root/steps-java/$s/target/infera-$s.jar" ] || { (cd "$root" && mvn -B -q package -DskipTests); break; }
done
[ -x /usr/bin/time ] || { echo "bench: needs GNU time (Debian package 'time') for peak memory" >&2; exit 2; }
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
cd "$work"

measure() { # name events command...
  local name="$1" n="$2"; shift 2
  /usr/bin/time -f '%e %M' -o time.txt "$@" >/dev/null 2>log.txt || { cat log.txt >&2; exit 1; }
  read -r secs kb < time.txt
  /usr/bin/time -f '%e' -o base.txt "$1" --version >/dev/null 2>&1 || true
  read -r base < base.txt
  awk -v name="$name" -v n="$n" -v s="$secs" -v kb="$kb" -v b="$base" 'BEGIN {
    printf "%-9s %10d %8.2f %12.0f %10.0f %8.2f %8.1f\n", name, n, s, (s > 0 ? n / s : 0), kb / 1024, b, (b > 0 ? s / b : 0) }'
}

total=$((2 * events))
train=$((total * 2 / 5)); test=$((total * 2 / 5))
printf "workload: %d events per process, %d epoch(s); machine: %s cores, Java %s\n" "$events" "$epochs" "$(nproc)" \
  "$(java -version 2>&1 | head -1 | cut -d'"' -f2)"
printf "%-9s %10s %8s %12s %10s %8s %8s\n" step events seconds events/s peak_MiB jvm_s ratio
measure simulate "$total" "$bin/infera-simulate" inferno-paper --events "$events" --seed 1 -o events.h5
measure augment "$total" "$bin/infera-augment" split --seed 2 -o samples.h5 events.h5
measure train "$((train * epochs))" "$bin/infera-train" classifier --samples samples.h5 --seed 3 --epochs "$epochs" -o model
measure shift "$((test + 2 * 2 * test / 2))" "$bin/infera-shift" --model model --samples samples.h5 \
  --analysis "$root/params/analysis/inferno-paper.json" -o templates.h5
measure fit 5 "$bin/infera-fit" benchmarks --templates classifier=templates.h5 \
  --analysis "$root/params/analysis/inferno-paper.json" --outdir fit
echo "events: events passed through the step (train: training events x epochs; shift: all test events once, plus"
echo "the test background at up and down of each of the 2 nuisances; fit: benchmarks fitted)."
echo "jvm_s: start-up of the same executable (--version), the baseline; ratio = seconds / jvm_s."
