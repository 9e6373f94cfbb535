#!/usr/bin/env bash
# Benchmark of toy-based inference: pseudo-experiments per second on one thread (CPU time) for pyhf's README
# example and the synthetic workspaces of bench/fit-engine.sh, each beside the time of one fit of the same
# workspace measured in the same run (issue 18; targets: ≥ 5000/s for the README example, ≥ 200/s at
# (100 bins, 20 nuisances)).
#
#   bench/toys.sh [SECONDS per measurement, default 3]
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
jar="$root/steps-java/fit/target/infera-fit.jar"
[ -f "$jar" ] || (cd "$root" && mvn -B -q package -DskipTests)
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores"
exec java -XX:+UseSerialGC -XX:ActiveProcessorCount=1 -cp "$jar:$root/steps-java/fit/target/lib/*" \
  org.infera.fit.bench.ToyBenchmark "$root/steps-java/core/src/test/resources/histfactory/pyhf-readme.json" "${1:-3}"
