package org.infera.fit.histfactory;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.infera.fit.FitCli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Toy-based hypotest and upper-limit on pyhf's README example, and the shards of a run: written in any split,
 * merged in any order, they give the same bytes (HDF5) and the same JSON as the run computed in one go.
 */
class ToyCommandsTest {
    static final String W = WorkspaceCommandsTest.README.toString();

    @TempDir
    Path dir;

    private FitCli.Result shard(String command, String range, String name, String... extra) {
        String[] base = {command, "--workspace", W, "--calculator", "toys", "--toys", "300", "--seed", "7"};
        String[] tail = {"--toy-range", range, "--out", dir.resolve(name).toString()};
        String[] args = new String[base.length + extra.length + tail.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        System.arraycopy(tail, 0, args, base.length + extra.length, tail.length);
        return FitCli.run(args);
    }

    @Test
    void mergedShardsAreTheUnshardedRunByteForByte() throws Exception {
        Path whole = dir.resolve("whole.h5");
        FitCli.Result one = FitCli.run(
                "hypotest",
                "--workspace",
                W,
                "--calculator",
                "toys",
                "--toys",
                "300",
                "--seed",
                "7",
                "--out",
                whole.toString());
        assertEquals(0, one.code(), one.err());
        assertEquals(0, shard("hypotest", "0:120", "a.h5").code());
        assertEquals(0, shard("hypotest", "200:100", "c.h5").code());
        assertEquals(0, shard("hypotest", "120:80", "b.h5").code());
        Path merged = dir.resolve("merged.h5");
        FitCli.Result m = FitCli.run(
                "toys-merge",
                dir.resolve("c.h5").toString(),
                dir.resolve("a.h5").toString(),
                dir.resolve("b.h5").toString(),
                "--out",
                merged.toString());
        assertEquals(0, m.code(), m.err());
        assertEquals(one.json(), m.json());
        assertEquals(one.json().toPrettyString(), m.json().toPrettyString());
        assertArrayEquals(Files.readAllBytes(whole), Files.readAllBytes(merged));
        JsonNode j = one.json();
        assertEquals(300, j.get("toys").asInt());
        assertTrue(j.get("cls_obs_mc_error").asDouble() > 0);
        assertEquals(
                j.get("clsb").asDouble() / j.get("clb").asDouble(),
                j.get("cls_obs").asDouble(),
                1e-15);
    }

    @Test
    void shardsOfDifferentRunsOrOverlappingRangesAreRefused() throws Exception {
        assertEquals(0, shard("hypotest", "0:150", "a.h5").code());
        assertEquals(0, shard("hypotest", "100:200", "overlap.h5").code());
        assertEquals(0, shard("hypotest", "150:150", "b.h5").code());
        FitCli.Result overlap = FitCli.run(
                "toys-merge",
                dir.resolve("a.h5").toString(),
                dir.resolve("overlap.h5").toString());
        assertEquals(2, overlap.code());
        assertTrue(overlap.err().contains("overlap"), overlap.err());
        FitCli.Result gap = FitCli.run("toys-merge", dir.resolve("b.h5").toString());
        assertEquals(2, gap.code());
        assertTrue(gap.err().contains("[0, 150)") && gap.err().contains("no shard"), gap.err());
        Path other = dir.resolve("other.json");
        Files.writeString(other, Files.readString(Path.of(W)).replace("51.0", "52.0"));
        FitCli.Result o = FitCli.run(
                "hypotest",
                "--workspace",
                other.toString(),
                "--calculator",
                "toys",
                "--toys",
                "300",
                "--seed",
                "7",
                "--toy-range",
                "150:150",
                "--out",
                dir.resolve("o.h5").toString());
        assertEquals(0, o.code(), o.err());
        FitCli.Result mixed = FitCli.run(
                "toys-merge",
                dir.resolve("a.h5").toString(),
                dir.resolve("o.h5").toString());
        assertEquals(2, mixed.code());
        assertTrue(mixed.err().contains("workspace_sha256") && mixed.err().contains("o.h5"), mixed.err());
    }

    @Test
    void toyUpperLimitBracketsTheAsymptoticOne() throws Exception {
        FitCli.Result r = FitCli.run(
                "upper-limit",
                "--workspace",
                W,
                "--calculator",
                "toys",
                "--toys",
                "400",
                "--seed",
                "3",
                "--scan",
                "0.2:2.2:11");
        assertEquals(0, r.code(), r.err());
        JsonNode j = r.json();
        assertEquals(11, j.get("scan").size());
        assertEquals(11, j.get("cls_obs").size());
        // the asymptotic observed limit is 1.0116; toys of this small example give a nearby crossing
        double obs = j.get("obs").asDouble(), err = j.get("obs_mc_error").asDouble();
        assertTrue(err > 0 && err < 0.2, j.toString());
        assertTrue(Math.abs(obs - 1.0116) < 0.3, j.toString());
        assertEquals(5, j.get("exp").size());
    }
}
