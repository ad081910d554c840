package dev.sockit.cli;

import dev.sockit.addr.InetSockAddr;
import dev.sockit.bench.BenchServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code sockit bench server}: serves concurrent test sessions on TCP and UDP, one port. */
@Command(name = "server", mixinStandardHelpOptions = true,
        description = "Serve benchmark sessions, several at once, each bounded in time; prints a line per session.")
final class BenchServerCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = {"-p", "--port"}, paramLabel = "PORT", description = "TCP and UDP port (default 5301; 0: any free port).")
    int port = BenchCommand.DEFAULT_PORT;

    @Option(names = {"-B", "--bind"}, paramLabel = "ADDR", description = "The address to listen on (default 0.0.0.0).")
    String bind = "0.0.0.0";

    @Option(names = "--max-sessions", paramLabel = "N", description = "Sessions at once at most (default 16).")
    int maxSessions = 16;

    @Option(names = "--max-time", paramLabel = "TIME", converter = BenchOptions.TimeConverter.class,
            description = "The longest test a client may ask for, warm-up included (default 5m).")
    Duration maxTime = Duration.ofMinutes(5);

    @Option(names = "--max-conns", paramLabel = "N", description = "TCP connections open at most (default 16384).")
    int maxConnections = 16384;

    @Option(names = "--loops", paramLabel = "N", description = "Event-loop threads (default 1).")
    int loops = 1;

    @Option(names = "--serve-for", paramLabel = "TIME", converter = BenchOptions.TimeConverter.class,
            description = "Stop after this long (default: serve until killed).")
    Optional<Duration> serveFor = Optional.empty();

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (port < 0 || port > 65535) {
            throw new ParameterException(spec.commandLine(), "-p: " + port + " (expected: 0-65535)");
        }
        if (maxSessions < 1 || maxConnections < 1 || loops < 1 || loops > 256) {
            throw new ParameterException(spec.commandLine(), "--max-sessions, --max-conns: 1 or more; --loops: 1-256");
        }
        InetSockAddr address;
        try {
            address = InetSockAddr.parse(bind.contains(":") ? "[" + bind + "]:" + port : bind + ":" + port);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "-B: \"" + bind + "\" is not an IP address");
        }
        PrintWriter out = spec.commandLine().getOut();
        BenchServer.Config config = new BenchServer.Config(address, maxSessions, maxTime, maxConnections, loops);
        try (BenchServer server = BenchServer.start(config, line -> {
            out.println(line);
            out.flush();
        })) {
            out.println("sockit bench server listening on " + server.localAddress() + " (tcp and udp)");
            out.flush();
            if (serveFor.isPresent()) {
                server.awaitTermination(serveFor.get());
            } else {
                while (!server.awaitTermination(Duration.ofDays(1))) {
                    // Serves until killed.
                }
            }
        }
        return Cli.OK;
    }
}
