#!/usr/bin/env nextflow
/*
 * infera: learned summary statistics judged by the final statistical inference.
 *
 *   events (simulated in shards, generated, or given) → the analysis workflow, for each replica (an
 *   independent simulation and training); its results report the median over replicas:
 *     binned (workflows/binned): augment → train (one model per statistic) → shift → fit
 *     score  (workflows/score):  augment at θ → train SALLY → Fisher information, limits → summary
 *
 * Default analysis: the INFERNO paper problem; the cross-entropy classifier and INFERNO trained on
 * benchmark 4, beside the analytic limit. `-params-file params/<analysis>.yaml` picks another,
 * `-profile test` runs it on tiny data.
 */
nextflow.enable.dsl = 2

include { EVENTS } from './subworkflows/events'
include { BINNED } from './workflows/binned'
include { SCORE  } from './workflows/score'

// Every parameter checked against nextflow_schema.json before any task starts (names, types, allowed
// values); --help prints them from the same file.
def schema = new ParamsSchema(new File("${projectDir}/nextflow_schema.json"))
if (params.help) {
    println schema.help(params.help)
    exit 0
}
def problems = schema.problems(params) + StatisticsParam.problems(params, projectDir.toFile())
if (problems) {
    error("infera: invalid parameters (./nextflow run main.nf --help lists them):\n  " + problems.join('\n  '))
}

workflow {
    // the analysis definition: a path as given, else relative to the project (params files name params/analysis/…)
    analysis = file(params.analysis)
    if (!analysis.exists()) analysis = file("${projectDir}/${params.analysis}", checkIfExists: true)

    // meta.id, the run's name in task tags: the model (or 'external') for the score method, else the analysis
    score = params.method == 'sally'
    EVENTS(score ? params.model : analysis.baseName, score ? 'external' : analysis.baseName)
    if (score) {
        SCORE(EVENTS.out.replicas, analysis)
        ch_versions = SCORE.out.versions
    } else {
        BINNED(EVENTS.out.shards, analysis)
        ch_versions = BINNED.out.versions
    }

    // every step's versions, once each
    EVENTS.out.versions.mix(ch_versions)
        .map { f -> f.text }
        .unique()
        .collectFile(name: 'versions.yml', storeDir: "${params.outdir}/pipeline_info", sort: true)
}

workflow.onComplete {
    if (!workflow.success) return
    ResultsReadme.write(params, file(params.outdir), projectDir, launchDir, workflow.profile)
    def summary = params.method == 'sally' ? 'sally/summary/summary.md' : 'fit/benchmarks.md'
    log.info "infera: results in ${params.outdir}/ (${summary} is the summary table)" +
        "; README.md lists the files, params.json the parameters"
}
