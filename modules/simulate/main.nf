// One shard of simulated events from a built-in model.
process SIMULATE {
    tag "${meta.id} r${meta.replica} shard ${meta.shard}/${meta.shards}"
    label 'process_low'

    input:
    val meta   // [id, model, replica, seed, events (per process, all shards), shard, shards]

    output:
    tuple val(meta), path("events_shard*.h5"), emit: events
    path "versions.yml"                      , emit: versions

    script:
    def args = task.ext.args ?: ''
    def out = String.format('events_shard%05d.h5', meta.shard as int)
    """
    infera-simulate ${meta.model} \\
        --events ${meta.events} \\
        --seed ${meta.seed} \\
        --shards ${meta.shards} \\
        --shard ${meta.shard} \\
        ${args} \\
        --overwrite --out ${out}

    printf '"%s":\\n' "${task.process}" > versions.yml
    infera-versions infera-simulate >> versions.yml
    """

    stub:
    """
    touch ${String.format('events_shard%05d.h5', meta.shard as int)}
    printf '"%s":\\n    infera: stub\\n' "${task.process}" > versions.yml
    """
}
