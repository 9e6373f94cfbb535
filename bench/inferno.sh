#!/usr/bin/env bash
# Benchmark: seconds per epoch of exact INFERNO (benchmark 4: 2 shape nuisances + background
# normalisation) over 200k training events in batches of 2000 plus a 200k validation pass, split
# into forward / loss (soft histograms, Fisher matrix, inverse) / backward / optimiser step /
# validation, at one and then two libtorch threads; the epoch's FLOP count and the fraction it reaches
# of a 2048x2048 float32 matrix product's rate measured in the same run at the same thread count;
# and the classifier's epoch (batches of 256) on the same events.
#
#   bench/inferno.sh [EPOCHS [THREADS]]   (default 3 epochs after one warm-up epoch; threads 1,2)
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
jar="$root/steps-java/train/target/infera-train.jar"
[ -f "$jar" ] || (cd "$root" && mvn -B -q package -DskipTests)
export MKL_CBWR="${MKL_CBWR:-COMPATIBLE}" MKL_DYNAMIC="${MKL_DYNAMIC:-FALSE}"   # as bin/infera-step
export GLIBC_TUNABLES="${GLIBC_TUNABLES:-glibc.malloc.mmap_threshold=33554432:glibc.malloc.trim_threshold=268435456}"
exec java -Dai.djl.offline=true -Dai.djl.pytorch.graph_optimizer=false \
  -Dai.djl.pytorch.num_threads=1 -Dai.djl.pytorch.num_interop_threads=1 -cp "$jar:$root/steps-java/train/target/lib/*" \
  org.infera.train.inferno.InfernoEpochBenchmark "$root/params/analysis/inferno-paper.json" "${1:-3}" "${2:-1,2}"
