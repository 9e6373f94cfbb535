package org.infera.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No training code multiplies, divides or compares a tensor with a Java number through DJL's
 * {@code mul(Number)} and kin: their backward pass reads a constant whose buffer the garbage
 * collector may have freed (see {@link Scalars}); such code goes through {@code Scalars} instead. A
 * source check, so a new loss cannot bring the bug back unnoticed. Amsgrad is exempt: it runs outside
 * autograd, where no backward pass keeps the constant.
 */
class ScalarsGuardTest {
    private static final Pattern CALL = Pattern.compile("(?<!Scalars)(?<!Math)\\.(mul|div|maximum|minimum|pow)\\(");
    private static final Pattern PRIMITIVE = Pattern.compile("\\b(?:double|float|int|long)\\s+(\\w+)\\s*[=;,)]");

    @Test
    void trainingCodeNeverHandsDjlAJavaNumber() throws IOException {
        List<String> offences = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".java"))::iterator) {
                if (file.getFileName().toString().equals("Amsgrad.java")
                        || file.getFileName().toString().equals("Scalars.java")) continue;
                String source = Files.readString(file);
                List<String> primitives = new ArrayList<>();
                Matcher declared = PRIMITIVE.matcher(source);
                while (declared.find()) primitives.add(declared.group(1));
                Matcher call = CALL.matcher(source);
                while (call.find()) {
                    String argument = argument(source, call.end());
                    if (isNumber(argument, primitives)) {
                        offences.add(file + ": ." + call.group(1) + "(" + argument + ")");
                    }
                }
            }
        }
        assertEquals(List.of(), offences, "use Scalars.mul/div/maximum for a tensor and a Java number");
    }

    @Test
    void theCheckRecognisesNumbers() {
        List<String> primitives = List.of("alpha", "temperature");
        assertTrue(isNumber("0.5", primitives));
        assertTrue(isNumber("(float) yield", primitives));
        assertTrue(isNumber("alpha - 1", primitives));
        assertTrue(isNumber("temperature", primitives));
        assertTrue(isNumber("layout.yields()[p]", primitives));
        assertTrue(!isNumber("w", primitives)
                && !isNumber("nu.add(NU_GUARD)", primitives)
                && !isNumber("d.transpose()", primitives));
        assertTrue(!isNumber("membership.sum(new int[] {1}, true)", primitives));
    }

    /** The text of the call's argument, up to its closing parenthesis. */
    private static String argument(String source, int start) {
        int depth = 1, i = start;
        while (i < source.length() && depth > 0) {
            char c = source.charAt(i++);
            if (c == '(') depth++;
            else if (c == ')') depth--;
        }
        return source.substring(start, i - 1).trim();
    }

    /** A literal, a cast, arithmetic, an array element or a variable declared as a primitive. */
    static boolean isNumber(String argument, List<String> primitives) {
        String top = argument.replaceAll("\\([^()]*\\)", "()")
                .replaceAll("\\{[^{}]*}", "{}"); // hide nested calls' arguments
        return argument.matches("-?[0-9].*")
                || argument.matches("\\((float|double|int|long)\\).*")
                || top.matches(".*[^\\w\\s.()\\[\\]{},](.*)") && top.matches(".*\\s[-+*/]\\s.*|.*[*/].*")
                || top.endsWith("]") && !top.contains("new ")
                || primitives.contains(argument);
    }
}
