// Labelled, weighted train / validation / test samples (or, for method sally, score samples): one task
// per shard (meta.shard set: its memory follows the shard; binned samples weigh the shard's share of
// the yields, score samples draw the shard's share of the draws and are given every shard's file for
// the run's cross section), or one for all shards of a run.
process AUGMENT {
    tag "${meta.id} r${meta.replica}${meta.shard != null ? " shard ${meta.shard}/${meta.shards}" : ''}"
    label 'process_low'

    input:
    tuple val(meta), path(events, stageAs: 'events/*')

    output:
    tuple val(meta), path("samples*.h5"), emit: samples
    path "versions.yml"                , emit: versions

    script:
    def mode = task.ext.mode ?: 'split'   // the kind of samples: infera-augment's sub-command
    def args = task.ext.args ?: ''
    def shard = meta.shard != null ? "--run-shards ${meta.shards} --shard ${meta.shard}" : ''
    def name = meta.shard != null ? "samples_shard${String.format('%05d', meta.shard as int)}.h5" : 'samples.h5'
    """
    infera-augment ${mode} \\
        --seed ${meta.seed} \\
        --fractions ${meta.fractions} \\
        ${shard} \\
        ${args} \\
        --overwrite --out ${name} \\
        ${events}

    printf '"%s":\\n' "${task.process}" > versions.yml
    infera-versions infera-augment >> versions.yml
    """

    stub:
    def name = meta.shard != null ? "samples_shard${String.format('%05d', meta.shard as int)}.h5" : 'samples.h5'
    """
    touch ${name}
    printf '"%s":\\n    infera: stub\\n' "${task.process}" > versions.yml
    """
}
