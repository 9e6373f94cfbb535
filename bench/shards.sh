#!/usr/bin/env bash
# Benchmark: simulation in shards. For each total (events per process, over all shards) the shards
# run one after another and the largest peak memory of any shard task is printed beside the total,
# so it is plain that a task's memory follows its shard, not the whole sample.
#
#   bench/shards.sh [SHARDS] [TOTALS...]      (default: 10 shards; 500000 1000000 2500000 5000000 events per process)
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
[ -x /usr/bin/time ] || { echo "bench: needs GNU time (Debian package 'time') for peak memory" >&2; exit 2; }
shards="${1:-10}"
shift || true
if [ $# -gt 0 ]; then totals=("$@"); else totals=(500000 1000000 2500000 5000000); fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
printf "%-22s %-14s %-8s %-16s %-10s\n" "events (all processes)" "per shard" "shards" "max shard MiB" "seconds"
for total in "${totals[@]}"; do
  max=0; start=$(date +%s.%N)
  for ((s = 0; s < shards; s++)); do
    /usr/bin/time -f '%M' -o "$work/mem" "$root/bin/infera-simulate" --events "$total" --seed 1 --shards "$shards" --shard "$s" \
      -o "$work/events_$s.h5" 2>/dev/null
    kb=$(cat "$work/mem"); [ "$kb" -gt "$max" ] && max=$kb
    rm -f "$work/events_$s.h5"
  done
  secs=$(echo "$(date +%s.%N) - $start" | bc)
  printf "%-22s %-14s %-8s %-16s %-10.1f\n" "$((2 * total))" "$((2 * total / shards))" "$shards" "$((max / 1024))" "$secs"
done
