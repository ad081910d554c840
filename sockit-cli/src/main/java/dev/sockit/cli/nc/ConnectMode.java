package dev.sockit.cli.nc;

import java.time.Clock;
import java.util.List;

/**
 * {@code sockit [options] HOST PORT} and {@code sockit -U [options] PATH}: connect, then run
 * the session on the standard streams (TCP and UNIX: {@link StreamSession}; UDP:
 * {@link DatagramSession}), or with {@code -e}/{@code -c} on a program's ({@link ExecSession}).
 */
final class ConnectMode {
    private ConnectMode() {
    }

    /**
     * Connects and runs the session.
     *
     * @return the {@link ExitStatus}
     * @throws UsageError for operands that do not make {@code HOST PORT} (or {@code PATH}
     *     with {@code -U}), or an output file that cannot be opened
     */
    static int run(NetcatOptions options, List<String> operands, EventLog events) {
        ExecProcess.command(options); // an -e without a program fails before anything connects
        Connector connector = new Connector(options);
        if (options.unix) {
            if (operands.size() != 1) {
                throw new UsageError(operands.isEmpty() ? "-U needs PATH" : "-U takes one operand, PATH (extra: "
                        + String.join(" ", operands.subList(1, operands.size())) + ")");
            }
            TrafficTap tap = TrafficTap.open(options, Clock.systemUTC());
            return connected(() -> connector.unix(operands.get(0)), "unix", options, tap, events);
        }
        if (operands.size() == 1) {
            throw new UsageError("HOST " + operands.get(0) + " without PORT (expected: HOST PORT)");
        }
        if (operands.size() > 2) {
            throw new UsageError("too many operands: " + String.join(" ", operands.subList(2, operands.size()))
                    + " (expected: HOST PORT; several ports need -z)");
        }
        String host = operands.get(0);
        int port = PortSpec.port("PORT", operands.get(1), false);
        TrafficTap tap = TrafficTap.open(options, Clock.systemUTC());
        if (options.udp) {
            return connected(() -> connector.udp(host, port), "udp", options, tap, events);
        }
        return connected(() -> connector.tcp(host, port), "tcp", options, tap, events);
    }

    private interface Connecting {
        Connector.Connected connect() throws ConnectFailure;
    }

    private static int connected(Connecting connecting, String proto, NetcatOptions options, TrafficTap tap, EventLog events) {
        Connector.Connected connected;
        try {
            connected = connecting.connect();
        } catch (ConnectFailure e) {
            try {
                tap.close();
            } catch (java.io.IOException ignored) {
                // the connect failure is what is reported
            }
            events.error(e.getMessage(), e.status());
            return e.status();
        }
        events.connected(connected.peer(), proto);
        List<String> command = ExecProcess.command(options);
        if (!command.isEmpty()) {
            return ExecSession.run(connected.socket(), connected.peer(), proto, command, options, tap, events);
        }
        if (proto.equals("udp")) {
            return DatagramSession.run(connected.socket(), connected.peer(), options, tap, events);
        }
        return StreamSession.run(connected.socket(), connected.peer(), proto, options, tap, events);
    }
}
