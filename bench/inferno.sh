#!/usr/bin/env bash
# Benchmark: seconds per epoch of exact INFERNO (benchmark 4: 2 shape nuisances + background
# normalisation) over 200k training events in batches of 2000 plus a 200k validation pass, split
# into forward / loss (soft histograms, Fisher matrix, inverse) / backward / optimiser step, beside
# a classifier epoch on the same batches measured in the same run.
#
#   bench/inferno.sh [EPOCHS]      (default 3, after one warm-up epoch)
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
jar="$root/steps-java/train/target/infera-train.jar"
[ -f "$jar" ] || (cd "$root" && mvn -B -q package -DskipTests)
export MKL_CBWR="${MKL_CBWR:-COMPATIBLE}" MKL_DYNAMIC="${MKL_DYNAMIC:-FALSE}"   # as bin/infera-step
exec java -Dai.djl.offline=true -Dai.djl.pytorch.graph_optimizer=false -cp "$jar:$root/steps-java/train/target/lib/*" \
  org.infera.train.inferno.InfernoEpochBenchmark "$root/params/analysis/inferno-paper.json" "${1:-3}"
