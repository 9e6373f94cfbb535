#!/usr/bin/env bash
# Benchmark: a 61-point profile-likelihood scan of benchmark 4 (10 bins; r, λ, b profiled) after
# JVM warm-up, beside one profiled point measured in the same run; checks the scan's width against
# root finding to 1e-3.
#
#   bench/scan.sh
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
jar="$root/steps-java/fit/target/infera-fit.jar"
[ -f "$jar" ] || (cd "$root" && mvn -B -q package -DskipTests)
exec java -cp "$jar:$root/steps-java/fit/target/lib/*" org.infera.fit.bench.ScanBenchmark "$root/params/analysis/inferno-paper.json"
