package org.infera.core.hdf5;

import io.jhdf.api.Dataset;
import io.jhdf.dataset.chunked.Chunk;
import io.jhdf.dataset.chunked.ChunkedDatasetBase;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Where a chunked dataset's chunks lie in the file (jhdf keeps its chunk index to itself). */
final class Chunks {
    private static final Method LOOKUP;

    static {
        Method m = null;
        try {
            m = ChunkedDatasetBase.class.getDeclaredMethod("getChunkLookup");
            m.setAccessible(true);
        } catch (ReflectiveOperationException | RuntimeException e) {
            // an other jhdf: the file size and superblock checks remain
        }
        LOOKUP = m;
    }

    private Chunks() {}

    /** {address, stored size} of every chunk, or none when the index is not reachable. */
    static List<long[]> addressesAndSizes(Dataset d) {
        List<long[]> out = new ArrayList<>();
        if (LOOKUP == null || !(d instanceof ChunkedDatasetBase)) return out;
        Map<?, ?> lookup;
        try {
            lookup = (Map<?, ?>) LOOKUP.invoke(d);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("chunk index cannot be read: " + e.getCause(), e.getCause());
        }
        for (Object c : lookup.values()) out.add(new long[] {((Chunk) c).getAddress(), ((Chunk) c).getSize()});
        return out;
    }
}
