// Gathers the per-shard files of each replica: [meta with shard, file] → [meta without shard, files],
// emitted once all meta.shards files of a replica are in, sorted by name (a task's hash never depends on
// which shard finished first).
workflow GATHER_SHARDS {
    take:
    ch_shards   // [meta (shard, shards), file]

    main:
    ch_replicas = ch_shards
        .map { meta, f -> [groupKey(meta.findAll { it.key != 'shard' }, meta.shards as int), f] }
        .groupTuple()
        .map { key, files -> [key.getGroupTarget(), files.sort { it.name }] }

    emit:
    replicas = ch_replicas   // [meta, files]
}
