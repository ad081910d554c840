package dev.sockit.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Virtual-thread-per-connection echo on the JDK's {@link ServerSocket}, for
 * {@code bench/compare.sh} (peer "T"): what the same handler style costs without sockit, the
 * reference for {@link VirtualThreadSocketEcho}. One platform thread accepts; each connection
 * gets a virtual thread that loops {@code read} / {@code write} of a 64 KiB array until end of
 * stream.
 *
 * <pre>
 * java -cp sockit-core/target/test-classes dev.sockit.server.VirtualThreadJdkEcho PORT SECONDS
 * </pre>
 *
 * Listens on 127.0.0.1:PORT and exits after SECONDS (bounded: the accept loop wakes every second).
 */
public final class VirtualThreadJdkEcho {
    private VirtualThreadJdkEcho() {
    }

    public static void main(String[] args) throws IOException {
        int port = Integer.parseInt(args[0]);
        long deadline = System.nanoTime() + Duration.ofSeconds(Long.parseLong(args[1])).toNanos();
        try (ServerSocket listener = new ServerSocket(port, 4096, InetAddress.getByName("127.0.0.1"));
                ExecutorService connections = Executors.newVirtualThreadPerTaskExecutor()) {
            listener.setSoTimeout(1000);
            System.out.println("virtual-thread JDK echo on 127.0.0.1:" + port + " pid " + ProcessHandle.current().pid());
            while (System.nanoTime() - deadline < 0) {
                Socket client;
                try {
                    client = listener.accept();
                } catch (SocketTimeoutException idle) {
                    continue;
                }
                connections.submit(() -> echo(client));
            }
            System.exit(0); // closing the executor would wait for the connections still open
        }
    }

    private static void echo(Socket client) {
        try (client; InputStream in = client.getInputStream(); OutputStream out = client.getOutputStream()) {
            client.setTcpNoDelay(true);
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) > 0; ) {
                out.write(buffer, 0, n);
            }
        } catch (IOException peerGone) {
            // reset or closed by the load generator: this connection ends, no other
        }
    }
}
