#!/bin/sh
# generate SEED SHARD OUTPUT: writes the events of a shard to OUTPUT (ContainerIT's stand-in generator).
set -eu
seed="$1"; shard="$2"; out="$3"
echo "test generator: seed $seed, shard $shard -> $out"
cp "/opt/generator/shards/shard_$shard.h5" "$out"
