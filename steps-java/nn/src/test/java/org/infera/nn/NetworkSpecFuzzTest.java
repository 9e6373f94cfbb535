package org.infera.nn;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.infera.core.cli.InputException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;

/**
 * Coverage-guided fuzzing of the model description reader, a model directory's model.json
 * (docs/fuzzing.md): anything but an input error naming the file is a finding; a hang is one through
 * the timeout, per input. Seeds: src/test/resources/org/infera/nn/NetworkSpecFuzzTestInputs/read,
 * the descriptions of the four kinds of network.
 */
class NetworkSpecFuzzTest {
    /** One file rewritten for each input (the reader takes a path, as the steps do). */
    private static Path file;

    @BeforeAll
    static void createFile() throws IOException {
        file = Files.createTempFile("infera-fuzz-", "-model.json");
    }

    @AfterAll
    static void deleteFile() throws IOException {
        Files.deleteIfExists(file);
    }

    @FuzzTest
    @Timeout(10)
    void read(byte[] json) throws IOException {
        Files.write(file, json);
        try {
            NetworkSpec.read(file);
        } catch (InputException e) {
            if (!e.getMessage().contains(file.toString())) {
                throw new AssertionError("an input error must name the file: " + e.getMessage(), e);
            }
        }
    }
}
