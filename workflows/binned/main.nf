// Binned inference: one summary statistic trained per --statistics entry (the cross-entropy classifier,
// INFERNO or neos on a benchmark), its templates nominal and with every nuisance shifted, and every
// statistic fitted on every benchmark in one table (the median over replicas).
include { AUGMENT       } from '../../modules/augment'
include { TRAIN         } from '../../modules/train'
include { SHIFT         } from '../../modules/shift'
include { FIT           } from '../../modules/fit'
include { GATHER_SHARDS } from '../../subworkflows/gather_shards'
include { ENSEMBLE; members } from '../../subworkflows/ensemble'
include { FIT_DIAGNOSTICS } from '../../modules/fit_diagnostics'
include { TOY_LIMITS    } from '../../subworkflows/toy_limits'
include { PSEUDO_EXPERIMENTS } from '../../modules/pseudo_experiments'
include { COVERAGE           } from '../../modules/coverage'

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
    // --ensemble K > 1: K trainings of each (members with derived seeds; only statistics whose outputs can be
    // averaged, the classifier: checked before the run), binned by their mean probability. The training options
    // are in meta, so that the task hash sees them (modules/train).
    TRAIN(ch_samples.combine(ch_statistics)
              .flatMap { meta, samples, stat ->
                  def train = [train_args: Statistics.trainArgs(stat.kind, params, projectDir.toFile())]
                  members(meta + stat + train, samples, params.ensemble as int) },
          analysis)
    ENSEMBLE(TRAIN.out.model)

    // Shift: templates of each model on its own replica's test events, nominal and with every nuisance
    // up and down.
    ch_shift = ENSEMBLE.out.models
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
    ch_versions = AUGMENT.out.versions.mix(TRAIN.out.versions, SHIFT.out.versions, FIT.out.versions)

    // Toy-based CLs limits of every exported workspace (--toys N, 0: off), sharded into tasks and merged.
    if ((params.toys as int) > 0) {
        TOY_LIMITS(FIT.out.results)
        ch_versions = ch_versions.mix(TOY_LIMITS.out.versions)
    }

    // Fit diagnostics (--diagnostics): each statistic's replica-0 templates on every benchmark, one task per
    // statistic, each benchmark on one pseudo-dataset of its model.
    ch_diagnostics = SHIFT.out.templates
        .filter { meta, t -> params.diagnostics && meta.replica == 0 }
        .map { meta, t -> [meta.statistic, t] }
    FIT_DIAGNOSTICS(ch_diagnostics, analysis)

    // Coverage (--coverage N): N event-level pseudo-experiments per statistic, benchmark and truth, split
    // among the replicas (each replica's network on its own share), one task per statistic and replica; one
    // task fits them all with each replica's templates, beside pseudo-data from the templates themselves.
    if ((params.coverage as int) > 0) {
        PSEUDO_EXPERIMENTS(ENSEMBLE.out.models, analysis)
        ch_coverage = SHIFT.out.templates
            .map { meta, t -> [meta.statistic, meta.replica, t] }
            .join(PSEUDO_EXPERIMENTS.out.pseudo.map { meta, p -> [meta.statistic, meta.replica, p] }, by: [0, 1])
            .toSortedList { a, b -> a[0] <=> b[0] ?: a[1] <=> b[1] }
            .map { rows -> [rows.collect { it[0] }, rows.collect { it[2] }, rows.collect { it[3] }] }
        COVERAGE(ch_coverage, analysis, FIT.out.results.map { true })
        ch_versions = ch_versions.mix(PSEUDO_EXPERIMENTS.out.versions, COVERAGE.out.versions)
    }

    emit:
    versions = ch_versions.mix(FIT_DIAGNOSTICS.out.versions)
}
