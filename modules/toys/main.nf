// Toy-based CLs upper limits of one exported workspace, computed in shards (one task per range of toys) and
// merged: toy i of a run draws from a stream derived from the run's seed and i, so every shard is a task with
// deterministic inputs (-resume re-runs only the missing ones) and the merge equals one unsharded run.
process TOYS {
    tag "${meta.id} toys ${first}+${count}"
    label 'process_low'

    input:
    tuple val(meta), path(workspace), val(first), val(count)

    output:
    tuple val(meta), path("${meta.id}_toys_${first}.h5"), emit: shard
    path "versions.yml"                                  , emit: versions

    script:
    def args = task.ext.args ?: ''
    """
    infera-fit upper-limit --workspace ${workspace} --calculator toys ${args} \\
        --toy-range ${first}:${count} --out ${meta.id}_toys_${first}.h5 --overwrite > /dev/null

    printf '"%s":\\n' "${task.process}" > versions.yml
    infera-versions infera-fit >> versions.yml
    """

    stub:
    """
    touch ${meta.id}_toys_${first}.h5
    printf '"%s":\\n    infera: stub\\n' "${task.process}" > versions.yml
    """
}

// The shards of one workspace's toy run merged (checked to belong together and to cover every toy once), with
// the asymptotic limits of the same workspace beside them. Exit code 3 (a limit outside the scan, a fit that did
// not converge) still publishes the JSON, which says so.
process TOYS_MERGE {
    tag "${meta.id}"
    label 'process_low'

    input:
    tuple val(meta), path(workspace), path(shards, stageAs: 'shards/*')

    output:
    tuple val(meta), path("${meta.id}_toys.json"), path("${meta.id}_asymptotic.json"), emit: limits
    path "${meta.id}_toys.h5"                                                         , emit: toys
    path "versions.yml"                                                               , emit: versions

    script:
    """
    rc=0
    infera-fit toys-merge ${shards} --out ${meta.id}_toys.h5 --overwrite > ${meta.id}_toys.json.partial || rc=\$?
    [ \$rc -eq 0 ] || [ \$rc -eq 3 ] || exit \$rc
    mv ${meta.id}_toys.json.partial ${meta.id}_toys.json
    rc=0
    infera-fit upper-limit --workspace ${workspace} > ${meta.id}_asymptotic.json.partial || rc=\$?
    [ \$rc -eq 0 ] || [ \$rc -eq 3 ] || exit \$rc
    mv ${meta.id}_asymptotic.json.partial ${meta.id}_asymptotic.json

    printf '"%s":\\n' "${task.process}" > versions.yml
    infera-versions infera-fit >> versions.yml
    """

    stub:
    """
    touch ${meta.id}_toys.json ${meta.id}_asymptotic.json ${meta.id}_toys.h5
    printf '"%s":\\n    infera: stub\\n' "${task.process}" > versions.yml
    """
}
