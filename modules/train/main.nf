// Trains one summary statistic with DJL (PyTorch engine); runs on a GPU under the `gpu` profile.
process TRAIN {
    tag "${meta.id} ${meta.statistic} r${meta.replica}"
    label 'process_medium'
    label 'process_gpu'

    input:
    tuple val(meta), path(samples, stageAs: 'samples/*')   // one samples file, or one per shard
    path analysis

    output:
    tuple val(meta), path("model_${meta.statistic}_r${meta.replica}"), emit: model
    path "versions.yml"                              , emit: versions

    script:
    // the kind's training options come from the registry of statistics (conf/statistics.json), ext.args adds to them
    def args = task.ext.args ?: ''
    def options = Statistics.trainArgs(meta.kind, params, projectDir.toFile())
    def target = Statistics.perBenchmark(meta.kind, projectDir.toFile()) ? "--analysis ${analysis} --benchmark ${meta.benchmark}" : ''
    """
    infera-train ${meta.kind} \\
        --samples ${samples} \\
        ${target} \\
        --seed ${meta.seed} \\
        ${options} ${args} \\
        --overwrite --out model_${meta.statistic}_r${meta.replica}

    printf '"%s":\\n' "${task.process}" > versions.yml
    infera-versions infera-train >> versions.yml
    """

    stub:
    """
    mkdir model_${meta.statistic}_r${meta.replica}
    touch model_${meta.statistic}_r${meta.replica}/model.json model_${meta.statistic}_r${meta.replica}/weights.params model_${meta.statistic}_r${meta.replica}/history.csv
    printf '"%s":\\n    infera: stub\\n' "${task.process}" > versions.yml
    """
}
