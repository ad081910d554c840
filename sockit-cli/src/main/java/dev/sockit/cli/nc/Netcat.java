package dev.sockit.cli.nc;

import java.util.List;

/**
 * {@code sockit [options] HOST PORT} and {@code sockit -l [options] [HOST] [PORT]}: the netcat.
 * Checks the flags together, then runs one mode on the process's standard streams: connect,
 * listen or scan. Returns an {@link ExitStatus}.
 */
public final class Netcat {
    private Netcat() {
    }

    /**
     * Runs the netcat.
     *
     * @param options the parsed flags
     * @param operands {@code HOST PORT}, {@code [HOST] [PORT]} with {@code -l}, {@code HOST PORT...} with {@code -z}, {@code PATH} with {@code -U}
     * @param events where events and errors go
     * @return an {@link ExitStatus}
     */
    public static int run(NetcatOptions options, List<String> operands, EventLog events) {
        if (options.listening()) {
            return ListenMode.run(options, operands, events);
        }
        events.error("the netcat is not built yet", ExitStatus.NETWORK);
        return ExitStatus.NETWORK;
    }
}
