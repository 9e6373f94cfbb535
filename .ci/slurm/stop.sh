#!/usr/bin/env bash
# Stops the one-node SLURM cluster start.sh started, by the PIDs in its pid files.
if [ "$(id -u)" != 0 ]; then exec sudo -n "$0" "$@"; fi
for f in /run/slurm/slurmd.pid /run/slurm/slurmctld.pid; do
  [ -s "$f" ] && kill -TERM "$(cat "$f")" 2>/dev/null
done
for _ in $(seq 1 40); do
  alive=0
  for f in /run/slurm/slurmd.pid /run/slurm/slurmctld.pid; do
    [ -s "$f" ] && kill -0 "$(cat "$f")" 2>/dev/null && alive=1
  done
  [ $alive = 0 ] && break
  sleep 0.5
done
[ -s /run/munge/munged.pid ] && kill -TERM "$(cat /run/munge/munged.pid)" 2>/dev/null
exit 0
