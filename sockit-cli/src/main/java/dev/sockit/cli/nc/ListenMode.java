package dev.sockit.cli.nc;

import dev.sockit.addr.GaiException;
import dev.sockit.addr.InetSockAddr;
import dev.sockit.addr.SockAddr;
import dev.sockit.addr.SocketType;
import dev.sockit.server.ConnectionHandler;
import dev.sockit.server.Handlers;
import dev.sockit.server.ServerConfig;
import dev.sockit.server.TcpServer;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/**
 * {@code sockit -l}: listen mode, on the server engine. Checks the flags, binds, and serves
 * clients in one of these ways: the plain listener (clients' data to stdout, stdin to the
 * clients), {@code --broker}/{@code --chat}, {@code -e}/{@code -c} (a program per client), or a
 * built-in service ({@code --echo}, {@code --discard}, {@code --chargen}, {@code --reply}).
 * TCP and UNIX stream sockets here; UDP in {@link UdpListen}. Handlers never block an event loop: stdin and stdout
 * have their own threads ({@link StdinReader}, {@link StdoutPump}), and so do programs. One
 * exception: the plain listener with one client (no {@code -k}), once stdin is done, writes
 * that client's bytes to stdout on the event loop ({@link StdoutPump#writeInline}), which then
 * serves that connection only; a stdout that is behind stops the reading, which the sender
 * meets as TCP backpressure.
 */
public final class ListenMode {
    /** {@code -m} when not given, as ncat. */
    static final int DEFAULT_MAX_CLIENTS = 100;
    /**
     * The engine's read buffer for listen mode: 4 KiB, measured. On loopback the sender's write
     * delivers each segment and wakes the receiver in the sender's own context; a listener
     * that drains its queue in big reads sleeps and is woken again per segment, and the sender
     * pays for it (inferred from the sender's system time for 2 GiB: 2.1 s with 64 KiB reads,
     * 1.1–1.2 s with 4 KiB).
     * Smaller reads keep the listener busy, its queue non-empty, the sender cheap: sockit→sockit
     * went from 0.78× to 1.15× nc's pipe speed (docs/benchmarks.md, "Netcat pipe speed").
     */
    static final int READ_BUFFER = 4 * 1024;

    private ListenMode() {
    }

    /**
     * Runs listen mode until its session ends (without {@code -k}) or the process is killed.
     *
     * @return an {@link ExitStatus}
     */
    public static int run(NetcatOptions options, List<String> operands, EventLog events) {
        try {
            ListenPlan plan = ListenPlan.of(options);
            if (options.unix) {
                UnixListenPath path = UnixListenPath.of(operands);
                AccessRules rules = AccessRules.of(options);
                TrafficTap tap = TrafficTap.open(options, Clock.systemUTC());
                try {
                    path.removeStale();
                    ServerConfig config = config(options).bindUnix(path.address()).build();
                    try {
                        return serve(options, plan, config, List.of(path.address()), rules, tap, events, "unix");
                    } finally {
                        path.remove();
                    }
                } finally {
                    closeTap(tap, events);
                }
            }
            SocketType type = options.udp ? SocketType.SOCK_DGRAM : SocketType.SOCK_STREAM;
            ListenAddresses where = ListenAddresses.of(options, operands, type);
            AccessRules rules = AccessRules.of(options);
            TrafficTap tap = TrafficTap.open(options, Clock.systemUTC());
            try {
                if (options.udp) {
                    return UdpListen.run(options, plan, where, rules, tap, events);
                }
                ServerConfig.Builder config = config(options);
                where.addresses().forEach(config::bind);
                return serve(options, plan, config.build(), where.addresses(), rules, tap, events, "tcp");
            } finally {
                closeTap(tap, events);
            }
        } catch (UsageError e) {
            events.error(e.getMessage(), ExitStatus.USAGE);
            return ExitStatus.USAGE;
        } catch (GaiException e) {
            events.error(e.getMessage(), ExitStatus.NETWORK);
            return ExitStatus.NETWORK;
        } catch (IOException e) {
            events.error(e.getMessage(), ExitStatus.NETWORK);
            return ExitStatus.NETWORK;
        }
    }

    /**
     * The engine configuration every listen mode shares ({@code -i}, the read size, {@code -6}
     * as {@code IPV6_V6ONLY} so the kernel refuses IPv4 clients), addresses still to add.
     */
    static ServerConfig.Builder config(NetcatOptions options) {
        ServerConfig.Builder config = ServerConfig.builder().readBufferSize(READ_BUFFER).v6Only(options.ipv6Only);
        if (options.idleTimeout != null) {
            config.idleTimeout(options.idleTimeout);
        }
        return config;
    }

    /** Serves stream clients (TCP or UNIX) on {@code config}'s addresses until the session ends. */
    private static int serve(NetcatOptions options, ListenPlan plan, ServerConfig config, List<? extends SockAddr> where,
            AccessRules rules, TrafficTap tap, EventLog events, String proto) {
        ListenSession session = new ListenSession(events, proto, rules, plan.keepOpen(), plan.maxClients());
        Clients clients = new Clients();
        StdoutPump stdout = StdoutPump.stdout(e -> {
            events.error("stdout: " + e.getMessage(), ExitStatus.NETWORK);
            session.finish(ExitStatus.NETWORK);
        });
        BrokerRoom room = new BrokerRoom(options.chat, clients, stdout, tap, plan.brokerConsole());
        Supplier<ConnectionHandler> inner = switch (plan.kind()) {
            case STDIO -> () -> new StdioClient(clients, stdout, tap, options.exitOnPeerClose, options.sendOnly, plan.sendsNothing(), !plan.keepOpen());
            case ECHO -> Handlers.echo();
            case DISCARD -> Handlers.discard();
            case CHARGEN -> Handlers.chargen();
            case REPLY -> Handlers.replyOnce(options.reply);
            case BROKER, CHAT -> room::member;
            case EXEC -> ExecClient.handlers(plan.command(), events);
        };
        TcpServer server;
        try {
            server = TcpServer.start(config, () -> new Admitted(session, inner.get()));
        } catch (IOException e) {
            finish(stdout);
            events.error("cannot listen on " + where.stream().map(EventLog::text).toList() + ": " + e.getMessage(), ExitStatus.NETWORK);
            return ExitStatus.NETWORK;
        }
        session.onFirstClient(() -> server.stop(Duration.ofDays(365)));
        Thread hook = flushOnExit(stdout);
        try {
            for (InetSockAddr local : server.localAddresses()) {
                events.listening(local, proto);
            }
            for (SockAddr path : config.unixPaths()) {
                events.listening(path, proto);
            }
            if (options.acceptTimeout != null) {
                session.acceptTimeout(options.acceptTimeout);
            }
            if (plan.readsStdin()) {
                StdinReader.start(plan.kind() == ListenPlan.Kind.STDIO ? StdinReader.fanOut(clients) : room.consoleSink(), tap, StdinReader.TCP_CHUNK, options);
            }
            int status = session.awaitEnd();
            clients.close();
            server.close();
            return status;
        } finally {
            finish(stdout);
            Runtime.getRuntime().removeShutdownHook(hook);
        }
    }

    /** On a signal ({@code -k} ends so), what clients sent is still written out (at most 2 s). */
    static Thread flushOnExit(StdoutPump stdout) {
        Thread hook = new Thread(() -> {
            try {
                stdout.finish(Duration.ofSeconds(2));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "sockit-flush");
        Runtime.getRuntime().addShutdownHook(hook);
        return hook;
    }

    static void finish(StdoutPump stdout) {
        try {
            stdout.finish(Duration.ofSeconds(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeTap(TrafficTap tap, EventLog events) {
        try {
            tap.close();
        } catch (IOException e) {
            events.error(e.getMessage(), ExitStatus.NETWORK);
        }
    }
}
