// Labelled, weighted train / validation / test samples from all shards of a run.
process AUGMENT {
    tag "${meta.id} r${meta.replica}"
    label 'process_low'

    input:
    tuple val(meta), path(events, stageAs: 'events/*')

    output:
    tuple val(meta), path("samples.h5"), emit: samples
    path "versions.yml"                , emit: versions

    script:
    def args = task.ext.args ?: ''
    """
    infera-augment \\
        --seed ${meta.seed} \\
        --fractions ${meta.fractions} \\
        ${args} \\
        --out samples.h5 \\
        ${events}

    cat <<-END_VERSIONS > versions.yml
    "${task.process}":
        infera: \$(infera-augment --version | sed -n 's/^infera //p')
    END_VERSIONS
    """

    stub:
    """
    touch samples.h5
    printf '"%s":\\n    infera: stub\\n' "${task.process}" > versions.yml
    """
}
