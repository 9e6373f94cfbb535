package org.infera.core.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.infera.core.cli.InputException;

/** The files of one run's shards, as every step reads them. */
public final class RunFiles {
    private RunFiles() {}

    /**
     * The files in file-name order (shard_00000, shard_00001, …), whatever order they were given in,
     * so results never depend on how a shell or a workflow engine listed them.
     */
    public static List<Path> inNameOrder(List<Path> files) {
        requireDistinct(files);
        List<Path> sorted = new ArrayList<>(files);
        sorted.sort(Comparator.comparing(p -> p.getFileName().toString()));
        return sorted;
    }

    /** Fails (exit 2) when one file is given twice (by the same or another name, or through a link). */
    public static void requireDistinct(List<Path> files) {
        for (int i = 0; i < files.size(); i++) {
            for (int j = 0; j < i; j++) {
                if (same(files.get(i), files.get(j))) {
                    throw new InputException.Mismatch(
                            files.get(i),
                            null,
                            "given twice (also as " + files.get(j) + "); each shard of a run must be given once");
                }
            }
        }
    }

    private static boolean same(Path a, Path b) {
        if (a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize())) return true;
        try {
            return Files.exists(a) && Files.exists(b) && Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }
}
