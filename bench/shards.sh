#!/usr/bin/env bash
# Benchmark: simulation in shards. For each total (events per process, over all shards) the shards
# run one after another and the largest peak memory of any shard task is printed beside the total,
# so it is plain that a task's memory follows its shard, not the whole sample; then the peak memory
# of augmenting all the shards into one samples file, which still grows with the total.
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
printf "%-22s %-14s %-8s %-16s %-10s %-14s\n" "events (all processes)" "per shard" "shards" "max shard MiB" "seconds" "augment MiB"
for total in "${totals[@]}"; do
  max=0; start=$(date +%s.%N)
  for ((s = 0; s < shards; s++)); do
    /usr/bin/time -f '%M' -o "$work/mem" "$root/bin/infera-simulate" --events "$total" --seed 1 --shards "$shards" --shard "$s" \
      -o "$work/events_$s.h5" 2>/dev/null
    kb=$(cat "$work/mem"); [ "$kb" -gt "$max" ] && max=$kb
  done
  secs=$(echo "$(date +%s.%N) - $start" | bc)
  /usr/bin/time -f '%M' -o "$work/mem" "$root/bin/infera-augment" --seed 1 -o "$work/samples.h5" "$work"/events_*.h5 2>/dev/null
  augment=$(( $(cat "$work/mem") / 1024 ))
  rm -f "$work"/events_*.h5 "$work/samples.h5"
  printf "%-22s %-14s %-8s %-16s %-10.1f %-14s\n" "$((2 * total))" "$((2 * total / shards))" "$shards" "$((max / 1024))" "$secs" "$augment"
done
