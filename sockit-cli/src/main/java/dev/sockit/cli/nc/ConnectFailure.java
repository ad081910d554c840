package dev.sockit.cli.nc;

import java.io.Serial;

/** No connection was made: the one-line reason and the exit status it maps to (1 or 3). */
final class ConnectFailure extends Exception {
    @Serial
    private static final long serialVersionUID = 1L;

    private final int status;

    ConnectFailure(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    /** {@link ExitStatus#NETWORK} or {@link ExitStatus#CONNECT_TIMEOUT}. */
    int status() {
        return status;
    }
}
