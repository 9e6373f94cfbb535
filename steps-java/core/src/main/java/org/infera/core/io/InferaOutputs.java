package org.infera.core.io;

import io.jhdf.HdfFile;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

/**
 * Recognises what infera wrote, so that {@code --overwrite} replaces only that: a directory with
 * {@link AtomicOutput#MARKER}, an HDF5 file with the root attribute {@code infera_format}, a PNG with
 * the text chunk {@code Software: infera}. Anything else (including a symbolic link) is the user's.
 */
public final class InferaOutputs {
    static final String HDF5_FORMAT_ATTRIBUTE = org.infera.core.hdf5.H5Output.FORMAT_ATTRIBUTE;
    private static final byte[] HDF5_SIGNATURE = {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n'};
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    /** The keyword and text of the PNG tEXt chunk infera writes (see {@code Png}). */
    public static final String PNG_KEYWORD = "Software";

    public static final String PNG_TEXT = "infera";

    private InferaOutputs() {}

    /** Empty when {@code path} is an output of infera; otherwise why it is not. */
    public static Optional<String> whyNotInfera(Path path) {
        if (Files.isSymbolicLink(path)) return Optional.of("a symbolic link");
        if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
            return Files.isRegularFile(path.resolve(AtomicOutput.MARKER), LinkOption.NOFOLLOW_LINKS)
                    ? Optional.empty()
                    : Optional.of("a directory without infera's marker file " + AtomicOutput.MARKER);
        }
        if (!Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) return Optional.of("not a regular file");
        byte[] head;
        try (InputStream in = Files.newInputStream(path)) {
            head = in.readNBytes(8);
        } catch (IOException e) {
            return Optional.of("cannot be read: " + e.getMessage());
        }
        if (Arrays.equals(head, HDF5_SIGNATURE)) {
            return hdf5HasFormat(path)
                    ? Optional.empty()
                    : Optional.of("an HDF5 file without infera's root attribute " + HDF5_FORMAT_ATTRIBUTE);
        }
        if (Arrays.equals(head, PNG_SIGNATURE)) {
            return pngMarked(path) ? Optional.empty() : Optional.of("a PNG without infera's text chunk");
        }
        return Optional.of("neither an infera HDF5 file, PNG nor output directory");
    }

    private static boolean hdf5HasFormat(Path path) {
        try (HdfFile f = new HdfFile(path)) {
            return f.getAttribute(HDF5_FORMAT_ATTRIBUTE) != null;
        } catch (Exception | StackOverflowError | OutOfMemoryError e) {
            return false;
        }
    }

    /** Whether the PNG has the tEXt chunk "Software\0infera" before its image data. */
    static boolean pngMarked(Path path) {
        try (DataInputStream in = new DataInputStream(Files.newInputStream(path))) {
            in.skipNBytes(8);
            for (int chunk = 0; chunk < 64; chunk++) {
                int length = in.readInt();
                byte[] type = in.readNBytes(4);
                String t = new String(type, StandardCharsets.ISO_8859_1);
                if (t.equals("IDAT") || t.equals("IEND") || length < 0 || length > 1 << 20) return false;
                byte[] data = in.readNBytes(length);
                in.skipNBytes(4); // CRC
                if (t.equals("tEXt")) {
                    String text = new String(data, StandardCharsets.ISO_8859_1);
                    if (text.equals(PNG_KEYWORD + "\0" + PNG_TEXT)) return true;
                }
            }
            return false;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
