package dev.sockit.cli.nc;

import java.util.ArrayList;
import java.util.List;

/**
 * What {@code sockit -l} is asked to do, checked as a whole: one way of serving clients, and
 * the flags that shape it. Incompatible flags are a {@link UsageError}.
 *
 * @param kind how clients are served
 * @param keepOpen many clients ({@code -k}, or {@code --broker}/{@code --chat})
 * @param maxClients {@code -m}
 * @param brokerConsole {@code --broker-console}
 * @param sendsNothing {@code --recv-only} or {@code --no-stdin}: stdin is not read
 * @param command the program of {@code -e}/{@code -c}, as an argument list; empty otherwise
 */
record ListenPlan(Kind kind, boolean keepOpen, int maxClients, boolean brokerConsole, boolean sendsNothing, List<String> command) {

    /** How clients are served. */
    enum Kind { STDIO, ECHO, DISCARD, CHARGEN, REPLY, BROKER, CHAT, EXEC }

    /** Whether stdin is read: by the plain listener, and by a broker with a console. */
    boolean readsStdin() {
        return !sendsNothing && (kind == Kind.STDIO || ((kind == Kind.BROKER || kind == Kind.CHAT) && brokerConsole));
    }

    /**
     * The plan of {@code options}.
     *
     * @throws UsageError for flags that exclude each other, or an {@code -m} below 1
     */
    static ListenPlan of(NetcatOptions options) {
        List<String> modes = new ArrayList<>();
        add(modes, options.broker, "--broker");
        add(modes, options.chat, "--chat");
        add(modes, options.execProgram != null, "-e");
        add(modes, options.shellCommand != null, "-c");
        add(modes, options.echo, "--echo");
        add(modes, options.discard, "--discard");
        add(modes, options.chargen, "--chargen");
        add(modes, options.reply != null, "--reply");
        if (modes.size() > 1) {
            throw new UsageError(String.join(" and ", modes) + " exclude each other (give one way to serve clients)");
        }
        if (options.brokerConsole && !options.broker && !options.chat) {
            throw new UsageError("--broker-console needs --broker or --chat");
        }
        if (options.maxConnections != null && options.maxConnections < 1) {
            throw new UsageError("-m " + options.maxConnections + ": out of range (expected: 1 or more)");
        }
        Kind kind = options.broker ? Kind.BROKER
                : options.chat ? Kind.CHAT
                : options.execProgram != null || options.shellCommand != null ? Kind.EXEC
                : options.echo ? Kind.ECHO
                : options.discard ? Kind.DISCARD
                : options.chargen ? Kind.CHARGEN
                : options.reply != null ? Kind.REPLY
                : Kind.STDIO;
        if (options.udp && (kind == Kind.BROKER || kind == Kind.CHAT || kind == Kind.CHARGEN)) {
            throw new UsageError(modes.get(0) + " is for TCP (not with -u)");
        }
        List<String> command = ExecProcess.command(options);
        boolean keepOpen = options.keepOpen || kind == Kind.BROKER || kind == Kind.CHAT;
        int max = options.maxConnections == null ? ListenMode.DEFAULT_MAX_CLIENTS : options.maxConnections;
        return new ListenPlan(kind, keepOpen, max, options.brokerConsole, options.recvOnly || options.noStdin, command);
    }

    private static void add(List<String> modes, boolean on, String flag) {
        if (on) {
            modes.add(flag);
        }
    }
}
