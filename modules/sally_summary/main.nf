// The result table of a score-based analysis: Cramér–Rao σ per Fisher mode and the expected limits'
// slices, medians over replicas (summary.md, summary.json, summary.csv).
process SALLY_SUMMARY {
    tag "${limits instanceof List ? limits.count { !it.name.startsWith('limits_sallino') && !it.name.startsWith('limits_ratio') } : 1} replica(s)"   // SALLY's limits, one per replica
    label 'process_low'

    input:
    path(fisher, stageAs: 'fisher/*')   // fisher_r<k> directories, sorted by replica (none: the Gaussian toy)
    path(limits, stageAs: 'limits/*')   // limits_r<k>.json, limits_sallino_r<k>.json (and limits_ratio_r<k>.json), by replica

    output:
    path "summary"     , emit: summary
    path "versions.yml", emit: versions

    script:
    // none for a simulator that is not morphable (the Gaussian toy): the limits alone
    def fisherArgs = (fisher instanceof List && fisher.isEmpty()) ? '' : "--fisher ${fisher}"
    """
    infera-fit sally-summary ${fisherArgs} --limits ${limits} --overwrite -o summary

    printf '"%s":\\n' "${task.process}" > versions.yml
    infera-versions infera-fit >> versions.yml
    """

    stub:
    """
    mkdir -p summary
    touch summary/summary.md summary/summary.json summary/summary.csv
    printf '"%s":\\n    infera: stub\\n' "${task.process}" > versions.yml
    """
}
