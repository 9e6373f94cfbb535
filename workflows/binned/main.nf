// Binned inference: one summary statistic trained per --statistics entry (the cross-entropy classifier,
// INFERNO or neos on a benchmark), its templates nominal and with every nuisance shifted, and every
// statistic fitted on every benchmark in one table (the median over replicas).
include { AUGMENT       } from '../../modules/augment'
include { TRAIN         } from '../../modules/train'
include { SHIFT         } from '../../modules/shift'
include { FIT           } from '../../modules/fit'
include { GATHER_SHARDS } from '../../subworkflows/gather_shards'

workflow BINNED {
    take:
    ch_shards   // [meta with shard, events file]
    analysis    // the analysis definition (JSON)

    main:
    // Augment each shard on its own (memory follows the shard), then gather a replica's samples files.
    AUGMENT(ch_shards)
    GATHER_SHARDS(AUGMENT.out.samples)
    ch_samples = GATHER_SHARDS.out.replicas

    // Train one model per summary statistic and replica: `classifier`, `inferno_bm<k>` (INFERNO for
    // benchmark k) or `neos_bm<k>` (neos: the expected CLs of benchmark k's model, nuisances profiled), as
    // the registry of statistics names them (lib/Statistics).
    ch_statistics = Channel.fromList(params.statistics.tokenize(',')*.trim())
        .map { s -> Statistics.parse(s, 'binned', projectDir.toFile()) }
    TRAIN(ch_samples.combine(ch_statistics).map { meta, samples, stat -> [meta + stat, samples] }, analysis)

    // Shift: templates of each model on its own replica's test events, nominal and with every nuisance
    // up and down.
    ch_shift = TRAIN.out.model
        .map { meta, model -> [meta.replica, meta, model] }
        .combine(ch_samples.map { meta, samples -> [meta.replica, samples] }, by: 0)
        .map { replica, meta, model, samples -> [meta, model, samples] }
    SHIFT(ch_shift, analysis)

    // Fit: every statistic on every benchmark, in one table (sorted, so the task hash is stable).
    ch_templates = SHIFT.out.templates
        .map { meta, t -> [meta.statistic, meta.replica, t] }
        .toSortedList { a, b -> a[0] <=> b[0] ?: a[1] <=> b[1] }
        .map { rows -> [rows.collect { it[0] }, rows.collect { it[2] }] }
    FIT(ch_templates, analysis)

    emit:
    versions = AUGMENT.out.versions.mix(TRAIN.out.versions, SHIFT.out.versions, FIT.out.versions)
}
