// Score-based inference (SALLY): the weighted events become score samples at θ, a network learns the
// score, shift applies it to every event, the Fisher information comes from the weights (truth, rate) and
// from the estimated scores, the expected limits from histograms of them;
// one table sums up the replicas. --ratio_loss L adds a likelihood-ratio estimator per replica (ratio samples with θ0
// flat over the limits grid against θ1 = θ) and its expected limits on the same grid, a column of the table.
//
// The Gaussian toy is not morphable: its weighted events carry weights at the limits' grid only, so it is not
// augmented at θ (its score samples are simulated directly at θ), has no Fisher information from the weights,
// and its limits' coverage comes from fresh events simulated at θ (event-level pseudo-experiments).
include { AUGMENT       } from '../../modules/augment'
include { AUGMENT as AUGMENT_RATIO } from '../../modules/augment'
include { TRAIN as TRAIN_RATIO     } from '../../modules/train'
include { SHIFT_LOG_RATIOS } from '../../modules/shift_log_ratios'
include { LIMITS_RATIO     } from '../../modules/limits_ratio'
include { SIMULATE as SIMULATE_SAMPLES } from '../../modules/simulate'
include { SIMULATE as SIMULATE_PSEUDO  } from '../../modules/simulate'
include { SHIFT_SCORES as SHIFT_PSEUDO_SCORES } from '../../modules/shift_scores'
include { TRAIN         } from '../../modules/train'
include { SHIFT_SCORES  } from '../../modules/shift_scores'
include { FISHER        } from '../../modules/fisher'
include { LIMITS        } from '../../modules/limits'
include { SALLY_SUMMARY } from '../../modules/sally_summary'
include { GATHER_SHARDS } from '../../subworkflows/gather_shards'
include { ENSEMBLE; members } from '../../subworkflows/ensemble'
include { ENSEMBLE as ENSEMBLE_RATIO } from '../../subworkflows/ensemble'

workflow SCORE {
    take:
    ch_replicas   // [meta, events files]: all shards of a replica
    analysis      // the analysis definition (JSON)

    main:
    direct = params.model == 'gaussian-toy' && !params.events_files && !params.generator
    if (params.ratio_loss != 'none' && direct)
        error("infera: --ratio_loss needs morphable weighted events: the Gaussian toy's carry weights at the limits " +
              "grid only, so ratio samples cannot be drawn at any θ0 (use --ratio_loss none)")
    if (direct) {
        // params.draws score samples at θ in the run's shards, from their own seed; meta.of keeps the replica's meta
        SIMULATE_SAMPLES(ch_replicas.flatMap { meta, files ->
            (0..<files.size()).collect { i ->
                meta + [events: params.draws, seed: Seeds.simulation(meta.seed, 'samples'), shard: i, of: meta] } })
        ch_samples = SIMULATE_SAMPLES.out.events.map { m, f -> [m.of + [shard: m.shard], f] }
        ch_made = SIMULATE_SAMPLES.out.versions
    } else {
        // Augment one task per shard: each draws its shard's share of the run's draws and reads every shard's
        // file for the run's cross section (one file at a time), so memory follows the shard.
        AUGMENT(ch_replicas.flatMap { meta, files -> (0..<files.size()).collect { i -> [meta + [shard: i], files] } })
        ch_samples = AUGMENT.out.samples
        ch_made = AUGMENT.out.versions
    }
    GATHER_SHARDS(ch_samples)

    // --ensemble K > 1: K trainings of each replica's SALLY (members 0..K-1, seeds derived from the replica's); the
    // training options in meta, so that the task hash sees them (modules/train)
    def sally = [statistic: 'sally', kind: 'sally', train_args: Statistics.trainArgs('sally', params, projectDir.toFile())]
    TRAIN(GATHER_SHARDS.out.replicas
              .map { meta, samples -> [meta + sally, samples] }
              .flatMap { meta, samples -> members(meta, samples, params.ensemble as int) },
          analysis)
    ENSEMBLE(TRAIN.out.model)
    // each replica's events beside its model(s) (the models' meta without what it was trained as); shift applies
    // them to every event (an ensemble: their mean score, and each member's), and the fit steps read the events
    // with their estimated scores
    ch_models = ch_replicas.join(ENSEMBLE.out.models.map { meta, models ->
        [meta.findAll { !(it.key in ['statistic', 'kind', 'train_args']) }, models] })
    SHIFT_SCORES(ch_models)
    ch_scored = ch_replicas.join(SHIFT_SCORES.out.scores)
    ch_versions = ch_made.mix(TRAIN.out.versions, SHIFT_SCORES.out.versions)
    if (direct && (params.coverage as int) > 0) {
        // --coverage N: one task per replica simulates the fresh events of all N pseudo-experiments at θ (N times
        // the expected events σ L = L, and 6σ of their Poisson total to spare), scored by the replica's network
        double total = (params.coverage as int) * (params.luminosity as double)
        long pseudoEvents = Math.ceil(total + 6 * Math.sqrt(total) + 10) as long
        SIMULATE_PSEUDO(ch_replicas.map { meta, files ->
            meta + [events: pseudoEvents, seed: Seeds.simulation(meta.seed, 'pseudo'), shards: 1, shard: 0, of: meta] })
        ch_pseudo = SIMULATE_PSEUDO.out.events.map { m, f -> [m.of, f] }
        SHIFT_PSEUDO_SCORES(ch_pseudo.join(ch_models.map { m, events, model -> [m, model] }))
        ch_limits = ch_scored.join(ch_pseudo).join(SHIFT_PSEUDO_SCORES.out.scores)
        ch_versions = ch_versions.mix(SIMULATE_PSEUDO.out.versions, SHIFT_PSEUDO_SCORES.out.versions)
    } else {
        ch_limits = ch_scored.map { meta, events, scores -> [meta, events, scores, [], []] }
    }
    LIMITS(ch_limits)
    if (params.ratio_loss != 'none') {
        // one file of ratio samples per replica from all its shards (infera-train ratio reads one; θ0 flat over the
        // limits grid, θ1 = θ), one estimator per replica (--ensemble K > 1: K members, as SALLY's), log r̂ of every
        // event at every grid point (an ensemble's mean), the Asimov limits on the same grid and luminosity as SALLY's
        AUGMENT_RATIO(ch_replicas)
        def ratio = [statistic: 'ratio', kind: 'ratio', train_args: Statistics.trainArgs('ratio', params, projectDir.toFile())]
        TRAIN_RATIO(AUGMENT_RATIO.out.samples
                        .map { meta, samples -> [meta + ratio, samples] }
                        .flatMap { meta, samples -> members(meta, samples, params.ensemble as int) },
                    analysis)
        ENSEMBLE_RATIO(TRAIN_RATIO.out.model)
        SHIFT_LOG_RATIOS(ch_replicas.join(ENSEMBLE_RATIO.out.models.map { meta, models ->
            [meta.findAll { !(it.key in ['statistic', 'kind', 'train_args']) }, models] }))
        LIMITS_RATIO(ch_replicas.join(SHIFT_LOG_RATIOS.out.log_ratios))
        ch_ratio_limits = LIMITS_RATIO.out.limits
        ch_versions = ch_versions.mix(AUGMENT_RATIO.out.versions, TRAIN_RATIO.out.versions,
                                      SHIFT_LOG_RATIOS.out.versions, LIMITS_RATIO.out.versions)
    } else {
        ch_ratio_limits = Channel.empty()
    }
    if (direct) {
        ch_fisher = Channel.value([])   // no Fisher information from weights known at the grid only
    } else {
        FISHER(ch_scored)
        ch_fisher = byReplica(FISHER.out.fisher)
        ch_versions = ch_versions.mix(FISHER.out.versions)
    }
    SALLY_SUMMARY(ch_fisher, byReplica(LIMITS.out.limits.mix(ch_ratio_limits)))

    emit:
    versions = ch_versions.mix(LIMITS.out.versions, SALLY_SUMMARY.out.versions)
}

// A channel of [meta, files] as one list of the files, in replica order.
def byReplica(ch) {
    ch.toSortedList { a, b -> a[0].replica <=> b[0].replica }.map { rows -> rows.collect { it[1] }.flatten() }
}
