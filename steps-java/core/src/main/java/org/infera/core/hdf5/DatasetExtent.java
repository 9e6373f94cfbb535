package org.infera.core.hdf5;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.api.dataset.ChunkedDataset;
import io.jhdf.api.dataset.ContiguousDataset;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.infera.core.cli.InputException;

/** Checks, before a dataset is read, that its bytes can lie inside the file (H5Input's truncation guard). */
final class DatasetExtent {
    private static final long UNDEFINED_ADDRESS = -1L;

    /**
     * The largest ratio of a compressed dataset's bytes to the file's: deflate's (gzip, h5py's compression)
     * cannot do better than about 1032 to 1. A corrupt shape beyond it would have jhdf allocate and fill
     * arrays of that size from a few bytes (seconds and gigabytes).
     */
    private static final long MAX_COMPRESSION = 1032;

    private DatasetExtent() {}

    /**
     * The dataset's stored bytes lie inside the file (the pure-Java reader would read zeros past the end,
     * or map huge regions for a corrupt shape): contiguous data and every chunk end before the file does,
     * and uncompressed data are no larger than the file.
     */
    static void check(Dataset d, String field, Path path, HdfFile file, long size) {
        long base;
        long bytes;
        try {
            base = file.getHdfBackingStorage().getSuperblock().getBaseAddressByte();
            long elements = 1;
            for (int n : d.getDimensions()) {
                if (n < 0)
                    throw new InputException.Shape(
                            path, field, "negative extent in shape " + Arrays.toString(d.getDimensions()));
                elements = Math.multiplyExact(elements, (long) n);
            }
            if (elements > Integer.MAX_VALUE - 8) {
                throw new InputException.Shape(
                        path,
                        field,
                        "shape " + Arrays.toString(d.getDimensions()) + " has more elements than a Java array holds");
            }
            bytes = d.isVariableLength()
                    ? 0
                    : Math.multiplyExact(elements, (long) d.getDataType().getSize());
        } catch (ArithmeticException e) {
            throw new InputException.Shape(path, field, "shape " + Arrays.toString(d.getDimensions()) + " overflows");
        } catch (InputException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new InputException.FileProblem(
                    path, field, "corrupt header (corrupt or truncated file?): " + H5Input.reason(e));
        }
        boolean filtered;
        try {
            filtered = !d.getFilters().isEmpty();
        } catch (RuntimeException e) {
            filtered = true;
        }
        if (!filtered && bytes > size) {
            throw new InputException.Truncated(
                    path, field, "its " + bytes + " bytes of data cannot fit in the file's " + size + " bytes");
        }
        if (filtered && bytes / MAX_COMPRESSION > size) {
            throw new InputException.Shape(
                    path,
                    field,
                    "shape " + Arrays.toString(d.getDimensions()) + " holds " + bytes
                            + " bytes, more than compressed data in a " + size + "-byte file can (" + MAX_COMPRESSION
                            + " times its size at most)");
        }
        if (d instanceof ContiguousDataset c && bytes > 0) {
            long address;
            try {
                address = c.getDataAddress();
            } catch (RuntimeException e) {
                throw new InputException.FileProblem(path, field, "corrupt data layout: " + H5Input.reason(e));
            }
            if (address >= 0 && address != UNDEFINED_ADDRESS && base + address + bytes > size) {
                throw new InputException.Truncated(
                        path,
                        field,
                        "its data end at byte " + (base + address + bytes) + " of a " + size + "-byte file");
            }
        }
        if (d instanceof ChunkedDataset) {
            List<long[]> chunks;
            try {
                chunks = Chunks.addressesAndSizes(d);
            } catch (RuntimeException e) {
                throw new InputException.FileProblem(
                        path, field, "corrupt chunk index (corrupt or truncated file?): " + H5Input.reason(e));
            }
            for (long[] chunk : chunks) {
                if (base + chunk[0] + chunk[1] > size || chunk[0] < 0) {
                    throw new InputException.Truncated(
                            path,
                            field,
                            "a chunk ends at byte " + (base + chunk[0] + chunk[1]) + " of a " + size + "-byte file");
                }
            }
        }
    }
}
