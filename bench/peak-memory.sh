# Sourced by the memory benchmarks (bench/shards.sh, bench/sally-shards.sh); needs $work, a scratch folder.
#   peak LABEL COMMAND...   runs the command (stdout to $work/out, stderr to $work/log), keeps the largest
#                           peak resident memory (KiB) seen for LABEL in $work/peak_LABEL
#   mib LABEL               that peak in MiB
[ -x /usr/bin/time ] || { echo "bench: needs GNU time (Debian package 'time') for peak memory" >&2; exit 2; }

peak() {
  local label="$1"; shift
  /usr/bin/time -f '%M' -o "$work/mem" "$@" >"$work/out" 2>"$work/log" || { cat "$work/log" >&2; exit 1; }
  local kb; kb=$(cat "$work/mem")
  local old; old=$(cat "$work/peak_$label" 2>/dev/null || echo 0)
  [ "$kb" -gt "$old" ] && echo "$kb" > "$work/peak_$label" || true
}

mib() { echo $(( $(cat "$work/peak_$1") / 1024 )); }
