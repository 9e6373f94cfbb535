// Fit diagnostics of one statistic on every benchmark (issue 18): pulls, correlations, goodness of fit, pre-/post-fit
// yields, impacts with their ranking and a 2-D scan, each on one pseudo-dataset drawn from the very model the fit
// uses (the benchmark fits hold Asimov data, on which pulls and goodness of fit are trivially zero).
process FIT_DIAGNOSTICS {
    tag "${statistic}"
    label 'process_low'

    input:
    tuple val(statistic), path(templates)   // the statistic's templates of replica 0
    path analysis

    output:
    path "diagnostics/${statistic}", emit: results
    path "versions.yml"            , emit: versions

    script:
    def args = task.ext.args ?: ''
    """
    mkdir -p diagnostics
    infera-fit diagnostics \\
        --templates ${templates} \\
        --analysis ${analysis} \\
        --pseudo-data \\
        ${args} \\
        --overwrite --out diagnostics/${statistic} \
        || [ \$? -eq 3 ]   # a fit of a pseudo-dataset that did not converge: said in summary.json, not fatal

    printf '"%s":\\n' "${task.process}" > versions.yml
    infera-versions infera-fit >> versions.yml
    """

    stub:
    """
    mkdir -p diagnostics/${statistic}/bm0
    touch diagnostics/${statistic}/bm0/summary.json
    printf '"%s":\\n    infera: stub\\n' "${task.process}" > versions.yml
    """
}
