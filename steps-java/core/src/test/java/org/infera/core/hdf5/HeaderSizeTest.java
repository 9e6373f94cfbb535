package org.infera.core.hdf5;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import org.infera.core.cli.InputException;
import org.infera.core.data.MadMinerEventFile;
import org.infera.core.data.ScoreSamplesFile;
import org.infera.core.data.TestSamplesFile;
import org.junit.jupiter.api.Test;

/**
 * Files whose headers give a size of gigabytes (inputs the fuzzer found): refused as input errors without
 * allocating that size, which ended the JVM with OutOfMemoryError or took seconds.
 */
class HeaderSizeTest {
    private static final long MAX_BYTES = 64L << 20;

    @Test
    void aHeaderSizeBeyondMemoryIsAnInputErrorWithoutAllocatingIt() throws Exception {
        Path file = resource("TestSamplesFileFuzzTestInputs/read/finding-header-size-beyond-memory");
        long allocated = allocatedBy(() -> assertThrows(InputException.class, () -> TestSamplesFile.read(file)));
        assertTrue(allocated < MAX_BYTES, "reading allocated " + allocated + " bytes");
    }

    @Test
    void aHeaderSizeJustBelowMemoryIsAnInputErrorWithoutAllocatingIt() throws Exception {
        Path file = resource("ScoreSamplesFileFuzzTestInputs/read/finding-header-size-near-memory");
        long allocated = allocatedBy(() -> assertThrows(InputException.class, () -> ScoreSamplesFile.read(file)));
        assertTrue(allocated < MAX_BYTES, "reading allocated " + allocated + " bytes");
    }

    @Test
    void aCompressedShapeBeyondWhatTheFileCanHoldIsAnInputErrorWithoutAllocatingIt() throws Exception {
        Path file = resource("MadMinerEventFileFuzzTestInputs/read/finding-compressed-shape-beyond-file");
        long allocated = allocatedBy(() -> {
            InputException e = assertThrows(InputException.class, () -> MadMinerEventFile.read(file));
            assertTrue(e.getMessage().contains("dataset 'morphing/components': shape [16777210, 2]"), e.getMessage());
        });
        assertTrue(allocated < MAX_BYTES, "reading allocated " + allocated + " bytes");
    }

    private static Path resource(String name) throws Exception {
        return Path.of(HeaderSizeTest.class
                .getResource("/org/infera/core/data/" + name)
                .toURI());
    }

    /** Heap bytes this thread allocates while running {@code r}. */
    private static long allocatedBy(Runnable r) {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().getId();
        long before = threads.getThreadAllocatedBytes(id);
        r.run();
        return threads.getThreadAllocatedBytes(id) - before;
    }
}
