// Expected limits on the theory parameters from histograms of the SALLY score over a θ grid
// (Asimov data at params.theta, Poisson rate term, χ² p-values), with the p-value map, and with --coverage the
// coverage of SALLY's regions (event level where pseudo-events are given); and the same from
// SALLINO's 1-D histograms of the score projected on θ − θ_true (limits_sallino_r<k>).
process LIMITS {
    tag "${meta.id} r${meta.replica}"
    label 'process_low'

    input:
    tuple val(meta), path(events, stageAs: 'events/*'), path(scores),   // scores: infera-shift scores of the events
          path(pseudo, stageAs: 'pseudo/*'), path(pseudo_scores, stageAs: 'pseudo_scores/*')   // [] or fresh events at θ and their scores

    output:
    tuple val(meta), path("limits_*r${meta.replica}.json"), emit: limits   // sally, then sallino
    path "limits_*r${meta.replica}.png", optional: true   , emit: plot
    path "versions.yml"                                  , emit: versions

    script:
    def args = task.ext.args ?: ''
    def sallyArgs = task.ext.sally_args ?: ''
    // event-level pseudo-experiments for the coverage, where the simulator made them (the Gaussian toy)
    def pseudoArgs = (pseudo instanceof List && pseudo.isEmpty()) ? '' : "--pseudo-events ${pseudo} --pseudo-scores ${pseudo_scores}"
    """
    infera-fit limits --method sally --events ${events} --scores ${scores} ${args} ${sallyArgs} ${pseudoArgs} --overwrite --plot limits_r${meta.replica}.png > limits_r${meta.replica}.json.partial
    mv limits_r${meta.replica}.json.partial limits_r${meta.replica}.json
    infera-fit limits --method sallino --events ${events} --scores ${scores} ${args} --overwrite --plot limits_sallino_r${meta.replica}.png > limits_sallino_r${meta.replica}.json.partial
    mv limits_sallino_r${meta.replica}.json.partial limits_sallino_r${meta.replica}.json

    printf '"%s":\\n' "${task.process}" > versions.yml
    infera-versions infera-fit >> versions.yml
    """

    stub:
    """
    touch limits_r${meta.replica}.json limits_sallino_r${meta.replica}.json
    printf '"%s":\\n    infera: stub\\n' "${task.process}" > versions.yml
    """
}
