package org.infera.core.hdf5;

import io.jhdf.HdfFile;
import io.jhdf.api.Attribute;
import io.jhdf.api.Dataset;
import io.jhdf.api.Node;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import org.infera.core.cli.InputException;

/**
 * A validating reader of one HDF5 file. Every accessor checks that the dataset exists, has the
 * expected rank, shape and kind of values, and holds only finite numbers; each failure is an
 * {@link InputException} that names the file, the dataset and what was wrong.
 */
public final class H5Input implements AutoCloseable {
    private static final byte[] SIGNATURE = {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n'};

    /** The smallest HDF5 file: a version 2 superblock (48 bytes) and a root object header. */
    private static final long MIN_SIZE = 48;

    private final Path path;
    private final HdfFile file;
    private final long size;

    private H5Input(Path path, HdfFile file, long size) {
        this.path = path;
        this.file = file;
        this.size = size;
    }

    /** Opens a file and checks that it is HDF5 written in the given infera format (if not null). */
    public static H5Input open(Path path, String expectedFormat, long maxVersion) {
        H5Input in = openAny(path);
        if (expectedFormat != null) {
            String format = in.hasAttribute("", H5Output.FORMAT_ATTRIBUTE)
                    ? in.stringAttribute("", H5Output.FORMAT_ATTRIBUTE)
                    : null;
            if (format == null) {
                in.close();
                throw new InputException.FileProblem(
                        path,
                        "attribute '" + H5Output.FORMAT_ATTRIBUTE + "'",
                        "not an infera '" + expectedFormat + "' file (root attribute '" + H5Output.FORMAT_ATTRIBUTE
                                + "' is missing)");
            }
            if (!format.equals(expectedFormat)) {
                in.close();
                throw new InputException.FileProblem(
                        path,
                        "attribute '" + H5Output.FORMAT_ATTRIBUTE + "'",
                        "expected an infera '" + expectedFormat + "' file, found a '" + format + "' file");
            }
            long version = in.longAttribute("", H5Output.VERSION_ATTRIBUTE);
            if (version < 1 || version > maxVersion) {
                in.close();
                throw new InputException.FileProblem(
                        path,
                        "attribute '" + H5Output.VERSION_ATTRIBUTE + "'",
                        "format version " + version + " of '" + format
                                + "' is not supported (this infera reads versions 1.." + maxVersion + ")");
            }
        }
        return in;
    }

    /** Opens any HDF5 file (for example a MadMiner file), checking only that it is HDF5. */
    public static H5Input openAny(Path path) {
        if (!Files.isRegularFile(path)) throw new InputException.FileProblem(path, null, "file not found");
        if (!Files.isReadable(path)) throw new InputException.FileProblem(path, null, "file is not readable");
        try (InputStream s = Files.newInputStream(path)) {
            byte[] head = s.readNBytes(SIGNATURE.length);
            if (!Arrays.equals(head, SIGNATURE)) {
                if (head.length < SIGNATURE.length)
                    throw new InputException.Truncated(
                            path, "signature", "the file is empty or shorter than the HDF5 signature");
                throw new InputException.FileProblem(
                        path, "signature", "not an HDF5 file (the HDF5 signature is missing)");
            }
        } catch (IOException e) {
            throw new InputException.FileProblem(path, null, "cannot read: " + e.getMessage(), e);
        }
        long size;
        try {
            size = Files.size(path);
        } catch (IOException e) {
            throw new InputException.FileProblem(path, null, "cannot read: " + e.getMessage(), e);
        }
        if (size < MIN_SIZE)
            throw new InputException.Truncated(path, "superblock", size + " bytes cannot hold an HDF5 superblock");
        HdfFile file;
        try {
            file = openHdf(path, size);
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError | InternalError e) {
            throw new InputException.FileProblem(path, "superblock", "corrupt or truncated HDF5 file: " + reason(e), e);
        }
        try {
            long end = file.getHdfBackingStorage().getSuperblock().getBaseAddressByte()
                    + file.getHdfBackingStorage().getSuperblock().getEndOfFileAddress();
            if (end > size) {
                throw new InputException.Truncated(
                        path, "superblock", "the file has " + size + " bytes, its superblock says " + end);
            }
        } catch (RuntimeException e) {
            file.close();
            if (e instanceof InputException) throw e;
            throw new InputException.FileProblem(path, "superblock", "corrupt or truncated HDF5 file: " + reason(e), e);
        }
        return new H5Input(path, file, size);
    }

    public Path path() {
        return path;
    }

    public boolean has(String dataset) {
        try {
            file.getByPath(dataset);
            return true;
        } catch (RuntimeException | OutOfMemoryError | StackOverflowError e) {
            return false;
        }
    }

    public int[] shape(String dataset) {
        return dataset(dataset).getDimensions();
    }

    /** A rank-2 floating-point dataset; {@code columns} < 0 accepts any number of columns. */
    public double[][] doubles2d(String name, int columns) {
        Dataset d = dataset(name);
        checkRank(d, name, 2);
        if (columns >= 0 && d.getDimensions()[1] != columns) {
            throw bad(name, "expected " + columns + " columns, found shape " + Arrays.toString(d.getDimensions()));
        }
        Object data = read(d, name);
        double[][] out;
        if (data instanceof double[][]) {
            out = (double[][]) data;
        } else if (data instanceof float[][]) {
            float[][] f = (float[][]) data;
            out = new double[f.length][];
            for (int i = 0; i < f.length; i++) {
                out[i] = new double[f[i].length];
                for (int j = 0; j < f[i].length; j++) out[i][j] = f[i][j];
            }
        } else {
            throw bad(
                    name,
                    "expected floating-point values, found " + d.getJavaType().getSimpleName());
        }
        for (int i = 0; i < out.length; i++) {
            for (int j = 0; j < out[i].length; j++) {
                if (!Double.isFinite(out[i][j]))
                    throw badValue(name, "non-finite value " + out[i][j] + " at [" + i + ", " + j + "]");
            }
        }
        return out;
    }

    /** A rank-2 float32 dataset ({@code columns} < 0: any), kept as float32: for datasets too large to double. */
    public float[][] floats2d(String name, int columns) {
        Dataset d = dataset(name);
        checkRank(d, name, 2);
        if (columns >= 0 && d.getDimensions()[1] != columns)
            throw bad(name, "expected " + columns + " columns, found shape " + Arrays.toString(d.getDimensions()));
        if (!(read(d, name) instanceof float[][] out))
            throw bad(name, "expected float32 values, found " + d.getJavaType().getSimpleName());
        for (int i = 0; i < out.length; i++)
            for (int j = 0; j < out[i].length; j++)
                if (!Float.isFinite(out[i][j]))
                    throw badValue(name, "non-finite value " + out[i][j] + " at [" + i + ", " + j + "]");
        return out;
    }

    /** A rank-1 floating-point dataset of the given length ({@code length} < 0: any). */
    public double[] doubles1d(String name, int length) {
        Dataset d = dataset(name);
        checkRank(d, name, 1);
        checkLength(d, name, length);
        Object data = read(d, name);
        double[] out;
        if (data instanceof double[]) {
            out = (double[]) data;
        } else if (data instanceof float[]) {
            float[] f = (float[]) data;
            out = new double[f.length];
            for (int i = 0; i < f.length; i++) out[i] = f[i];
        } else {
            throw bad(
                    name,
                    "expected floating-point values, found " + d.getJavaType().getSimpleName());
        }
        for (int i = 0; i < out.length; i++) {
            if (!Double.isFinite(out[i])) throw badValue(name, "non-finite value " + out[i] + " at [" + i + "]");
        }
        return out;
    }

    /** A rank-1 integer dataset of the given length ({@code length} < 0: any). */
    public long[] longs1d(String name, int length) {
        Dataset d = dataset(name);
        checkRank(d, name, 1);
        checkLength(d, name, length);
        Object data = read(d, name);
        if (data instanceof long[]) return (long[]) data;
        if (data instanceof int[])
            return Arrays.stream((int[]) data).asLongStream().toArray();
        if (data instanceof short[]) {
            short[] s = (short[]) data;
            long[] out = new long[s.length];
            for (int i = 0; i < s.length; i++) out[i] = s[i];
            return out;
        }
        throw bad(name, "expected integer values, found " + d.getJavaType().getSimpleName());
    }

    /** A scalar integer dataset (h5py writes a Python int as one); a one-element rank-1 dataset is accepted too. */
    public long longScalar(String name) {
        Dataset d = dataset(name);
        int[] dims = d.getDimensions();
        if (dims.length > 1 || (dims.length == 1 && dims[0] != 1))
            throw bad(name, "expected a scalar, found shape " + Arrays.toString(dims));
        Object data = read(d, name);
        if (data instanceof Long) return (Long) data;
        if (data instanceof Integer) return (Integer) data;
        if (data instanceof Short) return (Short) data;
        if (data instanceof long[] && ((long[]) data).length == 1) return ((long[]) data)[0];
        if (data instanceof int[] && ((int[]) data).length == 1) return ((int[]) data)[0];
        throw bad(name, "expected an integer, found " + d.getJavaType().getSimpleName());
    }

    /** A rank-2 integer dataset with the given number of columns ({@code columns} < 0: any). */
    public long[][] longs2d(String name, int columns) {
        Dataset d = dataset(name);
        checkRank(d, name, 2);
        if (columns >= 0 && d.getDimensions()[1] != columns) {
            throw bad(name, "expected " + columns + " columns, found shape " + Arrays.toString(d.getDimensions()));
        }
        Object data = read(d, name);
        if (data instanceof long[][]) return (long[][]) data;
        if (data instanceof int[][]) {
            int[][] v = (int[][]) data;
            long[][] out = new long[v.length][];
            for (int i = 0; i < v.length; i++)
                out[i] = Arrays.stream(v[i]).asLongStream().toArray();
            return out;
        }
        throw bad(name, "expected integer values, found " + d.getJavaType().getSimpleName());
    }

    /**
     * A rank-1 dataset of distinct, non-empty names (fixed or variable length strings) of the given length ({@code
     * length} < 0: any).
     */
    public String[] strings1d(String name, int length) {
        Dataset d = dataset(name);
        checkRank(d, name, 1);
        checkLength(d, name, length);
        Object data = read(d, name);
        if (!(data instanceof String[]))
            throw bad(name, "expected strings, found " + d.getJavaType().getSimpleName());
        String[] out = (String[]) data;
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (int i = 0; i < out.length; i++) {
            if (out[i] == null || out[i].isBlank()) throw badValue(name, "empty name at [" + i + "]");
            if (!seen.add(out[i])) throw badValue(name, "name '" + out[i] + "' appears twice");
        }
        return out;
    }

    public boolean hasAttribute(String node, String name) {
        try {
            return node(node).getAttribute(name) != null;
        } catch (RuntimeException | OutOfMemoryError | StackOverflowError e) {
            return false;
        }
    }

    public String stringAttribute(String node, String name) {
        Object v = attribute(node, name);
        if (v instanceof String) return (String) v;
        if (v instanceof String[] && ((String[]) v).length == 1) return ((String[]) v)[0];
        throw badAttribute(
                node, name, "expected a string, found " + v.getClass().getSimpleName());
    }

    public long longAttribute(String node, String name) {
        Object v = attribute(node, name);
        if (v instanceof Long) return (Long) v;
        if (v instanceof Integer) return (Integer) v;
        if (v instanceof long[] && ((long[]) v).length == 1) return ((long[]) v)[0];
        if (v instanceof int[] && ((int[]) v).length == 1) return ((int[]) v)[0];
        throw badAttribute(
                node, name, "expected an integer, found " + v.getClass().getSimpleName());
    }

    private Object attribute(String node, String name) {
        Attribute a;
        try {
            a = node(node).getAttribute(name);
        } catch (RuntimeException | OutOfMemoryError | StackOverflowError e) {
            throw badAttribute(node, name, "cannot be read: " + reason(e));
        }
        if (a == null) throw badAttribute(node, name, "is missing");
        Object data;
        try {
            data = a.getData();
        } catch (RuntimeException | OutOfMemoryError | StackOverflowError e) {
            throw badAttribute(node, name, "cannot be read: " + reason(e));
        }
        // an attribute with an empty (null) dataspace has no value at all (a fuzzed file found it)
        if (data == null) throw badAttribute(node, name, "has no value (empty dataspace)");
        return data;
    }

    private Node node(String node) {
        return node.isEmpty() || node.equals("/") ? file : file.getByPath(node);
    }

    private Dataset dataset(String name) {
        Node n;
        try {
            n = file.getByPath(name);
        } catch (OutOfMemoryError | StackOverflowError e) {
            throw new InputException.FileProblem(
                    path, "dataset '" + name + "'", "corrupt or truncated HDF5 file: " + reason(e));
        } catch (RuntimeException e) {
            throw bad(name, "dataset is missing");
        }
        if (!(n instanceof Dataset)) throw bad(name, "expected a dataset, found a group");
        return (Dataset) n;
    }

    private Object read(Dataset d, String name) {
        checkExtent(d, name);
        try {
            return d.getData();
        } catch (RuntimeException | StackOverflowError | InternalError e) {
            throw new InputException.FileProblem(
                    path, "dataset '" + name + "'", "cannot be read (corrupt or truncated file?): " + reason(e));
        }
    }

    private void checkExtent(Dataset d, String name) {
        DatasetExtent.check(d, "dataset '" + name + "'", path, file, size);
    }

    private void checkRank(Dataset d, String name, int rank) {
        int[] dims = d.getDimensions();
        if (dims.length != rank) throw bad(name, "expected rank " + rank + ", found shape " + Arrays.toString(dims));
    }

    private void checkLength(Dataset d, String name, int length) {
        if (length >= 0 && d.getDimensions()[0] != length) {
            throw bad(name, "expected length " + length + ", found shape " + Arrays.toString(d.getDimensions()));
        }
    }

    /** An error about a dataset of this file, for checks made by the callers. */
    public InputException bad(String dataset, String problem) {
        return new InputException.Shape(path, "dataset '" + dataset + "'", problem);
    }

    /** A value of a dataset out of its domain (for checks made by the callers). */
    public InputException badValue(String dataset, String problem) {
        return new InputException.Value(path, "dataset '" + dataset + "'", problem);
    }

    private InputException badAttribute(String node, String name, String problem) {
        return new InputException.Shape(
                path, "attribute '" + name + "' of '" + (node.isEmpty() ? "/" : node) + "'", problem);
    }

    /**
     * jhdf over the file mapped into memory, where it can be: jhdf then reads every header and dataset as a
     * bounds-checked view of the mapping. Read from the file instead, jhdf first allocates a buffer as large
     * as a header says it is, so that a corrupt size field costs seconds and gigabytes, or ends the JVM
     * with OutOfMemoryError, before the read fails at the end of the file. jhdf's in-memory reader
     * addresses bytes with an int: larger files are read from the file, their corrupt sizes caught as
     * OutOfMemoryError where jhdf reads headers.
     */
    private static HdfFile openHdf(Path path, long size) {
        if (size > Integer.MAX_VALUE) return new HdfFile(path);
        ByteBuffer mapped;
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            // the mapping outlives the channel and goes with its buffer
            mapped = channel.map(FileChannel.MapMode.READ_ONLY, 0, size);
        } catch (IOException | UnsupportedOperationException e) {
            // a file system that cannot map files: jhdf reads from the file
            return new HdfFile(path);
        }
        return HdfFile.fromByteBuffer(mapped);
    }

    /** What went wrong inside the reader, without its class name (the user needs the problem, not the Java type). */
    static String reason(Throwable e) {
        // a size or a link read from a corrupt header, not a lack of memory or a deep file
        if (e instanceof OutOfMemoryError) return "a header gives a size larger than memory (corrupt size field?)";
        if (e instanceof StackOverflowError) return "its structure refers to itself (corrupt links?)";
        String m = e.getMessage();
        return m == null || m.isBlank() ? "the reader failed (" + e.getClass().getSimpleName() + ")" : m;
    }

    @Override
    public void close() {
        file.close();
    }
}
