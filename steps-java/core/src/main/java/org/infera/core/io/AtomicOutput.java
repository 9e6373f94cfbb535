package org.infera.core.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Writes an output under a temporary sibling name and renames it into place only when complete,
 * so a killed step never leaves a half-written file (or directory) that looks like a finished one.
 */
public final class AtomicOutput {
    @FunctionalInterface
    public interface Writer {
        void write(Path temporary) throws IOException;
    }

    private AtomicOutput() {}

    public static void write(Path target, Writer writer) {
        Path absolute = target.toAbsolutePath();
        Path parent = absolute.getParent();
        Path temporary = parent.resolve("." + absolute.getFileName() + ".partial-" + ProcessHandle.current().pid());
        try {
            Files.createDirectories(parent);
            deleteRecursively(temporary);
            writer.write(temporary);
            deleteRecursively(absolute);
            try {
                Files.move(temporary, absolute, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            quietlyDelete(temporary);
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        } catch (RuntimeException | Error e) {
            quietlyDelete(temporary);
            throw e;
        }
    }

    /** A text file (UTF-8), written whole or not at all. */
    public static void writeString(Path target, String text) {
        write(target, temporary -> Files.writeString(temporary, text));
    }

    private static void quietlyDelete(Path path) {
        try {
            deleteRecursively(path);
        } catch (IOException ignored) {
            // the original failure is the one worth reporting
        }
    }

    static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) return;
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) Files.delete(p);
        }
    }
}
