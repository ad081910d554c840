package dev.sockit.cli;

import java.io.Serial;

/** An argument the command cannot use; the message names the argument and the problem in one line. */
final class InvalidInputException extends RuntimeException {
    @Serial
    private static final long serialVersionUID = 1L;

    InvalidInputException(String message) {
        super(message, null, false, false);
    }
}
