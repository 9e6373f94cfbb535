// Fisher information on the theory parameters at θ: truth and rate from the weights, and SALLY's.
process FISHER {
    tag "${meta.id} r${meta.replica}"
    label 'process_low'

    input:
    tuple val(meta), path(events, stageAs: 'events/*'), path(scores)   // scores: infera-shift scores of the events

    output:
    tuple val(meta), path("fisher_r${meta.replica}"), emit: fisher
    path "versions.yml"                             , emit: versions

    script:
    def args = task.ext.args ?: ''
    """
    mkdir -p fisher_r${meta.replica}
    for mode in truth rate sally; do
        infera-fit fisher --events ${events} --mode \$mode --scores ${scores} ${args} --overwrite --plot fisher_r${meta.replica}/\$mode.png \
            > fisher_r${meta.replica}/\$mode.json.partial
        mv fisher_r${meta.replica}/\$mode.json.partial fisher_r${meta.replica}/\$mode.json
    done

    printf '"%s":\\n' "${task.process}" > versions.yml
    infera-versions infera-fit >> versions.yml
    """

    stub:
    """
    mkdir -p fisher_r${meta.replica}
    touch fisher_r${meta.replica}/truth.json fisher_r${meta.replica}/rate.json fisher_r${meta.replica}/sally.json
    printf '"%s":\\n    infera: stub\\n' "${task.process}" > versions.yml
    """
}
