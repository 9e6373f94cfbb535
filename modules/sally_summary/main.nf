// The result table of a score-based analysis: Cramér–Rao σ per Fisher mode and the expected limits'
// slices, medians over replicas (summary.md, summary.json, summary.csv).
process SALLY_SUMMARY {
    tag "${fisher instanceof List ? fisher.size() : 1} replica(s)"   // one staged directory is a Path, not a list
    label 'process_low'

    input:
    path(fisher, stageAs: 'fisher/*')   // fisher_r<k> directories, sorted by replica
    path(limits, stageAs: 'limits/*')   // limits_r<k>.json, sorted by replica

    output:
    path "summary"     , emit: summary
    path "versions.yml", emit: versions

    script:
    """
    infera-fit sally-summary --fisher ${fisher} --limits ${limits} --overwrite -o summary

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
