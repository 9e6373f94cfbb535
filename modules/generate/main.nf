// One shard of events from an external generator: the user's command template with {seed}, {events},
// {theta}, {shard} and {output} substituted, run in the user's container (--generator_container; on
// the host without one). That image needs neither Java nor infera: VALIDATE_EVENTS checks the output
// in infera's own image before anything uses it.
process GENERATE {
    tag "${meta.id} r${meta.replica} shard ${meta.shard}/${meta.shards}"
    label 'process_low'
    container { params.generator_container ?: null }

    input:
    val meta   // [id, model, replica, seed, events (per process, all shards), shard, shards]

    output:
    tuple val(meta), path("events_shard*.h5"), emit: events

    script:
    def out = String.format('events_shard%05d.h5', meta.shard as int)
    // the shard's seed as infera-simulate derives it (Java holds the rule; this image may have no Java)
    def shardSeed = Seeds.shard("${projectDir}/bin/infera-simulate", meta.seed as long, meta.shard as int,
                                meta.shards as int)
    long events = meta.events as long, shards = meta.shards as long, shard = meta.shard as long
    def perShard = events.intdiv(shards) + (shard < events % shards ? 1 : 0)
    def command = params.generator
        .replace('{seed}', "${shardSeed}")
        .replace('{events}', "${perShard}")
        .replace('{theta}', "${params.theta}")
        .replace('{shard}', "${meta.shard}")
        .replace('{output}', "${out}")
    """
    ${command}
    """

    stub:
    def out = String.format('events_shard%05d.h5', meta.shard as int)
    """
    touch ${out}
    """
}
