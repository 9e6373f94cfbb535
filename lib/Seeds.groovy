/**
 * The seeds of a run, asked for in one place. Replica k of a run with seed s is simulated and trained
 * with seed s + 1000 k (the rule lives here alone); a shard's seed is derived by the Java side
 * (Rng.derivedSeed), which infera-simulate applies to its own shards and prints for an external one.
 */
class Seeds {
    /** The seed of replica k: replicas are independent simulations and trainings. */
    static long replica(Object seed, int k) {
        return (seed as long) + 1000L * k
    }

    /**
     * The seed an external generator is given for one shard, printed by infera-simulate (bin/ of the
     * project, on the machine that runs Nextflow): the generator's own image needs no Java.
     */
    static long shard(String simulate, long seed, int shard, int shards) {
        def command = [simulate, 'seed', '--seed', "${seed}", '--shard', "${shard}", '--shards', "${shards}"]
        def process = command*.toString().execute()
        def out = new StringBuilder(), err = new StringBuilder()
        process.waitForProcessOutput(out, err)
        if (process.exitValue() != 0) {
            throw new IllegalStateException("infera: ${command.join(' ')} failed (exit ${process.exitValue()}): ${err}")
        }
        return out.toString().trim() as long
    }

    /**
     * The seed of a replica's further simulations beside its events, by purpose: 'samples' (score samples simulated
     * directly, the Gaussian toy) and 'pseudo' (the fresh events of its pseudo-experiments). Offsets below 1000, so
     * they never meet another replica's seed.
     */
    static long simulation(Object replicaSeed, String purpose) {
        def offset = [samples: 1L, pseudo: 2L][purpose]
        if (offset == null) throw new IllegalArgumentException("infera: no seed for '${purpose}'")
        return (replicaSeed as long) + offset
    }
}
