package dev.sockit.cli.nc;

import java.io.Serial;

/**
 * A command line the netcat cannot run: an invalid value or flags that do not go together. The
 * message is one line naming the flag or operand and the problem; {@link Netcat} prints it and
 * exits with {@link ExitStatus#USAGE}.
 */
public final class UsageError extends RuntimeException {
    @Serial
    private static final long serialVersionUID = 1L;

    /** @param message one line: what is wrong, naming the flag or operand */
    public UsageError(String message) {
        super(message, null, false, false);
    }
}
