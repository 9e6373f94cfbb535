package org.infera.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The test profile with toy-based limits (--toys 200 --toys_per_task 50): every exported workspace's toys run as
 * four shard tasks and are merged; a lost shard (its work directory removed, as a killed task leaves none) is the
 * only toy task -resume re-runs; and the toys in one task per workspace (--toys_per_task 200) publish the same bytes.
 */
class ToysPipelineIT {
    @TempDir
    static Path tmp;

    private static int run(Path launch, Path outdir, String... extra) throws Exception {
        List<String> args =
                new ArrayList<>(List.of("-profile", "test", "--outdir", outdir.toString(), "--toys", "200"));
        // one statistic and no diagnostics: the toys are what this test is about, and CI's time is short
        args.addAll(List.of("--statistics", "classifier", "--diagnostics", "false"));
        args.addAll(List.of(extra));
        return NextflowRun.run(launch, args.toArray(String[]::new));
    }

    /** Every file published in toys/, by name. */
    private static Map<String, byte[]> toys(Path outdir) throws Exception {
        Map<String, byte[]> out = new TreeMap<>();
        try (Stream<Path> files = Files.list(outdir.resolve("toys"))) {
            for (Path f : (Iterable<Path>) files::iterator)
                out.put(f.getFileName().toString(), Files.readAllBytes(f));
        }
        return out;
    }

    @Test
    void shardedToysResumeShardByShardAndMergeToTheSingleTaskBytes() throws Exception {
        Path launch = tmp.resolve("run"), outdir = launch.resolve("results");
        assertEquals(0, run(launch, outdir, "--toys_per_task", "50"), NextflowRun.console(launch));
        Map<String, List<String>> trace = NextflowRun.trace(outdir);
        int workspaces = trace.get("TOYS_MERGE").size();
        assertTrue(workspaces >= 1, trace.toString());
        assertEquals(4 * workspaces, trace.get("TOYS").size(), trace.toString());
        Map<String, byte[]> sharded = toys(outdir);
        String table = new String(sharded.get("limits_toys.csv"));
        assertEquals(1 + workspaces, table.strip().split("\n").length, table);
        for (String row : table.strip().split("\n")) assertEquals(20, row.split(",", -1).length, row);

        // a shard lost in a kill: only it runs again (and the merge of its workspace); the results are the same
        Path lost;
        try (Stream<Path> dirs = Files.walk(launch.resolve("work"), 2)) {
            lost = dirs.filter(d -> Files.isRegularFile(d.resolve(".command.sh")))
                    .filter(d -> read(d.resolve(".command.sh")).contains("--toy-range 50:50"))
                    .findFirst()
                    .orElseThrow();
        }
        try (Stream<Path> files = Files.walk(lost)) {
            files.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        }
        assertEquals(0, run(launch, outdir, "--toys_per_task", "50", "-resume"), NextflowRun.console(launch));
        trace = NextflowRun.trace(outdir);
        List<String> shards = trace.get("TOYS");
        assertEquals(1, shards.stream().filter(s -> s.equals("COMPLETED")).count(), shards.toString());
        assertEquals(
                4 * workspaces - 1,
                shards.stream().filter(s -> s.equals("CACHED")).count(),
                shards.toString());
        for (String p : List.of("SIMULATE", "AUGMENT", "TRAIN", "SHIFT", "FIT")) {
            trace.get(p).forEach(s -> assertEquals("CACHED", s, p));
        }
        Map<String, byte[]> resumed = toys(outdir);
        assertEquals(sharded.keySet(), resumed.keySet());
        for (String name : sharded.keySet()) assertArrayEquals(sharded.get(name), resumed.get(name), name);

        // the same toys in one task per workspace
        Path single = launch.resolve("single");
        assertEquals(0, run(launch, single, "--toys_per_task", "200", "-resume"), NextflowRun.console(launch));
        trace = NextflowRun.trace(single);
        assertEquals(workspaces, trace.get("TOYS").size(), trace.toString());
        trace.get("TOYS").forEach(s -> assertEquals("COMPLETED", s));
        Map<String, byte[]> one = toys(single);
        assertEquals(sharded.keySet(), one.keySet());
        for (String name : sharded.keySet()) assertArrayEquals(sharded.get(name), one.get(name), name);
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
