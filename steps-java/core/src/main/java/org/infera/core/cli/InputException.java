package org.infera.core.cli;

/**
 * Bad input from the user: a missing or corrupt file, a wrong dataset or shape, a non-finite value,
 * an impossible parameter. Step executables exit with code 2 and print the message, which must name
 * the file, the field and what is wrong.
 */
public class InputException extends RuntimeException {
    public InputException(String message) {
        super(message);
    }

    public InputException(String message, Throwable cause) {
        super(message, cause);
    }
}
