// Coverage of every statistic's interval on every benchmark: the event-level pseudo-experiments fitted with
// each replica's templates, and pseudo-data from the fitted models' own templates (the machinery check).
process COVERAGE {
    tag "${statistics.unique().join(', ')}"
    label 'process_medium'

    input:
    tuple val(statistics), path(templates, stageAs: 'templates/*'), path(pseudo, stageAs: 'pseudo/*')   // same order
    path analysis
    val fit_done   // starts after FIT, whose publishing replaces fit/ whole: fit/coverage/ is published after it

    output:
    path "coverage"    , emit: results
    path "versions.yml", emit: versions

    script:
    def args = task.ext.args ?: ''
    def list = { x -> x instanceof List ? x : [x] }
    def templateArgs = [statistics, list(templates)].transpose().collect { s, t -> "--templates ${s}=${t}" }.join(' ')
    def pseudoArgs = [statistics, list(pseudo)].transpose().collect { s, p -> "--pseudo-experiments ${s}=${p}" }.join(' ')
    """
    infera-fit coverage \\
        ${templateArgs} \\
        ${pseudoArgs} \\
        --analysis ${analysis} \\
        ${args} \\
        --overwrite --out coverage

    printf '"%s":\\n' "${task.process}" > versions.yml
    infera-versions infera-fit >> versions.yml
    """

    stub:
    """
    mkdir -p coverage
    touch coverage/coverage.csv coverage/coverage.md coverage/experiments.csv coverage/coverage.png
    printf '"%s":\\n    infera: stub\\n' "${task.process}" > versions.yml
    """
}
