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

// Every parameter checked against nextflow_schema.json before any task starts (names, types, allowed
// values); --help prints them from the same file.
def schema = new ParamsSchema(new File("${projectDir}/nextflow_schema.json"))
if (params.help) {
    println schema.help(params.help)
    exit 0
}
def problems = schema.problems(params) + statisticsProblems()
if (problems) error("infera: invalid parameters (./nextflow run main.nf --help lists them):\n  " + problems.join('\n  '))

/** Edit distance, for "did you mean". */
def levenshtein(String a, String b) {
    def d = (0..b.length()).collect { it }
    for (int i = 1; i <= a.length(); i++) {
        def next = [i]
        for (int j = 1; j <= b.length(); j++) next << [next[j - 1] + 1, d[j] + 1, d[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)].min()
        d = next
    }
    return d[b.length()]
}

/** Each statistic is classifier, inferno_bm<k> or neos_bm<k>, and k a benchmark of the analysis definition. */
def statisticsProblems() {
    if (params.method != 'binned' || !(params.statistics instanceof CharSequence) || !(params.analysis instanceof CharSequence)) return []
    def f = new File(params.analysis)
    if (!f.exists()) f = new File("${projectDir}/${params.analysis}")
    if (!f.exists()) return ["--analysis: no such file: ${params.analysis}"]
    def benchmarks = (new groovy.json.JsonSlurper().parse(f).benchmarks ?: []).size()
    def known = ['classifier', 'inferno_bm0', 'neos_bm0']
    def misspelt = params.statistics.tokenize(',')*.trim().findAll { !(it ==~ /classifier|(inferno|neos)_bm\d+/) }.collect { s ->
        def nearest = known.min { k -> levenshtein(s, k) }
        "--statistics: '${s}' is no statistic" + (levenshtein(s, nearest) <= 3 ? "; did you mean '${nearest.replace('bm0', 'bm<k>')}'?" : '')
    }
    return misspelt + params.statistics.tokenize(',')*.trim().findAll { (it =~ /_bm(\d+)$/).with { m -> m.find() && (m.group(1) as int) >= benchmarks } }
        .collect { "--statistics: '${it}' names benchmark ${(it =~ /_bm(\d+)$/)[0][1]}, but ${f.name} has benchmarks 0..${benchmarks - 1}" }
}

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
    if (!workflow.success) return
    writeResultsReadme()
    log.info "infera: results in ${params.outdir}/ (" +
        (params.method == 'sally' ? "sally/summary/summary.md is the summary table)" : "fit/benchmarks.md is the summary table)") +
        "; README.md lists the files, params.json the parameters"
}

/**
 * results/params.json (every parameter of the run) and results/README.md (what the run was and each
 * file it published): no timestamps and no absolute paths of the project, so results stay byte-identical
 * between runs; the timestamped reports are in pipeline_info/.
 */
def writeResultsReadme() {
    def out = file(params.outdir)
    def relative = { v -> v instanceof CharSequence ? v.toString().replace("${projectDir}/", '').replace("${launchDir}/", '') : v }
    def shown = new TreeMap(params.findAll { k, v -> !k.contains('-') && !(k ==~ /.*[A-Z].*/) && k != 'help' }.collectEntries { k, v -> [k, relative(v)] })
    out.resolve('params.json').text = groovy.json.JsonOutput.prettyPrint(groovy.json.JsonOutput.toJson(shown)) + '\n'
    def files = []
    out.eachFileRecurse(groovy.io.FileType.FILES) { f ->
        def name = out.relativize(f).toString()
        if (!name.startsWith('pipeline_info/') && !(name in ['README.md', 'params.json'])) files << name
    }
    def tiny = workflow.profile.tokenize(',').contains('test')
    def text = new StringBuilder()
    text << "# infera results\n\n"
    text << "Method `${params.method}`" + (params.method == 'binned' ? ", statistics `${params.statistics}`" : ", θ = `${params.theta}`") +
        ", ${params.events_files ? 'external events' : "${params.events} simulated events per process"}, ${params.replicas} replica(s), seed ${params.seed}. " +
        "Every parameter is in `params.json`; `-params-file params.json` runs the same analysis again.\n\n"
    if (tiny) text << "**This is the test profile: tiny data and short trainings, a check that the pipeline runs, not a physics result.** " +
        "INFERNO in particular is undertrained here and does worse than the classifier; the default analysis reproduces the paper's table.\n\n"
    text << "Summary: `" + (params.method == 'sally' ? 'sally/summary/summary.md' : 'fit/benchmarks.md') + "`. Run reports, trace and versions: `pipeline_info/`.\n\n"
    text << "## Files\n\n"
    files.sort().groupBy { it.contains('/') ? it.substring(0, it.indexOf('/')) : '.' }.each { dir, names ->
        text << "- `${dir}/`: ${names.size()} file(s)" + (names.size() <= 12 ? ': ' + names.collect { "`${it.substring(dir == '.' ? 0 : dir.length() + 1)}`" }.join(', ') : '') + "\n"
    }
    out.resolve('README.md').text = text.toString()
}
