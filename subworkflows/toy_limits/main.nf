// Toy-based CLs upper limits of every workspace the fit exported (--toys N per hypothesis, 0: off): the toys
// of each workspace split into tasks of --toys_per_task (TOYS), merged per workspace (TOYS_MERGE) beside its
// asymptotic limits, and one table of both (toys/limits_toys.csv).
include { TOYS; TOYS_MERGE } from '../../modules/toys'

workflow TOY_LIMITS {
    take:
    ch_fit   // the fit/ directory of the FIT task (its workspaces/*.json)

    main:
    int n = params.toys as int
    int per = params.toys_per_task as int
    // [first, count] of every shard: the same split for every workspace, from the parameters alone
    def ranges = (0..<((n + per - 1).intdiv(per))).collect { k -> [k * per, Math.min(per, n - k * per)] }
    ch_workspaces = ch_fit
        .flatMap { dir -> files("${dir}/workspaces/*.json").sort { it.name } }
        .map { w -> [[id: w.baseName], w] }
    TOYS(ch_workspaces.flatMap { meta, w -> ranges.collect { r -> [meta, w, r[0], r[1]] } })

    // every shard of a workspace, in toy order (a task's hash never depends on which shard finished first)
    ch_shards = TOYS.out.shard
        .map { meta, f -> [meta.id, f] }
        .groupTuple(size: ranges.size())
        .map { id, fs -> [id, fs.sort { f -> (f.name =~ /_toys_(\d+)\.h5$/)[0][1] as long }] }
    TOYS_MERGE(ch_workspaces.map { meta, w -> [meta.id, meta, w] }
        .join(ch_shards)
        .map { id, meta, w, fs -> [meta, w, fs] })

    // one row per workspace: toy-based limits with their Monte Carlo errors, and the asymptotic ones
    TOYS_MERGE.out.limits
        .map { meta, toys, asymptotic -> ToyTable.row(meta.id, toys, asymptotic) }
        .collectFile(name: 'limits_toys.csv', storeDir: "${params.outdir}/toys", seed: ToyTable.HEADER,
            newLine: true, sort: true)

    emit:
    versions = TOYS.out.versions.mix(TOYS_MERGE.out.versions)
}
