#!/usr/bin/env bash
# Benchmark of infera-fit impacts (issue 18): impacts and ranking of the (1000 bins, 100 nuisances) synthetic
# workspace of bench/fit-engine.sh on 2 threads, the whole command timed, beside the time of one fit of the same
# workspace measured in the same run (after JVM warm-up).
#
#   bench/impacts.sh [BINS NUISANCES THREADS]
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
jar="$root/steps-java/fit/target/infera-fit.jar"
[ -f "$jar" ] || (cd "$root" && mvn -B -q package -DskipTests)
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
exec java -cp "$jar:$root/steps-java/fit/target/lib/*" org.infera.fit.bench.ImpactsBenchmark "$@"
