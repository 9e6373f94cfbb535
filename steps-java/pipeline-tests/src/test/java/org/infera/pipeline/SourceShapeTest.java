package org.infera.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The shape of the sources that keeps them readable: lines of at most 120 characters in every Java file (the width
 * palantir-java-format keeps, `mvn spotless:apply`), and main files of at most about 400 lines (one clear job each).
 */
class SourceShapeTest {
    private static final int WIDTH = 120;
    private static final int MAIN_FILE_LINES = 420;

    private static List<Path> javaFiles() throws IOException {
        try (Stream<Path> files = Files.walk(NextflowRun.REPO.resolve("steps-java"))) {
            return files.filter(
                            p -> p.toString().endsWith(".java") && p.toString().contains("/src/"))
                    .sorted()
                    .toList();
        }
    }

    @Test
    void linesFitIn120Characters() throws IOException {
        List<String> wide = new ArrayList<>();
        for (Path file : javaFiles()) {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).length() > WIDTH) {
                    wide.add(NextflowRun.REPO.relativize(file) + ":" + (i + 1) + " ("
                            + lines.get(i).length() + ")");
                }
            }
        }
        assertEquals(List.of(), wide, "lines wider than " + WIDTH + " characters (mvn spotless:apply wraps code)");
    }

    @Test
    void mainFilesStaySmall() throws IOException {
        List<String> large = new ArrayList<>();
        for (Path file : javaFiles()) {
            if (!file.toString().contains("/src/main/")) continue;
            long lines = Files.readAllLines(file, StandardCharsets.UTF_8).size();
            if (lines > MAIN_FILE_LINES) large.add(NextflowRun.REPO.relativize(file) + " (" + lines + " lines)");
        }
        assertEquals(List.of(), large, "main files over " + MAIN_FILE_LINES + " lines: split them by job");
    }
}
