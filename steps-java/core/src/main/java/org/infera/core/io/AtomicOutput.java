package org.infera.core.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Comparator;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.infera.core.cli.InputException;

/**
 * The one place where infera writes an output path, and the rules it keeps:
 *
 * <ul>
 *   <li>An output is written under a temporary sibling name ({@code .NAME.partial-PID}) and renamed into
 *       place only when complete, so a killed step never leaves a half-written file that looks finished.
 *   <li>An existing output path is refused (exit 2, naming it) unless the step runs with
 *       {@code --overwrite}, and even then only a file or directory infera wrote is replaced: an HDF5 file
 *       with the format attribute of {@code H5Output}, a PNG carrying infera's {@code Software} text, a
 *       directory holding the {@link #MARKER} file that {@link #writeDirectory} puts in every output
 *       directory ({@link InferaOutputs}).
 *   <li>Missing parent directories are created only below the working directory; elsewhere the parent
 *       must exist.
 *   <li>The partial output is removed on any failure (an exception from any library, an error, SIGTERM);
 *       after a kill -9 the next write in the same directory removes the partial outputs whose process no
 *       longer exists.
 * </ul>
 */
public final class AtomicOutput {
    /** Written into every output directory, so that {@code --overwrite} can recognise it as infera's. */
    public static final String MARKER = ".infera-output";
    /** The marker's content (fixed, so directories stay byte-identical across runs). */
    static final String MARKER_TEXT = "Written by infera. With --overwrite, infera may replace this directory whole.\n";

    private static final Pattern PARTIAL = Pattern.compile("^\\..+\\.partial-(\\d+)(?:[.-].*)?$");
    private static final long PID = ProcessHandle.current().pid();
    private static final InheritableThreadLocal<Boolean> OVERWRITE = new InheritableThreadLocal<>();
    private static final Set<Path> IN_PROGRESS = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            for (Path p : IN_PROGRESS) quietlyDelete(p);
                        },
                        "infera-partial-cleanup"));
    }

    @FunctionalInterface
    public interface Writer {
        void write(Path temporary) throws IOException;
    }

    private AtomicOutput() {}

    /** Runs {@code body} with {@code --overwrite} on or off for the outputs it (and the threads it starts) writes. */
    public static <T> T withOverwrite(boolean overwrite, Callable<T> body) throws Exception {
        Boolean before = OVERWRITE.get();
        OVERWRITE.set(overwrite);
        try {
            return body.call();
        } finally {
            if (before == null) OVERWRITE.remove();
            else OVERWRITE.set(before);
        }
    }

    private static boolean overwrite() {
        return Boolean.TRUE.equals(OVERWRITE.get());
    }

    /**
     * Checks that {@code target} may be written now (free, or infera's with {@code --overwrite}; its parent a
     * directory or creatable), without writing anything; {@code option} names the option in the message.
     * Steps call it at the start so a refused output costs no work.
     */
    public static void check(String option, Path target) {
        Path absolute = target.toAbsolutePath().normalize();
        if (absolute.getParent() == null) throw refuse(option, target, "is the filesystem root");
        if (absolute.getFileName().toString().contains(".partial-")) {
            throw refuse(option, target, "names a partial output ('.partial-' is reserved for them)");
        }
        requireParent(option, target, absolute.getParent(), false);
        if (Files.exists(absolute, LinkOption.NOFOLLOW_LINKS)) {
            if (!overwrite())
                throw refuse(option, target, "already exists (infera never replaces it unless --overwrite is given)");
            Optional<String> notOurs = InferaOutputs.whyNotInfera(absolute);
            if (notOurs.isPresent()) {
                throw refuse(
                        option,
                        target,
                        "already exists and is not an output of infera (" + notOurs.get()
                                + "), so even --overwrite does not replace it");
            }
        }
    }

    /** Writes a file (or whatever {@code writer} makes at the temporary path) whole or not at all. */
    public static void write(Path target, Writer writer) {
        write(target, false, writer);
    }

    /** Writes a directory (created for the writer, with infera's {@link #MARKER}) whole or not at all. */
    public static void writeDirectory(Path target, Writer writer) {
        write(target, true, writer);
    }

    /** A text file (UTF-8), written whole or not at all. */
    public static void writeString(Path target, String text) {
        write(target, temporary -> Files.writeString(temporary, text));
    }

    private static void write(Path target, boolean directory, Writer writer) {
        check(null, target);
        Path absolute = target.toAbsolutePath().normalize();
        Path parent = absolute.getParent();
        requireParent(null, target, parent, true);
        removeStalePartials(parent);
        Path temporary = parent.resolve("." + absolute.getFileName() + ".partial-" + PID);
        Path previous = parent.resolve("." + absolute.getFileName() + ".partial-" + PID + "-replaced");
        IN_PROGRESS.add(temporary);
        IN_PROGRESS.add(previous);
        try {
            deleteWithSiblings(temporary);
            deleteRecursively(previous);
            if (directory) {
                Files.createDirectory(temporary);
                Files.writeString(temporary.resolve(MARKER), MARKER_TEXT);
            }
            writer.write(temporary);
            if (!Files.exists(temporary, LinkOption.NOFOLLOW_LINKS)) throw new IOException("the writer wrote nothing");
            if (Files.exists(absolute, LinkOption.NOFOLLOW_LINKS)) {
                check(null, target); // still infera's, and --overwrite given
                Files.move(absolute, previous);
            }
            try {
                Files.move(temporary, absolute); // a rename; refuses a path that appeared meanwhile
            } catch (FileAlreadyExistsException e) {
                throw refuse(null, target, "appeared while this step was writing it; left as it is");
            }
            deleteRecursively(previous);
        } catch (IOException e) {
            deleteWithSiblings(temporary);
            restore(previous, absolute);
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        } catch (RuntimeException | Error e) {
            deleteWithSiblings(temporary);
            restore(previous, absolute);
            throw e;
        } finally {
            IN_PROGRESS.remove(temporary);
            IN_PROGRESS.remove(previous);
        }
    }

    private static InputException.FileProblem refuse(String option, Path target, String problem) {
        return new InputException.FileProblem(target, option == null ? "output" : option, problem);
    }

    private static void requireParent(String option, Path target, Path parent, boolean create) {
        if (Files.isDirectory(parent)) return;
        if (Files.exists(parent)) throw refuse(option, target, "its parent " + parent + " is not a directory");
        Path cwd = Path.of("").toAbsolutePath().normalize();
        if (!parent.startsWith(cwd)) {
            throw refuse(
                    option,
                    target,
                    "its parent directory " + parent + " does not exist (infera creates missing directories "
                            + "only below the working directory " + cwd + ")");
        }
        if (!create) return;
        try {
            Files.createDirectories(parent);
        } catch (IOException e) {
            throw new InputException.FileProblem(
                    target,
                    option == null ? "output" : option,
                    "cannot create its parent directory " + parent + ": " + e.getMessage(),
                    e);
        }
    }

    /** If the previous output was moved aside and the new one is not in place, puts the previous one back. */
    private static void restore(Path previous, Path absolute) {
        if (!Files.exists(previous, LinkOption.NOFOLLOW_LINKS)) return;
        try {
            if (!Files.exists(absolute, LinkOption.NOFOLLOW_LINKS)) Files.move(previous, absolute);
            else deleteRecursively(previous);
        } catch (IOException ignored) {
            // the original failure is the one worth reporting
        }
    }

    /**
     * Removes {@code .NAME.partial-PID…} entries of {@code dir} left by a process that no longer exists (or whose
     * PID now belongs to a process started after the entry was last written: not its owner).
     */
    static void removeStalePartials(Path dir) {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, ".*.partial-*")) {
            for (Path p : entries) {
                Matcher m = PARTIAL.matcher(p.getFileName().toString());
                if (!m.matches()) continue;
                long pid;
                try {
                    pid = Long.parseLong(m.group(1));
                } catch (NumberFormatException e) {
                    continue;
                }
                if (pid == PID || ownerAlive(pid, p)) continue;
                quietlyDelete(p);
            }
        } catch (IOException | RuntimeException ignored) {
            // cleaning up after others is a courtesy; it never fails a step
        }
    }

    private static boolean ownerAlive(long pid, Path partial) {
        Optional<ProcessHandle> process = ProcessHandle.of(pid);
        if (process.isEmpty() || !process.get().isAlive()) return false;
        Optional<java.time.Instant> started = process.get().info().startInstant();
        if (started.isEmpty()) return true;
        try {
            FileTime written = Files.getLastModifiedTime(partial, LinkOption.NOFOLLOW_LINKS);
            return !started.get().isAfter(written.toInstant().plusSeconds(1));
        } catch (IOException e) {
            return true;
        }
    }

    /** The temporary path and any sibling a library made from its name (XChart appends ".png"). */
    private static void deleteWithSiblings(Path temporary) {
        quietlyDelete(temporary);
        String name = temporary.getFileName().toString();
        try (DirectoryStream<Path> siblings = Files.newDirectoryStream(temporary.getParent(), p -> {
            String n = p.getFileName().toString();
            return n.startsWith(name + ".") && !n.equals(name + "-replaced");
        })) {
            for (Path p : siblings) quietlyDelete(p);
        } catch (IOException | RuntimeException ignored) {
            // the original failure is the one worth reporting
        }
    }

    private static void quietlyDelete(Path path) {
        try {
            deleteRecursively(path);
        } catch (IOException | RuntimeException ignored) {
            // the original failure is the one worth reporting
        }
    }

    static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) return;
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) Files.delete(p);
        }
    }
}
