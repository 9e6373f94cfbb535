#!/usr/bin/env bash
# Benchmark: peak memory of the score-based (SALLY) chain against the total number of weighted events,
# with the run in shards, each step run as the pipeline runs it: simulation and augmentation one task
# per shard (augmentation given every shard's file: it reads the others one at a time for the run's
# cross section and draws its share of --draws), SALLY trained on all shards' score samples (their size
# is --draws, whatever the total), the Fisher information (truth) and the score-histogram limits over
# all events files, read one at a time. Every step runs with a fixed heap (SHARD_HEAP, default 384m: an
# augmentation task holds its own shard, about 200 bytes an event, and one other shard's weights), except
# the limits (LIMITS_HEAP, default 1g): they keep a score and a weight per event of the run to set
# quantile bins, about 32 bytes an event.
#
#   bench/sally-shards.sh [SHARDS] [TOTALS...]      (default: 10 shards; 1000000 2000000 5000000 10000000 events)
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
shards="${1:-10}"
shift || true
if [ $# -gt 0 ]; then totals=("$@"); else totals=(1000000 2000000 5000000 10000000); fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
bounded=(env INFERA_JAVA_OPTS="-Xmx${SHARD_HEAP:-384m}")
limited=(env INFERA_JAVA_OPTS="-Xmx${LIMITS_HEAP:-1g}")
draws=100000

. "$root/bench/peak-memory.sh"

echo "EFT toy, $shards shards, --draws $draws; every step with a ${SHARD_HEAP:-384m} heap, limits with ${LIMITS_HEAP:-1g}"
printf "%-10s %-10s | %-9s %-9s %-9s %-9s %-9s | %-8s\n" "events" "per shard" "simulate" "augment" "sally" "fisher" "limits" "seconds"
for total in "${totals[@]}"; do
  rm -f "$work"/peak_* "$work"/*.h5; rm -rf "$work/model" "$work/scores"
  start=$(date +%s.%N)
  for ((s = 0; s < shards; s++)); do
    peak simulate "${bounded[@]}" "$root/bin/infera-simulate" eft-toy --events "$total" --seed 1 --shards "$shards" --shard "$s" \
      -o "$work/events_shard$(printf %05d "$s").h5"
  done
  for ((s = 0; s < shards; s++)); do
    peak augment "${bounded[@]}" "$root/bin/infera-augment" score --at 0,0 --draws "$draws" --seed 1 --run-shards "$shards" --shard "$s" \
      -o "$work/samples_shard$(printf %05d "$s").h5" "$work"/events_shard*.h5
  done
  peak sally "${bounded[@]}" "$root/bin/infera-train" sally --samples "$work"/samples_shard*.h5 --seed 1 --epochs 1 -o "$work/model"
  peak scores "${bounded[@]}" "$root/bin/infera-shift" scores --model "$work/model" --events "$work"/events_shard*.h5 \
    -o "$work/scores"
  peak fisher "${bounded[@]}" "$root/bin/infera-fit" fisher --events "$work"/events_shard*.h5 --theta 0,0 --luminosity 100 --mode truth
  peak limits "${limited[@]}" "$root/bin/infera-fit" limits --events "$work"/events_shard*.h5 --scores "$work/scores" --luminosity 100 \
    --grid=-0.3:0.3:7,-0.6:0.6:7
  secs=$(echo "$(date +%s.%N) - $start" | bc)
  printf "%-10s %-10s | %-9s %-9s %-9s %-9s %-9s | %-8.1f\n" "$total" "$((total / shards))" \
    "$(mib simulate)" "$(mib augment)" "$(mib sally)" "$(mib fisher)" "$(mib limits)" "$secs"
done
