// The events of every replica, whichever way they come: simulated by infera-simulate, made by the user's
// generator (--generator) and validated, or given as files (--events_files: one replica).
include { SIMULATE        } from '../../modules/simulate'
include { GENERATE        } from '../../modules/generate'
include { VALIDATE_EVENTS } from '../../modules/validate_events'
include { GATHER_SHARDS   } from '../gather_shards'

workflow EVENTS {
    take:
    id            // the run's name in meta.id (task tags) when simulated
    external_id   // and when given as files

    main:
    if (params.events_files) {
        // One replica of the given files instead of a simulation; AUGMENT validates them, so a bad file
        // stops the run before any training.
        ch_replicas = Channel.fromPath(params.events_files, checkIfExists: true)
            .toSortedList { a, b -> a.name <=> b.name }
            .map { files ->
                [[id: external_id, model: 'external', events: 0, shards: files.size(), fractions: params.fractions,
                  replica: 0, seed: Seeds.replica(params.seed, 0)], files] }
        ch_shards = ch_replicas.flatMap { meta, files -> files.withIndex().collect { f, i -> [meta + [shard: i], f] } }
        ch_versions = Channel.empty()
    } else {
        // Replicas: independent simulations and trainings, each of params.shards shards seeded from the
        // replica's seed and the shard's index.
        ch_tasks = Channel.of(0..<(params.replicas as int))
            .map { k ->
                [id: id, model: params.model, events: params.events, shards: params.shards, fractions: params.fractions,
                 replica: k, seed: Seeds.replica(params.seed, k)] }
            .flatMap { meta -> (0..<(params.shards as int)).collect { i -> meta + [shard: i] } }
        if (params.generator) {
            // the user's generator runs in its own image (no infera there); infera's image validates its output
            GENERATE(ch_tasks)
            VALIDATE_EVENTS(GENERATE.out.events)
            ch_made = VALIDATE_EVENTS.out
        } else {
            SIMULATE(ch_tasks)
            ch_made = SIMULATE.out
        }
        ch_shards = ch_made.events
        GATHER_SHARDS(ch_shards)
        ch_replicas = GATHER_SHARDS.out.replicas
        ch_versions = ch_made.versions
    }

    emit:
    shards   = ch_shards     // [meta with shard, events file]: each shard on its own
    replicas = ch_replicas   // [meta, events files]: all shards of a replica, sorted by name
    versions = ch_versions
}
