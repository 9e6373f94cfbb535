// Checks one shard of an external generator's events (infera events or MadMiner's layout: shapes,
// finiteness) in infera's simulate image, and passes it on only when it is valid: a bad file stops
// the run before any training.
process VALIDATE_EVENTS {
    tag "${meta.id} r${meta.replica} shard ${meta.shard}/${meta.shards}"
    label 'process_low'

    input:
    tuple val(meta), path(events)

    output:
    tuple val(meta), path("events_shard*.h5", includeInputs: true), emit: events
    path "versions.yml"                               , emit: versions

    script:
    """
    infera-simulate validate ${events}

    printf '"%s":\\n' "${task.process}" > versions.yml
    infera-versions infera-simulate >> versions.yml
    """

    stub:
    """
    printf '"%s":\\n    infera: stub\\n' "${task.process}" > versions.yml
    """
}
