package org.infera.core.io;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.infera.core.cli.InputException;

/**
 * The one way infera reads JSON input: strictly (no trailing content, no duplicate keys, no string or
 * boolean where a number belongs, no fraction where an integer belongs, no unknown fields, no null
 * for a number), every problem an {@link InputException} naming the file and the JSON path
 * ({@code $.processes[1].expectedYield}).
 */
public final class StrictJson {
    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(
                    DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
                    DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES,
                    DeserializationFeature.FAIL_ON_TRAILING_TOKENS,
                    DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY,
                    DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();

    /** Builds an input error of the reader's kind from file, JSON path and problem. */
    @FunctionalInterface
    public interface Errors {
        InputException error(Path file, String jsonPath, String problem);
    }

    private StrictJson() {}

    /** The file's JSON as {@code type}; never null (a JSON {@code null} is an error). */
    public static <T> T read(Path file, Class<T> type, String what, Errors errors) {
        String text = text(file, what, errors);
        T value;
        try {
            value = MAPPER.readValue(text, type);
        } catch (UnrecognizedPropertyException e) {
            throw errors.error(
                    file,
                    path(e),
                    "unknown field '" + e.getPropertyName() + "' (known: " + e.getKnownPropertyIds() + ")");
        } catch (JacksonException e) {
            throw errors.error(file, e instanceof JsonMappingException m ? path(m) : "$", problem(e, what));
        }
        if (value == null) throw errors.error(file, "$", "is null, expected " + what);
        return value;
    }

    /** The file's JSON as a tree; never null. */
    public static JsonNode readTree(Path file, String what, Errors errors) {
        return parseTree(text(file, what, errors), file, what, errors);
    }

    /** JSON text as a tree; {@code file} names its source in messages. */
    public static JsonNode parseTree(String text, Path file, String what, Errors errors) {
        JsonNode root;
        try {
            root = MAPPER.readTree(text);
        } catch (JacksonException e) {
            throw errors.error(file, "$", problem(e, what));
        }
        if (root == null || root.isMissingNode()) throw errors.error(file, "$", "is empty, expected " + what);
        if (root.isNull()) throw errors.error(file, "$", "is null, expected " + what);
        return root;
    }

    private static String text(Path file, String what, Errors errors) {
        try {
            return Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new InputException.FileProblem(file, null, what + " not found");
        } catch (java.nio.charset.MalformedInputException e) {
            throw errors.error(file, "$", "not UTF-8 text (expected " + what + ")");
        } catch (IOException e) {
            throw new InputException.FileProblem(file, null, "cannot read " + what + ": " + e.getMessage(), e);
        }
    }

    private static String problem(JacksonException e, String what) {
        String at = e.getLocation() == null
                ? ""
                : " (line " + e.getLocation().getLineNr() + ", column "
                        + e.getLocation().getColumnNr() + ")";
        String message = e.getOriginalMessage();
        int newline = message.indexOf('\n');
        if (newline >= 0) message = message.substring(0, newline);
        message = message.replaceAll(" \\(start marker at \\[Source: [^]]*\\]\\)", "")
                .replaceAll("\\[Source: [^]]*\\]", "");
        return "not valid JSON" + at + " for " + what + ": " + message;
    }

    /** "$.a[2].b" for the path Jackson was at. */
    public static String path(JsonMappingException e) {
        StringBuilder s = new StringBuilder("$");
        List<JsonMappingException.Reference> refs = e.getPath();
        for (JsonMappingException.Reference r : refs) {
            if (r.getFieldName() != null) s.append('.').append(r.getFieldName());
            else if (r.getIndex() >= 0) s.append('[').append(r.getIndex()).append(']');
        }
        return s.toString();
    }
}
