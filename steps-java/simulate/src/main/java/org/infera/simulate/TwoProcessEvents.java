package org.infera.simulate;

import java.util.function.Function;
import org.infera.core.cli.Progress;
import org.infera.core.data.EventsFile;
import org.infera.core.random.Rng;

/** Unweighted events of a model with a signal and a background process, as an infera events file. */
final class TwoProcessEvents {
    private TwoProcessEvents() {}

    /**
     * perProcess events of each process, signal first. Independent streams per process: adding background
     * events never changes the signal ones.
     */
    static EventsFile simulate(
            ShardOptions o,
            int perProcess,
            String model,
            String[] features,
            String[] processes,
            double[] yields,
            Function<Rng, double[]> signal,
            Function<Rng, double[]> background) {
        int n = 2 * perProcess;
        double[][] observations = new double[n][];
        long[] process = new long[n];
        Rng signalRng = new Rng(Rng.derivedSeed(o.shardSeed(), 0));
        Rng backgroundRng = new Rng(Rng.derivedSeed(o.shardSeed(), 1));
        try (Progress progress = new Progress("simulate", n, "events")) {
            for (int i = 0; i < perProcess; i++) {
                observations[i] = signal.apply(signalRng);
                process[i] = 0;
                if ((i & 0xffff) == 0xffff) progress.step(0x10000);
            }
            for (int i = 0; i < perProcess; i++) {
                observations[perProcess + i] = background.apply(backgroundRng);
                process[perProcess + i] = 1;
                if ((i & 0xffff) == 0xffff) progress.step(0x10000);
            }
        }
        return new EventsFile(model, o.seed.seed, features.clone(), processes.clone(), yields, observations, process);
    }

    /** Writes the file and says so on stderr. */
    static int write(EventsFile file, ShardOptions o, int perProcess) {
        file.write(o.out);
        System.err.printf(
                "infera-simulate: wrote %d events (%d per process, shard %d of %d) to %s%n",
                file.size(), perProcess, o.shard, o.shards, o.out);
        return 0;
    }
}
