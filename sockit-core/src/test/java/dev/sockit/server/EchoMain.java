package dev.sockit.server;

import dev.sockit.addr.InetSockAddr;
import java.time.Duration;

/**
 * The echo engine on a port, for measuring from outside the JVM ({@code docs/benchmarks.md}):
 *
 * <pre>
 * java -cp sockit-core/target/classes:sockit-core/target/test-classes dev.sockit.server.EchoMain PORT SECONDS [LOOPS]
 * </pre>
 *
 * Listens on 127.0.0.1:PORT for SECONDS (bounded), then stops and prints the server's counters.
 */
public final class EchoMain {
    private EchoMain() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        long seconds = Long.parseLong(args[1]);
        int loops = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        ServerConfig config = ServerConfig.builder()
                .bind(InetSockAddr.parse("127.0.0.1:" + port))
                .eventLoops(loops)
                .maxConnections(19_000)
                .build();
        TcpServer server = TcpServer.start(config, Handlers.echo());
        System.out.println("echo on " + server.localAddress() + " pid " + ProcessHandle.current().pid()
                + " loops " + loops);
        if (!server.awaitTermination(Duration.ofSeconds(seconds))) {
            server.stop(Duration.ofSeconds(1));
        }
        server.awaitTermination(Duration.ofSeconds(5));
        System.out.println(server.stats());
    }
}
