package org.infera.core.cli;

import java.nio.file.Path;

/**
 * Bad input from the user: a missing or corrupt file, a wrong dataset or shape, a non-finite value,
 * an impossible parameter. Step executables exit with code 2 and print the message, which must name
 * the file (or option), the field and what is wrong.
 *
 * <p>The subclasses say which kind of input is wrong; each carries the file (null for a command-line
 * option) and the field: a dataset, attribute, JSON path or option name.
 */
public class InputException extends RuntimeException {
    private final Path file;
    private final String field;

    public InputException(String message) {
        this(message, (Throwable) null);
    }

    public InputException(String message, Throwable cause) {
        super(message, cause);
        this.file = null;
        this.field = null;
    }

    /** A message written whole, with the file and field it names recorded. */
    protected InputException(String message, Path file, String field) {
        super(message);
        this.file = file;
        this.field = field;
    }

    /** "FILE: FIELD: PROBLEM" (the parts that are null left out). */
    protected InputException(Path file, String field, String problem, Throwable cause) {
        super(format(file, field, problem), cause);
        this.file = file;
        this.field = field;
    }

    /** The file the problem is in, or null (a command-line option, or not recorded). */
    public Path file() {
        return file;
    }

    /** The dataset, attribute, JSON path or option at fault, or null when not recorded. */
    public String field() {
        return field;
    }

    private static String format(Path file, String field, String problem) {
        StringBuilder s = new StringBuilder();
        if (file != null) s.append(file).append(": ");
        if (field != null && !field.isEmpty()) s.append(field).append(": ");
        return s.append(problem).toString();
    }

    /** A command-line option with an impossible value; the message starts with the option's name. */
    public static class BadOption extends InputException {
        public BadOption(String option, String message) {
            super(message.startsWith(option) ? message : option + ": " + message, null, option);
        }
    }

    /**
     * A file that cannot be used at all: missing, unreadable, not the format it should be, an output path that is
     * taken.
     */
    public static class FileProblem extends InputException {
        public FileProblem(Path file, String field, String problem) {
            super(file, field, problem, null);
        }

        public FileProblem(Path file, String field, String problem, Throwable cause) {
            super(file, field, problem, cause);
        }
    }

    /** A file shorter than its own structure says it is. */
    public static class Truncated extends FileProblem {
        public Truncated(Path file, String field, String problem) {
            super(file, field, "file truncated: " + problem);
        }
    }

    /** A dataset (or JSON array) missing or of the wrong rank, shape or type. */
    public static class Shape extends InputException {
        public Shape(Path file, String field, String problem) {
            super(file, field, problem, null);
        }
    }

    /** A value out of its domain: not finite, of the wrong sign, an empty sum. */
    public static class Value extends InputException {
        public Value(Path file, String field, String problem) {
            super(file, field, problem, null);
        }
    }

    /** Files given together that do not belong together (other runs, features, processes, analyses). */
    public static class Mismatch extends InputException {
        public Mismatch(Path file, String field, String problem) {
            super(file, field, problem, null);
        }
    }

    /** An analysis definition (analysis.json) that is not a valid analysis. */
    public static class AnalysisProblem extends InputException {
        public AnalysisProblem(Path file, String field, String problem) {
            super(file, field, problem, null);
        }
    }

    /** A HistFactory (pyhf) workspace that is not a valid workspace. */
    public static class WorkspaceProblem extends InputException {
        public WorkspaceProblem(Path file, String field, String problem) {
            super(file, field, problem, null);
        }
    }

    /** A model directory that does not match its own spec. */
    public static class ModelProblem extends InputException {
        public ModelProblem(Path file, String field, String problem) {
            super(file, field, problem, null);
        }
    }
}
