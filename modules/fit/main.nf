// Fisher information, profile-likelihood widths and expected CLs limits of every statistic on every
// benchmark, each fit on a pyhf-format workspace that is published with the results.
process FIT {
    tag "${statistics.unique().join(', ')}"
    label 'process_low'

    input:
    tuple val(statistics), path(templates)   // statistic name of each templates file (repeated for replicas), in the same order
    path analysis

    output:
    path "fit"         , emit: results
    path "neos"        , emit: neos, optional: true   // the neos comparison, when a neos statistic is fitted
    path "versions.yml", emit: versions

    script:
    def args = task.ext.args ?: ''
    def pairs = [statistics, templates instanceof List ? templates : [templates]].transpose()
    def templateArgs = pairs.collect { s, t -> "--templates ${s}=${t}" }.join(' ')
    """
    infera-fit benchmarks \\
        ${templateArgs} \\
        --analysis ${analysis} \\
        ${args} \\
        --neos-outdir neos \\
        --overwrite --out fit

    printf '"%s":\\n' "${task.process}" > versions.yml
    infera-versions infera-fit >> versions.yml
    """

    stub:
    """
    mkdir -p fit/scans fit/workspaces fit/cls
    touch fit/benchmarks.csv fit/benchmarks.json fit/benchmarks.md fit/limits.csv
    printf '"%s":\\n    infera: stub\\n' "${task.process}" > versions.yml
    """
}
