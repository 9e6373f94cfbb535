// Nominal and systematically shifted templates of a trained statistic.
process SHIFT {
    tag "${meta.id} ${meta.statistic} r${meta.replica}"
    label 'process_medium'
    label 'process_gpu'

    input:
    tuple val(meta), path(model), path(samples, stageAs: 'samples/*')   // one samples file, or one per shard
    path analysis

    output:
    tuple val(meta), path("templates_${meta.statistic}_r${meta.replica}.h5"), emit: templates
    path "versions.yml"                                    , emit: versions

    script:
    def args = task.ext.args ?: ''
    """
    infera-shift templates \\
        --model ${model} \\
        --samples ${samples} \\
        --analysis ${analysis} \\
        --statistic ${meta.statistic} \\
        ${args} \\
        --overwrite --out templates_${meta.statistic}_r${meta.replica}.h5

    printf '"%s":\\n' "${task.process}" > versions.yml
    infera-versions infera-shift >> versions.yml
    """

    stub:
    """
    touch templates_${meta.statistic}_r${meta.replica}.h5
    printf '"%s":\\n    infera: stub\\n' "${task.process}" > versions.yml
    """
}
