package dev.sockit.net;

import dev.sockit.addr.AddressFamily;
import dev.sockit.addr.InetSockAddr;
import dev.sockit.addr.IpAddress;
import dev.sockit.addr.Ipv4Address;
import dev.sockit.addr.Ipv6Address;
import dev.sockit.addr.SockAddr;
import dev.sockit.addr.SocketType;
import dev.sockit.addr.UnixSockAddr;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * What the socket tests share: loopback addresses, connected pairs, a reset connection, a
 * closed port, a listener that cannot take another connection, the mode matrix, and
 * receive/send helpers that work in every mode.
 *
 * <p>Everything runs on loopback with ports the kernel picks; nothing sleeps. Non-blocking
 * mode has no {@code select} in sockit yet, so {@link #eventually} retries a call that fails
 * with {@code EAGAIN}, yielding, until it succeeds or {@link #PATIENCE} runs out.
 */
final class SocketFixtures {
    /** How long any test waits for something that should happen at once. */
    static final Duration PATIENCE = Duration.ofSeconds(10);
    /** 192.0.2.77 (TEST-NET-1): an address this host does not have. */
    static final Ipv4Address NOT_LOCAL_4 = Ipv4Address.ofHostOrder(0xc000024dL);
    /** 2001:db8::77 (documentation prefix): an address this host does not have. */
    static final Ipv6Address NOT_LOCAL_6 = Ipv6Address.ofBytes(
            new byte[] {0x20, 0x01, 0x0d, (byte) 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x77});

    private SocketFixtures() {
    }

    /** A socket's mode, to put the socket under test in. */
    enum Mode {
        BLOCKING, NON_BLOCKING, TIMEOUT;

        void apply(Socket socket) {
            switch (this) {
                case BLOCKING -> socket.setblocking(true);
                case NON_BLOCKING -> socket.setblocking(false);
                case TIMEOUT -> socket.settimeout(PATIENCE);
            }
        }
    }

    /** IPv4 and IPv6 × blocking, non-blocking and timeout mode. */
    static Stream<Arguments> matrix() {
        List<Arguments> cases = new ArrayList<>();
        for (AddressFamily family : List.of(AddressFamily.AF_INET, AddressFamily.AF_INET6)) {
            for (Mode mode : Mode.values()) {
                cases.add(Arguments.of(family, mode));
            }
        }
        return cases.stream();
    }

    /** IPv4 and IPv6. */
    static Stream<AddressFamily> inetFamilies() {
        return Stream.of(AddressFamily.AF_INET, AddressFamily.AF_INET6);
    }

    /** The loopback address of {@code family} with port 0. */
    static InetSockAddr loopback(AddressFamily family) {
        IpAddress address = family == AddressFamily.AF_INET6 ? Ipv6Address.LOOPBACK : Ipv4Address.LOOPBACK;
        return new InetSockAddr(address, 0);
    }

    /** A connected stream pair: {@code client} connected, {@code server} accepted; both blocking. */
    record Pair(Socket client, Socket server) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            try (client; server) {
                // Closes both.
            }
        }
    }

    /** A connected TCP pair on loopback (or a UNIX pair in a temporary directory). */
    static Pair connectedPair(AddressFamily family) throws IOException {
        SockAddr where = family == AddressFamily.AF_UNIX ? unixPath() : loopback(family);
        try (Socket listener = Socket.createServer(where, 1, false, false)) {
            Socket client = Socket.socket(family, SocketType.SOCK_STREAM);
            client.connect(listener.getsockname());
            return new Pair(client, listener.accept().socket());
        }
    }

    /**
     * A pair whose server end was closed with {@code SO_LINGER} 0, so the kernel answered with
     * a reset: the client's next receive reports {@code ECONNRESET}. Close it to close the client.
     */
    static Pair withResetConnection(AddressFamily family) throws IOException {
        Pair pair = connectedPair(family);
        pair.server().setLinger(Optional.of(Duration.ZERO));
        pair.server().close();
        return pair;
    }

    /** An address of {@code family} on loopback where nothing listens. */
    static InetSockAddr closedPort(AddressFamily family) throws IOException {
        try (Socket probe = Socket.socket(family, SocketType.SOCK_STREAM)) {
            probe.bind(loopback(family));
            return (InetSockAddr) probe.getsockname();
        }
    }

    /** A fresh path in a new temporary directory, for a UNIX socket. */
    static UnixSockAddr unixPath() throws IOException {
        Path directory = Files.createTempDirectory("sockit-test");
        directory.toFile().deleteOnExit();
        Path path = directory.resolve("s");
        path.toFile().deleteOnExit();
        return UnixSockAddr.of(path);
    }

    /**
     * A listener whose accept queue is full (backlog 1, two connections not accepted): Linux
     * drops the SYN of any further connection, which then stays pending until it times out.
     */
    record FullListener(Socket listener, List<Socket> queued) implements AutoCloseable {
        SockAddr address() throws IOException {
            return listener.getsockname();
        }

        @Override
        public void close() throws IOException {
            for (Socket socket : queued) {
                socket.close();
            }
            listener.close();
        }
    }

    static FullListener fullListener(AddressFamily family) throws IOException {
        Socket listener = Socket.createServer(loopback(family), 1, false, false);
        List<Socket> queued = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Socket client = Socket.socket(family, SocketType.SOCK_STREAM);
            client.settimeout(PATIENCE);
            client.connect(listener.getsockname());
            queued.add(client);
        }
        return new FullListener(listener, queued);
    }

    /** A call that may throw. */
    @FunctionalInterface
    interface Call<T> {
        T call() throws IOException;
    }

    /**
     * {@code call}'s result, retrying while it fails with {@code EAGAIN} (a non-blocking
     * socket with nothing to do yet), for up to {@link #PATIENCE}.
     */
    static <T> T eventually(Call<T> call) throws IOException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (true) {
            try {
                return call.call();
            } catch (SocketErrnoException e) {
                if (e.errno() != Errno.EAGAIN || System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.yield();
            }
        }
    }

    /** Exactly {@code n} bytes from {@code socket}, in any mode; fewer only at end of stream. */
    static byte[] recvExactly(Socket socket, int n) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(n);
        while (buffer.hasRemaining()) {
            if (eventually(() -> socket.recvInto(buffer, 0)) == 0) {
                break;
            }
        }
        return Arrays.copyOf(buffer.array(), buffer.position());
    }

    /** Sends all of {@code data} in any mode. */
    static void sendAll(Socket socket, byte[] data) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(data);
        while (buffer.hasRemaining()) {
            eventually(() -> socket.send(buffer, 0));
        }
    }

    /** A call that returns nothing. */
    @FunctionalInterface
    interface Action {
        void run() throws IOException;
    }

    /** {@code action} as a {@link Call} that returns {@code null}. */
    static Call<Void> run(Action action) {
        return () -> {
            action.run();
            return null;
        };
    }

    /**
     * How {@code call} ends, in the words {@code socket_oracle.py} uses: the errno's name;
     * {@code TIMEOUT} for a {@link SocketTimedOutException} (Python's {@code TimeoutError}
     * has no errno); {@code OK} for {@code null}; {@code EOF} or {@code DATA} for bytes; any
     * other result as text.
     */
    static String outcome(Call<?> call) {
        try {
            return switch (call.call()) {
                case null -> "OK";
                case byte[] bytes -> bytes.length == 0 ? "EOF" : "DATA";
                case Object result -> result.toString();
            };
        } catch (SocketTimedOutException e) {
            return "TIMEOUT";
        } catch (IOException e) {
            if (e instanceof SocketError error) {
                return error.errno().name();
            }
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Returns once {@code thread} waits inside sockit (its stack shows {@link Waiter#await}),
     * so that what the test does next happens to a blocked call, not before it. Fails after
     * {@link #PATIENCE}.
     */
    static void awaitBlocked(Thread thread) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            for (StackTraceElement frame : thread.getStackTrace()) {
                if (frame.getClassName().equals(Waiter.class.getName()) && frame.getMethodName().equals("await")) {
                    return;
                }
            }
            Thread.yield();
        }
        throw new AssertionError(thread + " did not block in sockit within " + PATIENCE);
    }

    /** {@code n} bytes of a repeating pattern. */
    static byte[] pattern(int n) {
        byte[] bytes = new byte[n];
        for (int i = 0; i < n; i++) {
            bytes[i] = (byte) (i * 31 + 7);
        }
        return bytes;
    }
}
