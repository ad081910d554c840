package dev.sockit.server;

import dev.sockit.addr.InetSockAddr;
import dev.sockit.net.Socket;
import dev.sockit.net.SockOpt;
import dev.sockit.net.SocketTimedOutException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Virtual-thread-per-connection echo on sockit's blocking {@link Socket}, for
 * {@code bench/compare.sh} (peer "V"): the handler style the issue asks about, measured before it
 * earns an API. One platform thread accepts; each connection gets a virtual thread that loops
 * {@code recvInto} / {@code sendall} on a 64 KiB heap buffer until end of stream.
 *
 * <pre>
 * java -cp sockit-core/target/classes:sockit-core/target/test-classes dev.sockit.server.VirtualThreadSocketEcho PORT SECONDS
 * </pre>
 *
 * Listens on 127.0.0.1:PORT and exits after SECONDS (bounded: the accept loop wakes every second).
 */
public final class VirtualThreadSocketEcho {
    private VirtualThreadSocketEcho() {
    }

    public static void main(String[] args) throws IOException {
        int port = Integer.parseInt(args[0]);
        long deadline = System.nanoTime() + Duration.ofSeconds(Long.parseLong(args[1])).toNanos();
        try (Socket listener = Socket.createServer(InetSockAddr.parse("127.0.0.1:" + port), 4096, false, false);
                ExecutorService connections = Executors.newVirtualThreadPerTaskExecutor()) {
            listener.settimeout(Duration.ofSeconds(1));
            System.out.println("virtual-thread sockit echo on 127.0.0.1:" + port + " pid " + ProcessHandle.current().pid());
            while (System.nanoTime() - deadline < 0) {
                Socket client;
                try {
                    client = listener.accept().socket();
                } catch (SocketTimedOutException idle) {
                    continue;
                }
                connections.submit(() -> echo(client));
            }
            System.exit(0); // closing the executor would wait for the connections still open
        }
    }

    private static void echo(Socket client) {
        try (client) {
            client.setsockopt(SockOpt.IPPROTO_TCP, SockOpt.TCP_NODELAY, 1);
            ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
            while (client.recvInto(buffer.clear(), 0) > 0) {
                client.sendall(buffer.flip(), 0);
            }
        } catch (IOException peerGone) {
            // reset or closed by the load generator: this connection ends, no other
        }
    }
}
