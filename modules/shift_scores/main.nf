// The estimated score of every event of a replica's weighted events, from its trained score estimator (SALLY):
// what FISHER and LIMITS read, so that the fit step never loads a network. Several models: the members of an
// ensemble (--ensemble), whose mean score is written with each member's.
process SHIFT_SCORES {
    tag "${meta.id} r${meta.replica}"
    label 'process_medium'
    label 'process_gpu'

    input:
    tuple val(meta), path(events, stageAs: 'events/*'), path(model)   // model: one directory, or an ensemble's

    output:
    tuple val(meta), path("scores_r${meta.replica}"), emit: scores
    path "versions.yml"                              , emit: versions

    script:
    def args = task.ext.args ?: ''
    """
    infera-shift scores --model ${model} --events ${events} ${args} --overwrite --out scores_r${meta.replica}

    printf '"%s":\\n' "${task.process}" > versions.yml
    infera-versions infera-shift >> versions.yml
    """

    stub:
    """
    mkdir -p scores_r${meta.replica}
    printf '"%s":\\n    infera: stub\\n' "${task.process}" > versions.yml
    """
}
