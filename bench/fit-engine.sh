#!/usr/bin/env bash
# Benchmark of the HistFactory fit engine: time of one hypotest and one upper limit for workspaces
# from the pyhf README example up to 1000 bins x 100 nuisance parameters, after JVM warm-up, with the
# likelihood evaluations each took, the time of one evaluation measured in the same run, and the
# ratio to pyhf's times on this machine (issue 3).
#
#   bench/fit-engine.sh
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
jar="$root/steps-java/fit/target/infera-fit.jar"
[ -f "$jar" ] || (cd "$root" && mvn -B -q package -DskipTests)
exec java -cp "$jar:$root/steps-java/fit/target/lib/*" org.infera.fit.bench.FitEngineBenchmark \
  "$root/steps-java/core/src/test/resources/histfactory/pyhf-readme.json"
