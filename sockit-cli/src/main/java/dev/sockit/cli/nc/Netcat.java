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
     * Runs the netcat. A {@link UsageError} from any mode is printed as one line and gives
     * {@link ExitStatus#USAGE}.
     *
     * @param options the parsed flags
     * @param operands {@code HOST PORT}, {@code [HOST] [PORT]} with {@code -l}, {@code HOST PORT...} with {@code -z}, {@code PATH} with {@code -U}
     * @param events where events and errors go
     * @return an {@link ExitStatus}
     */
    public static int run(NetcatOptions options, List<String> operands, EventLog events) {
        try {
            FlagCheck.common(options, operands);
            if (options.listen) {
                return ListenMode.run(options, operands, events);
            }
            if (options.scan) {
                return ScanMode.run(options, operands, events);
            }
            return ConnectMode.run(options, operands, events);
        } catch (UsageError e) {
            events.error(e.getMessage(), ExitStatus.USAGE);
            return ExitStatus.USAGE;
        }
    }
}
