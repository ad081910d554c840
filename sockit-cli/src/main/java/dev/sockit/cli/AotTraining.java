package dev.sockit.cli;

import dev.sockit.addr.InetSockAddr;
import dev.sockit.net.Socket;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The training run of the {@code ./sockit} launcher's AOT cache (JDK 25+, JEP 483/514): runs
 * the commands whose start-up the cache should hold, in one JVM, so the classes they load and
 * link are in it. Not a user command: the launcher runs it with its output discarded, with
 * {@code -XX:AOTCacheOutput}, after the jar changes.
 *
 * <p>It talks to loopback only: a listener of its own on {@code 127.0.0.1}, port 0, that
 * answers one client, every wait bounded by {@link #TIMEOUT}. A command that fails here still
 * trains the classes it loaded, so failures are not fatal.
 */
public final class AotTraining {
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private AotTraining() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        Main.run("--version");
        Main.run("--help");
        try (Socket listener = Socket.createServer(InetSockAddr.parse("127.0.0.1:0"), 16, false, false)) {
            listener.settimeout(TIMEOUT);
            String port = Integer.toString(((InetSockAddr) listener.getsockname()).port());
            Thread server = Thread.ofPlatform().daemon().start(() -> answerOne(listener));
            Main.run("example", "tcp-client", "127.0.0.1", port);
            server.join(TIMEOUT);
            Main.run("-z", "127.0.0.1", port);
        }
    }

    private static void answerOne(Socket listener) {
        try (Socket client = listener.accept().socket()) {
            client.settimeout(TIMEOUT);
            client.sendall("trained\n".getBytes(StandardCharsets.US_ASCII), 0);
            while (client.recv(256, 0).length > 0) {
                // until the client closes: closing first could reset its connection
            }
        } catch (IOException trainingOnly) {
            // The client's side of this exchange is what the cache is for; the answer is a courtesy.
        }
    }
}
