#!/usr/bin/env nextflow
/*
 * infera: learned summary statistics judged by the final statistical inference.
 *
 *   simulate (N shards) → augment → train (one model per statistic) → shift → fit
 *
 * Default analysis: the INFERNO paper problem with the cross-entropy classifier;
 * `-params-file params/<analysis>.yaml` picks another, `-profile test` runs it on tiny data.
 */
nextflow.enable.dsl = 2

include { SIMULATE } from './modules/simulate'
include { AUGMENT  } from './modules/augment'
include { TRAIN    } from './modules/train'
include { SHIFT    } from './modules/shift'
include { FIT      } from './modules/fit'

workflow {
    analysis = file(params.analysis, checkIfExists: true)
    run_meta = [id: analysis.baseName, model: params.model, seed: params.seed, events: params.events,
               shards: params.shards, fractions: params.fractions]

    // 1. Simulate: independent shards, each seeded from the run seed and its index.
    SIMULATE(Channel.of(0..<(params.shards as int)).map { i -> run_meta + [shard: i] })

    // 2. Augment: all shards (sorted, so the task hash never depends on finishing order) into one samples file.
    ch_shards = SIMULATE.out.events.map { meta, events -> events }.toSortedList { a, b -> a.name <=> b.name }
    AUGMENT(ch_shards.map { events -> [run_meta, events] })

    // 3. Train one model per summary statistic.
    ch_statistics = Channel.fromList(params.statistics.tokenize(',')*.trim())
        .map { s -> [statistic: s, kind: s] }
    TRAIN(AUGMENT.out.samples.combine(ch_statistics).map { meta, samples, stat -> [meta + stat, samples] })

    // 4. Shift: templates of each statistic, nominal and with every nuisance at its up and down values.
    ch_samples = AUGMENT.out.samples.map { meta, f -> f }
    SHIFT(TRAIN.out.model.combine(ch_samples), analysis)

    // 5. Fit: every statistic on every benchmark, in one table.
    ch_templates = SHIFT.out.templates
        .map { meta, t -> [meta.statistic, t] }
        .toSortedList { a, b -> a[0] <=> b[0] }
        .map { pairs -> [pairs.collect { it[0] }, pairs.collect { it[1] }] }
    FIT(ch_templates, analysis)

    SIMULATE.out.versions.mix(AUGMENT.out.versions, TRAIN.out.versions, SHIFT.out.versions, FIT.out.versions)
        .map { f -> f.text }
        .unique()
        .collectFile(name: 'versions.yml', storeDir: "${params.outdir}/pipeline_info", sort: true)
}

workflow.onComplete {
    if (workflow.success) log.info "infera: results in ${params.outdir}/ (fit/benchmarks.md is the summary table)"
}
