package org.infera.core.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The files of one run's shards, as every step reads them. */
public final class RunFiles {
    private RunFiles() {}

    /**
     * The files in file-name order (shard_00000, shard_00001, …), whatever order they were given in,
     * so results never depend on how a shell or a workflow engine listed them.
     */
    public static List<Path> inNameOrder(List<Path> files) {
        List<Path> sorted = new ArrayList<>(files);
        sorted.sort(Comparator.comparing(p -> p.getFileName().toString()));
        return sorted;
    }
}
