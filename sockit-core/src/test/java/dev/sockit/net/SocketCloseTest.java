package dev.sockit.net;

import static dev.sockit.net.SocketFixtures.PATIENCE;
import static dev.sockit.net.SocketFixtures.awaitBlocked;
import static dev.sockit.net.SocketFixtures.connectedPair;
import static dev.sockit.net.SocketFixtures.fullListener;
import static dev.sockit.net.SocketFixtures.loopback;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sockit.addr.AddressFamily;
import dev.sockit.addr.InetSockAddr;
import dev.sockit.addr.SocketType;
import dev.sockit.net.SocketFixtures.FullListener;
import dev.sockit.net.SocketFixtures.Mode;
import dev.sockit.net.SocketFixtures.Pair;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** close() from another thread, and interrupts, against calls blocked in blocking and timeout mode. */
class SocketCloseTest {

    /** Runs {@code call} on a new thread, once it blocks closes {@code socket}, and returns what the call threw. */
    private static Throwable closeWhileBlocked(Socket socket, SocketFixtures.Call<?> call) throws Exception {
        CompletableFuture<Object> result = new CompletableFuture<>();
        Thread thread = Thread.ofPlatform().start(() -> {
            try {
                result.complete(call.call());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        });
        awaitBlocked(thread);
        socket.close();
        try {
            result.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
            throw new AssertionError("the blocked call returned");
        } catch (ExecutionException e) {
            return e.getCause();
        }
    }

    private static Mode waiting(Mode mode) {
        return mode == Mode.NON_BLOCKING ? Mode.BLOCKING : mode;
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("dev.sockit.net.SocketFixtures#matrix")
    void close_fromAnotherThread_wakesABlockedRecv_withEbadf(AddressFamily family, Mode mode) throws Exception {
        try (Pair pair = connectedPair(family)) {
            waiting(mode).apply(pair.client());

            Throwable thrown = closeWhileBlocked(pair.client(), () -> pair.client().recv(10, 0));

            assertThat(thrown).isInstanceOf(SocketErrnoException.class);
            assertThat(((SocketError) thrown).errno()).isEqualTo(Errno.EBADF);
            assertThat(pair.server().recv(10, 0)).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("dev.sockit.net.SocketFixtures#matrix")
    void close_fromAnotherThread_wakesABlockedAccept_withEbadf(AddressFamily family, Mode mode) throws Exception {
        try (Socket listener = Socket.createServer(loopback(family), 1, false, false)) {
            waiting(mode).apply(listener);

            Throwable thrown = closeWhileBlocked(listener, listener::accept);

            assertThat(thrown).isInstanceOf(SocketErrnoException.class);
            assertThat(((SocketError) thrown).errno()).isEqualTo(Errno.EBADF);
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("dev.sockit.net.SocketFixtures#matrix")
    void close_fromAnotherThread_wakesABlockedConnect_withEbadf(AddressFamily family, Mode mode) throws Exception {
        try (FullListener full = fullListener(family);
                Socket client = Socket.socket(family, SocketType.SOCK_STREAM)) {
            waiting(mode).apply(client);

            Throwable thrown = closeWhileBlocked(client, () -> {
                client.connect(full.address());
                return null;
            });

            assertThat(thrown).isInstanceOf(SocketErrnoException.class);
            assertThat(((SocketError) thrown).errno()).isEqualTo(Errno.EBADF);
        }
    }

    @ParameterizedTest
    @MethodSource("dev.sockit.net.SocketFixtures#inetFamilies")
    void listenAgain_whileAnotherThreadWaitsInAccept_returnsAtOnce(AddressFamily family) throws Exception {
        try (Socket listener = Socket.createServer(loopback(family), 1, false, false)) {
            CompletableFuture<Accepted> waiting = new CompletableFuture<>();
            Thread acceptor = Thread.ofPlatform().start(() -> {
                try {
                    waiting.complete(listener.accept());
                } catch (IOException e) {
                    waiting.completeExceptionally(e);
                }
            });
            awaitBlocked(acceptor);

            listener.listen(16);

            try (Socket client = Socket.createConnection((InetSockAddr) listener.getsockname(), PATIENCE,
                    Optional.empty())) {
                Accepted accepted = waiting.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
                assertThat(accepted.address()).isEqualTo(client.getsockname());
                accepted.socket().close();
            }
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("dev.sockit.net.SocketFixtures#matrix")
    void close_twice_isHarmless_andLeavesAClosedSocket(AddressFamily family, Mode mode) throws Exception {
        Socket socket = Socket.socket(family, SocketType.SOCK_STREAM);
        mode.apply(socket);
        assertThat(socket.fileno()).isGreaterThan(2);

        socket.close();
        socket.close();

        assertThat(socket.fileno()).isEqualTo(-1);
        assertThat(socket.toString()).startsWith("<socket [closed] fd=-1, family=" + family + ", type=SOCK_STREAM");
        assertThat(SocketFixtures.outcome(socket::getsockname)).isEqualTo("EBADF");
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("dev.sockit.net.SocketFixtures#matrix")
    void interrupt_ofABlockedRecv_failsWithEintr_andTheSocketStaysUsable(AddressFamily family, Mode mode)
            throws Exception {
        try (Pair pair = connectedPair(family)) {
            waiting(mode).apply(pair.client());
            CompletableFuture<Throwable> result = new CompletableFuture<>();
            Thread thread = Thread.ofPlatform().start(() -> {
                try {
                    pair.client().recv(10, 0);
                    result.complete(null);
                } catch (Throwable e) {
                    result.complete(e);
                }
            });
            awaitBlocked(thread);

            thread.interrupt();

            Throwable thrown = result.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
            assertThat(thrown).isInstanceOf(SocketErrnoException.class);
            assertThat(((SocketError) thrown).errno()).isEqualTo(Errno.EINTR);
            pair.server().send("still here".getBytes(StandardCharsets.US_ASCII), 0);
            assertThat(pair.client().recv(20, 0)).asString(StandardCharsets.US_ASCII).isEqualTo("still here");
        }
    }
}
