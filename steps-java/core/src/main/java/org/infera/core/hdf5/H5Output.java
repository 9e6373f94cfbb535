package org.infera.core.hdf5;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.WritableGroup;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.infera.core.io.AtomicOutput;

/**
 * Writes one HDF5 file with jhdf: plain groups, datasets and attributes (no Java-specific
 * encodings), so h5py and h5dump read every file we write. The file is written under a temporary
 * name and renamed into place when complete.
 */
public final class H5Output {
    public static final String FORMAT_ATTRIBUTE = "infera_format";
    public static final String VERSION_ATTRIBUTE = "infera_format_version";

    private final WritableHdfFile file;
    private final Map<String, WritableGroup> groups = new HashMap<>();

    private H5Output(WritableHdfFile file) {
        this.file = file;
    }

    /** Writes {@code target} in the given infera format and version. */
    public static void write(Path target, String format, long version, Consumer<H5Output> body) {
        AtomicOutput.write(target, tmp -> {
            try (WritableHdfFile f = HdfFile.write(tmp)) {
                H5Output out = new H5Output(f);
                out.attribute("", FORMAT_ATTRIBUTE, format);
                out.attribute("", VERSION_ATTRIBUTE, version);
                body.accept(out);
            }
        });
    }

    /** Puts a dataset at a slash-separated path, creating its groups; data is a Java array. */
    public H5Output dataset(String path, Object data) {
        int slash = path.lastIndexOf('/');
        String name = path.substring(slash + 1);
        if (slash < 0) file.putDataset(name, data);
        else group(path.substring(0, slash)).putDataset(name, data);
        return this;
    }

    /** Puts an attribute (String, Long, Double or an array of them) on a group, "" for the root. */
    public H5Output attribute(String groupPath, String name, Object value) {
        if (groupPath.isEmpty()) file.putAttribute(name, value);
        else group(groupPath).putAttribute(name, value);
        return this;
    }

    private WritableGroup group(String path) {
        WritableGroup g = groups.get(path);
        if (g != null) return g;
        int slash = path.lastIndexOf('/');
        g = slash < 0 ? file.putGroup(path) : group(path.substring(0, slash)).putGroup(path.substring(slash + 1));
        groups.put(path, g);
        return g;
    }
}
