#!/usr/bin/env bash
# Builds every step's image from containers/<step>/Dockerfile, with the jars `mvn package` built.
#
#   containers/build.sh [--engine docker|podman] [--base IMAGE] [--registry REG] [--tag TAG] [--cuda] [--push] [STEP...]
#
# STEP: simulate augment train shift fit (default: all five). --base: the Java 17 image every recipe
# starts from (default: each recipe's pinned public JRE; CI passes localhost/infera-base:jre17 from
# containers/make-base.sh). --registry/--tag name the images REG/infera-STEP:TAG (default
# ghcr.io/infera and the project version, as conf/containers.config expects). --cuda also builds
# REG/infera-train:TAG-cuda (train and shift on libtorch for CUDA: rebuilds those jars with -Pcuda,
# builds the image, then rebuilds the CPU jars). --push pushes what was built.
# Environment: INFERA_SKIP_BUILD=1 uses the jars as they are (else `mvn -B -q package -DskipTests` first).
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
cd "$root"
engine=""; base=""; registry="ghcr.io/infera"; tag=""; cuda=false; push=false; steps=()
while [ $# -gt 0 ]; do
  case "$1" in
    --engine) engine="$2"; shift 2 ;;
    --base) base="$2"; shift 2 ;;
    --registry) registry="$2"; shift 2 ;;
    --tag) tag="$2"; shift 2 ;;
    --cuda) cuda=true; shift ;;
    --push) push=true; shift ;;
    -h|--help) sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    simulate|augment|train|shift|fit) steps+=("$1"); shift ;;
    *) echo "build.sh: unknown argument $1 (see --help)" >&2; exit 2 ;;
  esac
done
[ ${#steps[@]} -gt 0 ] || steps=(simulate augment train shift fit)
if [ -z "$engine" ]; then
  if command -v docker >/dev/null 2>&1; then engine=docker; elif command -v podman >/dev/null 2>&1; then engine=podman
  else echo "build.sh: neither docker nor podman found" >&2; exit 1; fi
fi
[ -n "$tag" ] || tag="$(sed -n '0,/<version>/s:.*<version>\(.*\)</version>.*:\1:p' pom.xml | tail -1)"
baseArg=(); [ -z "$base" ] || baseArg=(--build-arg "BASE=$base")

[ -n "${INFERA_SKIP_BUILD:-}" ] || mvn -B -q package -DskipTests
for step in "${steps[@]}"; do
  [ -f "steps-java/$step/target/infera-$step.jar" ] || { echo "build.sh: steps-java/$step/target/infera-$step.jar is missing (mvn -B package -DskipTests)" >&2; exit 1; }
done

build() {   # build IMAGE RECIPE [extra build args...]
  local image="$1" recipe="$2" start; shift 2
  start=$(date +%s)
  "$engine" build -q "$@" -f "$recipe" -t "$image" . >/dev/null
  printf '%-48s built in %3d s, %s\n' "$image" $(( $(date +%s) - start )) \
    "$("$engine" image inspect --format '{{.Size}}' "$image" | awk '{printf "%.0f MB", $1/1e6}')"
  if $push; then "$engine" push "$image"; fi
}

for step in "${steps[@]}"; do
  build "$registry/infera-$step:$tag" "containers/$step/Dockerfile" "${baseArg[@]}"
done
if $cuda; then
  mvn -B -q package -DskipTests -Pcuda -pl steps-java/train,steps-java/shift -am
  trap 'mvn -B -q package -DskipTests -pl steps-java/train,steps-java/shift -am' EXIT   # the CPU jars back
  build "$registry/infera-train:$tag-cuda" containers/train/Dockerfile.cuda
fi
