package org.infera.core.fuzz;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.infera.core.cli.InputException;

/**
 * The harness of the readers' fuzz tests: the fuzzer's bytes become a file (the readers take paths, as
 * the steps do), the reader reads it, and only our input errors may come back, naming the file. Any
 * other throwable (a jhdf or Jackson exception, NullPointerException, OutOfMemoryError,
 * StackOverflowError) leaves the test and Jazzer reports it as a finding; a hang is one too, through
 * the tests' timeout.
 */
public final class FuzzedFile {
    private static final PrintStream DISCARD = new PrintStream(OutputStream.nullOutputStream());

    /** One file per JVM and suffix, rewritten for each input: a new file per input would flood the temporary folder. */
    private static Path file;

    private FuzzedFile() {}

    /** Writes {@code bytes} to the fuzzing file and reads it with {@code reader}: input errors are expected. */
    public static void read(byte[] bytes, String suffix, Consumer<Path> reader) {
        Path path = write(bytes, suffix);
        // readers warn on stderr about odd but usable files: thousands a second would bury the fuzzer's report
        PrintStream err = System.err;
        System.setErr(DISCARD);
        try {
            reader.accept(path);
        } catch (InputException e) {
            if (e.getMessage() == null || !e.getMessage().contains(path.toString())) {
                throw new AssertionError("an input error must name the file: " + e.getMessage(), e);
            }
        } finally {
            System.setErr(err);
        }
    }

    private static synchronized Path write(byte[] bytes, String suffix) {
        try {
            if (file == null || !file.toString().endsWith(suffix)) {
                // tmpfs where there is one: the fuzzer writes the file thousands of times a second
                Path shm = Path.of("/dev/shm");
                boolean tmpfs = Files.isDirectory(shm) && Files.isWritable(shm);
                Path dir = tmpfs ? shm : Path.of(System.getProperty("java.io.tmpdir"));
                file = Files.createTempFile(dir, "infera-fuzz-", suffix);
                file.toFile().deleteOnExit();
            }
            return Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
