#!/usr/bin/env bash
# Benchmark: peak memory per task against the total number of events, with the run in shards. For each
# total (events per process over all shards) every shard is simulated and augmented as its own task (as
# the pipeline runs them), then one classifier epoch is trained on all the shards' samples and the
# templates are made from them; each column is the largest peak resident memory of that kind of task.
# Simulation, augmentation, the templates (filled one samples file at a time) and the training (which
# keeps its events in memory only while they fit a third of its heap, and otherwise reads one shard at a
# time in every epoch) follow the shard. Every step runs with a fixed heap (SHARD_HEAP, default 256m,
# as the pipeline caps each task's heap by its memory): they finish within it whatever the total. The
# last column says whether training kept its events (resident) or read them shard by shard (streamed).
#
#   bench/shards.sh [SHARDS] [TOTALS...]      (default: 10 shards; 500000 1000000 2500000 5000000 events per process)
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
shards="${1:-10}"
shift || true
if [ $# -gt 0 ]; then totals=("$@"); else totals=(500000 1000000 2500000 5000000); fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
analysis="$root/params/analysis/inferno-paper.json"
bounded=(env INFERA_JAVA_OPTS="-Xmx${SHARD_HEAP:-256m}")

. "$root/bench/peak-memory.sh"

echo "every step with a ${SHARD_HEAP:-256m} heap"
printf "%-12s %-11s %-7s | %-13s %-13s %-13s %-13s | %-8s %s\n" "events" "per shard" "shards" "simulate MiB" "augment MiB" \
  "train MiB" "shift MiB" "seconds" "training"
for total in "${totals[@]}"; do
  rm -f "$work"/peak_* "$work"/*.h5; rm -rf "$work/model"
  start=$(date +%s.%N)
  for ((s = 0; s < shards; s++)); do
    peak simulate "${bounded[@]}" "$root/bin/infera-simulate" inferno-paper --events "$total" --seed 1 --shards "$shards" --shard "$s" -o "$work/events_$s.h5"
    peak augment "${bounded[@]}" "$root/bin/infera-augment" split --seed 1 --run-shards "$shards" --shard "$s" -o "$work/samples_$s.h5" "$work/events_$s.h5"
    rm -f "$work/events_$s.h5"
  done
  peak train "${bounded[@]}" "$root/bin/infera-train" classifier --samples "$work"/samples_*.h5 --seed 1 --epochs 1 --batch-size 4096 \
    --hidden 32,32 -o "$work/model"
  mode=$(grep -q "one shard at a time" "$work/log" && echo streamed || echo resident)
  peak shift "${bounded[@]}" "$root/bin/infera-shift" --model "$work/model" --samples "$work"/samples_*.h5 --analysis "$analysis" -o "$work/templates.h5"
  secs=$(echo "$(date +%s.%N) - $start" | bc)
  printf "%-12s %-11s %-7s | %-13s %-13s %-13s %-13s | %-8.1f %s\n" "$((2 * total))" "$((2 * total / shards))" "$shards" \
    "$(mib simulate)" "$(mib augment)" "$(mib train)" "$(mib shift)" "$secs" "$mode"
done
