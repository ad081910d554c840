package dev.sockit.server;

import dev.sockit.addr.InetSockAddr;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * What the server tests share: configs on loopback port 0, blocking clients whose reads time
 * out after {@link #PATIENCE}, and a handler that reports its events to a queue.
 */
final class ServerFixtures {
    static final Duration PATIENCE = Duration.ofSeconds(10);

    private ServerFixtures() {
    }

    static ServerConfig.Builder loopback() {
        return ServerConfig.builder().bind(InetSockAddr.parse("127.0.0.1:0"));
    }

    /** A blocking client whose reads give up after {@link #PATIENCE}. */
    static Socket connect(TcpServer server) throws IOException {
        Socket s = new Socket();
        s.connect(server.localAddress().toInetSocketAddress(), (int) PATIENCE.toMillis());
        s.setSoTimeout((int) PATIENCE.toMillis());
        s.setTcpNoDelay(true);
        return s;
    }

    /** Reads exactly {@code n} bytes. */
    static byte[] readN(Socket s, int n) throws IOException {
        return s.getInputStream().readNBytes(n);
    }

    /** Reads until EOF (bounded by the socket's timeout per read); the bytes read. */
    static long drainToEof(Socket s) throws IOException {
        InputStream in = s.getInputStream();
        byte[] buf = new byte[64 * 1024];
        long total = 0;
        for (int n; (n = in.read(buf)) >= 0; ) {
            total += n;
        }
        return total;
    }

    /** Waits for {@code condition}, re-checking when {@code events} delivers; fails after PATIENCE. */
    static <T> T poll(BlockingQueue<T> events) throws InterruptedException {
        T e = events.poll(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
        if (e == null) {
            throw new AssertionError("no event within " + PATIENCE);
        }
        return e;
    }

    /** An event a {@link Recording} handler saw. */
    record Event(String kind, Connection connection, CloseCause cause) {
    }

    /** Echoes, and reports open and close to {@link #events}; hooks let a test change a callback. */
    static final class Recording implements Supplier<ConnectionHandler> {
        final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
        volatile Consumer<Connection> onOpen = c -> { };
        volatile boolean stopDefault = true;

        @Override
        public ConnectionHandler get() {
            return new ConnectionHandler() {
                @Override
                public void onOpen(Connection c) {
                    events.add(new Event("open", c, null));
                    onOpen.accept(c);
                }

                @Override
                public void onData(Connection c, ByteBuffer data) {
                    c.write(data);
                }

                @Override
                public void onStop(Connection c) {
                    events.add(new Event("stop", c, null));
                    if (stopDefault) {
                        ConnectionHandler.super.onStop(c);
                    }
                }

                @Override
                public void onClose(Connection c, CloseCause cause) {
                    events.add(new Event("close", c, cause));
                }
            };
        }

        Event next(String kind) throws InterruptedException {
            while (true) {
                Event e = poll(events);
                if (e.kind().equals(kind)) {
                    return e;
                }
            }
        }
    }
}
