// Expected limits on the theory parameters from histograms of the SALLY score over a θ grid
// (Asimov data at params.theta, Poisson rate term, χ² p-values), with the p-value map.
process LIMITS {
    tag "${meta.id} r${meta.replica}"
    label 'process_low'

    input:
    tuple val(meta), path(events, stageAs: 'events/*'), path(scores)   // scores: infera-shift scores of the events

    output:
    tuple val(meta), path("limits_r${meta.replica}.json"), emit: limits
    path "limits_r${meta.replica}.png", optional: true   , emit: plot
    path "versions.yml"                                  , emit: versions

    script:
    def args = task.ext.args ?: ''
    """
    infera-fit limits --events ${events} --scores ${scores} ${args} --overwrite --plot limits_r${meta.replica}.png > limits_r${meta.replica}.json.partial
    mv limits_r${meta.replica}.json.partial limits_r${meta.replica}.json

    printf '"%s":\\n' "${task.process}" > versions.yml
    infera-versions infera-fit >> versions.yml
    """

    stub:
    """
    touch limits_r${meta.replica}.json
    printf '"%s":\\n    infera: stub\\n' "${task.process}" > versions.yml
    """
}
