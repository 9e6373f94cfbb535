#!/usr/bin/env nextflow
/*
 * infera: learned summary statistics judged by the final statistical inference.
 *
 *   simulate (N shards) → augment → train (one model per statistic) → shift → fit,
 *   for each replica (an independent simulation and training); the fit reports their median.
 *
 * Default analysis: the INFERNO paper problem; the cross-entropy classifier and INFERNO trained on
 * benchmark 4, beside the analytic limit. `-params-file params/<analysis>.yaml` picks another,
 * `-profile test` runs it on tiny data.
 */
nextflow.enable.dsl = 2

include { SIMULATE } from './modules/simulate'
include { AUGMENT  } from './modules/augment'
include { TRAIN    } from './modules/train'
include { SHIFT    } from './modules/shift'
include { FIT      } from './modules/fit'
include { FISHER   } from './modules/fisher'
include { LIMITS   } from './modules/limits'
include { SALLY_SUMMARY } from './modules/sally_summary'
include { GENERATE } from './modules/generate'
include { VALIDATE_EVENTS } from './modules/validate_events'

workflow {
    // the analysis definition: a path as given, else relative to the project (params files name params/analysis/…)
    analysis = file(params.analysis)
    if (!analysis.exists()) analysis = file("${projectDir}/${params.analysis}", checkIfExists: true)

    // Replicas: independent simulations and trainings (replica k uses seed + 1000 k); the fit reports their median.
    ch_replicas = Channel.of(0..<(params.replicas as int)).map { k ->
        [id: params.method == 'sally' ? params.model : analysis.baseName, model: params.model, events: params.events, shards: params.shards,
         fractions: params.fractions, replica: k, seed: (params.seed as long) + 1000L * k]
    }

    if (params.events_files) {
        // External events (a glob: infera events files, or weighted events in MadMiner's layout for
        // method sally): one replica of the given files instead of a simulation. AUGMENT validates
        // them, so a bad file stops the run before any training.
        ch_events = Channel.fromPath(params.events_files, checkIfExists: true)
            .toSortedList { a, b -> a.name <=> b.name }
            .map { files -> [[id: params.method == 'sally' ? 'external' : analysis.baseName, model: 'external', events: 0, shards: files.size(), fractions: params.fractions,
                              replica: 0, seed: params.seed as long], files] }
        ch_shard_events = ch_events.flatMap { meta, files -> files.withIndex().collect { f, i -> [meta + [shard: i], f] } }
        ch_simulate_versions = Channel.empty()
    } else {
        // 1. Simulate: independent shards, each seeded from its replica's seed and its index; with
        //    --generator, the user's own generator makes them (validated before use).
        ch_shards = ch_replicas.flatMap { meta -> (0..<(params.shards as int)).collect { i -> meta + [shard: i] } }
        if (params.generator) {
            // the user's generator runs in its own image (no infera there); infera's image validates its output
            GENERATE(ch_shards)
            VALIDATE_EVENTS(GENERATE.out.events)
            ch_generated = VALIDATE_EVENTS.out
        } else {
            SIMULATE(ch_shards)
            ch_generated = SIMULATE.out
        }

        ch_shard_events = ch_generated.events   // each shard on its own (binned methods augment shard by shard)
        ch_events = ch_generated.events         // all shards of a replica together
            .map { meta, events -> [meta.findAll { it.key != 'shard' }, events] }
            .groupTuple(size: params.shards as int)
            .map { meta, events -> [meta, events.sort { it.name }] }
        ch_simulate_versions = ch_generated.versions
    }
    if (params.method == 'sally') {
        // 2. Augment one task per shard: each draws its shard's share of the run's draws and reads every
        //    shard's file for the run's cross section (one file at a time), so memory follows the shard.
        AUGMENT(ch_events.flatMap { meta, files -> (0..<files.size()).collect { i -> [meta + [shard: i], files] } })
        ch_score_samples = AUGMENT.out.samples
            .map { meta, samples -> [groupKey(meta.findAll { it.key != 'shard' }, meta.shards as int), samples] }
            .groupTuple()
            .map { key, samples -> [key.getGroupTarget(), samples.sort { it.name }] }
        // Score-based inference (SALLY): the weighted events become score samples at θ, a network
        // learns the score, the Fisher information comes from the weights (truth, rate) and from it,
        // the expected limits from histograms of its score; one table sums up the replicas.
        TRAIN(ch_score_samples.map { meta, samples -> [meta + [statistic: 'sally', kind: 'sally'], samples] }, analysis)
        ch_scored = ch_events.join(TRAIN.out.model.map { meta, model -> [meta.findAll { !(it.key in ['statistic', 'kind']) }, model] })
        FISHER(ch_scored)
        LIMITS(ch_scored)
        SALLY_SUMMARY(
            FISHER.out.fisher.toSortedList { a, b -> a[0].replica <=> b[0].replica }.map { rows -> rows.collect { it[1] } },
            LIMITS.out.limits.toSortedList { a, b -> a[0].replica <=> b[0].replica }.map { rows -> rows.collect { it[1] } })
        ch_simulate_versions.mix(AUGMENT.out.versions, TRAIN.out.versions, FISHER.out.versions, LIMITS.out.versions, SALLY_SUMMARY.out.versions)
            .map { f -> f.text }
            .unique()
            .collectFile(name: 'versions.yml', storeDir: "${params.outdir}/pipeline_info", sort: true)
        return
    }

    // 2. Augment each shard on its own (memory follows the shard), then gather a replica's samples files
    //    (sorted, so the task hash never depends on finishing order).
    AUGMENT(ch_shard_events)
    ch_samples = AUGMENT.out.samples
        .map { meta, samples -> [groupKey(meta.findAll { it.key != 'shard' }, meta.shards as int), samples] }
        .groupTuple()
        .map { key, samples -> [key.getGroupTarget(), samples.sort { it.name }] }

    // 3. Train one model per summary statistic and replica: `classifier`, `inferno_bm<k>` (INFERNO for
    //    benchmark k) or `neos_bm<k>` (neos: the expected CLs of benchmark k's model, nuisances profiled).
    ch_statistics = Channel.fromList(params.statistics.tokenize(',')*.trim()).map { s ->
        def m = s =~ /^(inferno|neos)_bm(\d+)$/
        m ? [statistic: s, kind: m[0][1], benchmark: m[0][2] as int] : [statistic: s, kind: s]
    }
    TRAIN(ch_samples.combine(ch_statistics).map { meta, samples, stat -> [meta + stat, samples] }, analysis)

    // 4. Shift: templates of each model on its own replica's test events, nominal and with every nuisance up and down.
    ch_shift = TRAIN.out.model
        .map { meta, model -> [meta.replica, meta, model] }
        .combine(ch_samples.map { meta, samples -> [meta.replica, samples] }, by: 0)
        .map { replica, meta, model, samples -> [meta, model, samples] }
    SHIFT(ch_shift, analysis)

    // 5. Fit: every statistic on every benchmark, in one table (sorted, so the task hash is stable).
    ch_templates = SHIFT.out.templates
        .map { meta, t -> [meta.statistic, meta.replica, t] }
        .toSortedList { a, b -> a[0] <=> b[0] ?: a[1] <=> b[1] }
        .map { rows -> [rows.collect { it[0] }, rows.collect { it[2] }] }
    FIT(ch_templates, analysis)

    ch_simulate_versions.mix(AUGMENT.out.versions, TRAIN.out.versions, SHIFT.out.versions, FIT.out.versions)
        .map { f -> f.text }
        .unique()
        .collectFile(name: 'versions.yml', storeDir: "${params.outdir}/pipeline_info", sort: true)
}

workflow.onComplete {
    if (workflow.success) log.info "infera: results in ${params.outdir}/ (" +
        (params.method == 'sally' ? "sally/summary/summary.md is the summary table)" : "fit/benchmarks.md is the summary table)")
}
