package dev.sockit.cli.nc;

/**
 * The netcat's exit statuses, documented in the README and never 0 on a failure. The first three
 * are those of every sockit command ({@link dev.sockit.cli.Cli}).
 */
public final class ExitStatus {
    /** What was asked was done; for {@code -z}, every requested port is open. */
    public static final int OK = 0;
    /** A network error: refused, reset, unreachable, name not found; {@code -z}: a port not open. */
    public static final int NETWORK = 1;
    /** The command line is wrong: unknown or incompatible flags, invalid ports, addresses, times. */
    public static final int USAGE = 2;
    /** The connection was not made in time: {@code -w}, {@code --wait-for-port}, {@code --retry} gave up. */
    public static final int CONNECT_TIMEOUT = 3;
    /** A connection was idle longer than {@code -i} allows. */
    public static final int IDLE_TIMEOUT = 4;

    private ExitStatus() {
    }
}
