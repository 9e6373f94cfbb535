// Event-level pseudo-experiments for coverage: fresh events from the simulator at each benchmark's truths,
// through one replica's trained network, binned like its templates (its share of --coverage per cell).
process PSEUDO_EXPERIMENTS {
    tag "${meta.id} ${meta.statistic} r${meta.replica}"
    label 'process_medium'
    label 'process_gpu'

    input:
    tuple val(meta), path(model)
    path analysis

    output:
    tuple val(meta), path("pseudo_${meta.statistic}_r${meta.replica}.h5"), emit: pseudo
    path "versions.yml"                                                , emit: versions

    script:
    def args = task.ext.args ?: ''
    """
    infera-shift pseudo-experiments \\
        --model ${model} \\
        --analysis ${analysis} \\
        --statistic ${meta.statistic} \\
        --replica ${meta.replica} \\
        ${args} \\
        --overwrite --out pseudo_${meta.statistic}_r${meta.replica}.h5

    printf '"%s":\\n' "${task.process}" > versions.yml
    infera-versions infera-shift >> versions.yml
    """

    stub:
    """
    touch pseudo_${meta.statistic}_r${meta.replica}.h5
    printf '"%s":\\n    infera: stub\\n' "${task.process}" > versions.yml
    """
}
