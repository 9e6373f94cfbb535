// Expected likelihood-ratio limits over the θ grid from a learned log r̂ (Asimov data at params.theta, the
// extended unbinned likelihood with the rate term, χ² p-values of q − min q), with the p-value map: the
// ratio column of the summary beside SALLY's and SALLINO's.
process LIMITS_RATIO {
    tag "${meta.id} r${meta.replica}"
    label 'process_low'

    input:
    tuple val(meta), path(events, stageAs: 'events/*'), path(log_ratios)

    output:
    tuple val(meta), path("limits_ratio_r${meta.replica}.json"), emit: limits
    path "limits_ratio_r${meta.replica}.png", optional: true   , emit: plot
    path "versions.yml"                                         , emit: versions

    script:
    def args = task.ext.args ?: ''
    """
    infera-fit limits --method ratio --events ${events} --log-ratios ${log_ratios} ${args} --overwrite --plot limits_ratio_r${meta.replica}.png > limits_ratio_r${meta.replica}.json.partial
    mv limits_ratio_r${meta.replica}.json.partial limits_ratio_r${meta.replica}.json

    printf '"%s":\\n' "${task.process}" > versions.yml
    infera-versions infera-fit >> versions.yml
    """

    stub:
    """
    touch limits_ratio_r${meta.replica}.json
    printf '"%s":\\n    infera: stub\\n' "${task.process}" > versions.yml
    """
}
