// Trains one summary statistic with DJL (PyTorch engine); runs on a GPU under the `gpu` profile. meta.member k
// (--ensemble K > 1): member k of an ensemble, its seed derived from the replica's (infera-train --member).
process TRAIN {
    tag "${meta.id} ${meta.statistic} r${meta.replica}${meta.member != null ? " m${meta.member}" : ''}"
    label 'process_medium'
    label 'process_gpu'

    input:
    tuple val(meta), path(samples, stageAs: 'samples/*')   // one samples file, or one per shard
    path analysis

    output:
    tuple val(meta), path("model_${meta.statistic}_r${meta.replica}${meta.member != null ? "_m${meta.member}" : ''}"), emit: model
    path "versions.yml"                              , emit: versions

    script:
    // the kind's training options come from the registry of statistics (conf/statistics.json), ext.args adds to them;
    // the workflow puts them in meta (meta.train_args), which the task hash sees: the parameters read inside the
    // helper are not hashed, so a changed --pivot_lambda or --epochs would otherwise resume a stale model
    def args = task.ext.args ?: ''
    def options = meta.train_args ?: Statistics.trainArgs(meta.kind, params, projectDir.toFile())
    def target = (Statistics.readsAnalysis(meta.kind, projectDir.toFile()) ? "--analysis ${analysis}" : '') +
        (Statistics.perBenchmark(meta.kind, projectDir.toFile()) ? " --benchmark ${meta.benchmark}" : '')
    def member = meta.member != null ? " --member ${meta.member}" : ''
    def name = "model_${meta.statistic}_r${meta.replica}" + (meta.member != null ? "_m${meta.member}" : '')
    """
    infera-train ${meta.kind} \\
        --samples ${samples} \\
        ${target} \\
        --seed ${meta.seed}${member} \\
        ${options} ${args} \\
        --overwrite --out ${name}

    printf '"%s":\\n' "${task.process}" > versions.yml
    infera-versions infera-train >> versions.yml
    """

    stub:
    def name = "model_${meta.statistic}_r${meta.replica}" + (meta.member != null ? "_m${meta.member}" : '')
    """
    mkdir ${name}
    touch ${name}/model.json ${name}/weights.params ${name}/history.csv ${name}/model.onnx
    printf '"%s":\\n    infera: stub\\n' "${task.process}" > versions.yml
    """
}
