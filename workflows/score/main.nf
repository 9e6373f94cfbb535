// Score-based inference (SALLY): the weighted events become score samples at θ, a network learns the
// score, shift applies it to every event, the Fisher information comes from the weights (truth, rate) and
// from the estimated scores, the expected limits from histograms of them; one table sums up the replicas.
include { AUGMENT       } from '../../modules/augment'
include { TRAIN         } from '../../modules/train'
include { SHIFT_SCORES  } from '../../modules/shift_scores'
include { FISHER        } from '../../modules/fisher'
include { LIMITS        } from '../../modules/limits'
include { SALLY_SUMMARY } from '../../modules/sally_summary'
include { GATHER_SHARDS } from '../../subworkflows/gather_shards'

workflow SCORE {
    take:
    ch_replicas   // [meta, events files]: all shards of a replica
    analysis      // the analysis definition (JSON)

    main:
    // Augment one task per shard: each draws its shard's share of the run's draws and reads every shard's
    // file for the run's cross section (one file at a time), so memory follows the shard.
    AUGMENT(ch_replicas.flatMap { meta, files -> (0..<files.size()).collect { i -> [meta + [shard: i], files] } })
    GATHER_SHARDS(AUGMENT.out.samples)

    TRAIN(GATHER_SHARDS.out.replicas.map { meta, samples -> [meta + [statistic: 'sally', kind: 'sally'], samples] },
          analysis)
    // each replica's events beside its model (the model's meta without the statistic it was trained as); shift
    // applies the model to every event, and the fit steps read the events with their estimated scores
    ch_models = ch_replicas.join(
        TRAIN.out.model.map { meta, model -> [meta.findAll { !(it.key in ['statistic', 'kind']) }, model] })
    SHIFT_SCORES(ch_models)
    ch_scored = ch_replicas.join(SHIFT_SCORES.out.scores)
    FISHER(ch_scored)
    LIMITS(ch_scored)
    SALLY_SUMMARY(
        FISHER.out.fisher.toSortedList { a, b -> a[0].replica <=> b[0].replica }.map { rows -> rows.collect { it[1] } },
        LIMITS.out.limits.toSortedList { a, b -> a[0].replica <=> b[0].replica }.map { rows -> rows.collect { it[1] } })

    emit:
    versions = AUGMENT.out.versions.mix(
        TRAIN.out.versions, SHIFT_SCORES.out.versions, FISHER.out.versions, LIMITS.out.versions, SALLY_SUMMARY.out.versions)
}
