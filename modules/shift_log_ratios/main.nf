// log r̂(x | θ, θ1) of every event of a replica's weighted events at every point of the limits grid, from its
// trained likelihood-ratio estimator: what LIMITS_RATIO reads, so that the fit step never loads a network.
// float32, events × grid points × 4 bytes per shard. Several models: an ensemble's members (--ensemble), whose mean
// log r̂ is written.
process SHIFT_LOG_RATIOS {
    tag "${meta.id} r${meta.replica}"
    label 'process_medium'
    label 'process_gpu'

    input:
    tuple val(meta), path(events, stageAs: 'events/*'), path(model)   // model: one directory, or an ensemble's

    output:
    tuple val(meta), path("log_ratios_r${meta.replica}"), emit: log_ratios
    path "versions.yml"                                  , emit: versions

    script:
    def args = task.ext.args ?: ''
    """
    infera-shift log-ratios --model ${model} --events ${events} ${args} --overwrite --out log_ratios_r${meta.replica}

    printf '"%s":\\n' "${task.process}" > versions.yml
    infera-versions infera-shift >> versions.yml
    """

    stub:
    """
    mkdir -p log_ratios_r${meta.replica}
    printf '"%s":\\n    infera: stub\\n' "${task.process}" > versions.yml
    """
}
