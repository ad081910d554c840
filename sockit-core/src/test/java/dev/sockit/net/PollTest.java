package dev.sockit.net;

import static dev.sockit.net.Poll.POLLHUP;
import static dev.sockit.net.Poll.POLLIN;
import static dev.sockit.net.Poll.POLLOUT;
import static dev.sockit.net.Poll.POLLPRI;
import static dev.sockit.net.SocketFixtures.PATIENCE;
import static dev.sockit.net.SocketFixtures.connectedPair;
import static dev.sockit.net.SocketFixtures.loopback;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sockit.addr.AddressFamily;
import dev.sockit.addr.SocketType;
import dev.sockit.net.SocketFixtures.Pair;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link Poll}'s contract beyond what {@link SelectOracleTest} compares with Linux: timeouts,
 * waking, threads, arguments, and sockets whose channel changes; each body with both
 * {@link Readiness.Source sources}.
 */
class PollTest {
    private static final byte[] HELLO = "hello, poll".getBytes(StandardCharsets.US_ASCII);
    private static final Duration SHORT = Duration.ofMillis(50);

    static Stream<Arguments> sourcesAndFamilies() {
        List<Arguments> cases = new ArrayList<>();
        for (Readiness.Source source : Readiness.Source.values()) {
            for (AddressFamily family : List.of(AddressFamily.AF_INET, AddressFamily.AF_INET6)) {
                cases.add(Arguments.of(source, family));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("sourcesAndFamilies")
    void poll_zeroTimeoutAndNothingReady_returnsEmpty(Readiness.Source source, AddressFamily family) throws Exception {
        try (Pair pair = connectedPair(family)) {
            Poll poll = new Poll(source);
            poll.register(pair.client(), POLLIN);
            assertThat(poll.poll(Duration.ZERO)).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("sourcesAndFamilies")
    void poll_finiteTimeoutAndNothingReady_returnsEmptyOnceItPasses(Readiness.Source source, AddressFamily family)
            throws Exception {
        try (Pair pair = connectedPair(family)) {
            Poll poll = new Poll(source);
            poll.register(pair.client(), POLLIN);
            assertThat(poll.poll(SHORT)).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("sourcesAndFamilies")
    void poll_withoutTimeout_isWokenByDataSentFromAnotherThread(Readiness.Source source, AddressFamily family)
            throws Exception {
        try (Pair pair = connectedPair(family)) {
            Poll poll = new Poll(source);
            poll.register(pair.client(), POLLIN);
            CountDownLatch polling = new CountDownLatch(1);
            CompletableFuture<List<PollEvent>> found = CompletableFuture.supplyAsync(() -> {
                polling.countDown();
                try {
                    return poll.poll();
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            assertThat(polling.await(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();
            pair.server().sendall(HELLO, 0);
            assertThat(found.get(PATIENCE.toSeconds(), TimeUnit.SECONDS))
                    .containsExactly(new PollEvent(pair.client(), POLLIN));
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("sourcesAndFamilies")
    void poll_readableStream_leavesEveryByteForTheNextRecv(Readiness.Source source, AddressFamily family)
            throws Exception {
        try (Pair pair = connectedPair(family)) {
            pair.server().sendall(HELLO, 0);
            Poll poll = new Poll(source);
            poll.register(pair.client(), POLLIN);
            assertThat(poll.poll(PATIENCE)).containsExactly(new PollEvent(pair.client(), POLLIN));
            assertThat(poll.poll(Duration.ZERO)).containsExactly(new PollEvent(pair.client(), POLLIN));
            assertThat(pair.client().recv(100, 0)).isEqualTo(HELLO);
            assertThat(poll.poll(Duration.ZERO)).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(Readiness.Source.class)
    void poll_readableUnixStream_leavesEveryByteForTheNextRecv(Readiness.Source source) throws Exception {
        SocketPair pair = Socket.socketpair();
        try (Socket a = pair.first(); Socket b = pair.second()) {
            b.sendall(HELLO, 0);
            Poll poll = new Poll(source);
            poll.register(a, POLLIN);
            assertThat(poll.poll(PATIENCE)).containsExactly(new PollEvent(a, POLLIN));
            assertThat(a.recv(100, 0)).isEqualTo(HELLO);
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("sourcesAndFamilies")
    void poll_urgentOnlyOnASocketWithData_waitsOutTheTimeout(Readiness.Source source, AddressFamily family)
            throws Exception {
        try (Pair pair = connectedPair(family)) {
            pair.server().sendall(HELLO, 0);
            Poll poll = new Poll(source);
            poll.register(pair.client(), POLLPRI);
            assertThat(poll.poll(SHORT)).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("sourcesAndFamilies")
    void poll_socketRegisteredBeforeListen_reportsItsConnections(Readiness.Source source, AddressFamily family)
            throws Exception {
        try (Socket listener = Socket.socket(family, SocketType.SOCK_STREAM);
                Socket client = Socket.socket(family, SocketType.SOCK_STREAM)) {
            listener.bind(loopback(family));
            Poll poll = new Poll(source);
            poll.register(listener, POLLIN | POLLOUT);
            assertThat(poll.poll(Duration.ZERO)).containsExactly(new PollEvent(listener, POLLOUT | POLLHUP));
            listener.listen(1);
            client.connect(listener.getsockname());
            assertThat(poll.poll(PATIENCE)).containsExactly(new PollEvent(listener, POLLIN));
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("sourcesAndFamilies")
    void poll_socketClosedAfterAPoll_isClosedForThePeerAtOnce(Readiness.Source source, AddressFamily family)
            throws Exception {
        try (Pair pair = connectedPair(family)) {
            Poll poll = new Poll(source);
            poll.register(pair.client(), POLLIN | POLLOUT);
            assertThat(poll.poll(Duration.ZERO)).containsExactly(new PollEvent(pair.client(), POLLOUT));
            pair.client().close();
            pair.server().settimeout(PATIENCE);
            assertThat(pair.server().recv(10, 0)).isEmpty();
            assertThat(poll.poll(Duration.ZERO)).containsExactly(new PollEvent(pair.client(), Poll.POLLNVAL));
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("sourcesAndFamilies")
    void poll_connectingSocketPolledForInput_reportsTheServersGreeting(Readiness.Source source, AddressFamily family)
            throws Exception {
        try (Socket listener = Socket.createServer(loopback(family), 1, false, false);
                Socket client = Socket.socket(family, SocketType.SOCK_STREAM)) {
            client.setblocking(false);
            client.connectEx(listener.getsockname());
            Poll poll = new Poll(source);
            poll.register(client, POLLIN);
            CompletableFuture<List<PollEvent>> found = CompletableFuture.supplyAsync(() -> {
                try {
                    return poll.poll(PATIENCE);
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            try (Socket server = listener.accept().socket()) {
                server.sendall(HELLO, 0);
                assertThat(found.get(PATIENCE.toSeconds() + 1, TimeUnit.SECONDS))
                        .containsExactly(new PollEvent(client, POLLIN));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Readiness.Source.class)
    void poll_whileAnotherThreadPolls_throwsIllegalState(Readiness.Source source) throws Exception {
        try (Pair pair = connectedPair(AddressFamily.AF_INET)) {
            Poll poll = new Poll(source);
            poll.register(pair.client(), POLLIN);
            CountDownLatch polling = new CountDownLatch(1);
            CompletableFuture<List<PollEvent>> first = CompletableFuture.supplyAsync(() -> {
                polling.countDown();
                try {
                    return poll.poll();
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            assertThat(polling.await(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();
            assertThat(secondPollRefused(poll)).isTrue();
            pair.server().sendall(HELLO, 0);
            assertThat(first.get(PATIENCE.toSeconds(), TimeUnit.SECONDS))
                    .containsExactly(new PollEvent(pair.client(), POLLIN));
        }
    }

    /** Whether a second poll is refused once the first waits (it may not wait yet at the first try). */
    private static boolean secondPollRefused(Poll poll) throws IOException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                poll.poll(Duration.ZERO);
            } catch (IllegalStateException refused) {
                assertThat(refused).hasMessage("poll: concurrent poll() invocation (expected: one thread at a time)");
                return true;
            }
            Thread.yield();
        }
        return false;
    }

    @ParameterizedTest
    @EnumSource(Readiness.Source.class)
    void poll_interruptedThread_failsWithEintrAndStaysInterrupted(Readiness.Source source) throws Exception {
        try (Pair pair = connectedPair(AddressFamily.AF_INET)) {
            Poll poll = new Poll(source);
            poll.register(pair.client(), POLLIN);
            Thread.currentThread().interrupt();
            try {
                assertThatThrownBy(() -> poll.poll(PATIENCE))
                        .isInstanceOfSatisfying(SocketErrnoException.class,
                                e -> assertThat(e.errno()).isEqualTo(Errno.EINTR));
                assertThat(Thread.currentThread().isInterrupted()).isTrue();
            } finally {
                Thread.interrupted();
            }
        }
    }

    @Test
    void poll_nothingRegistered_waitsOutTheTimeout() throws Exception {
        assertThat(new Poll().poll(SHORT)).isEmpty();
    }

    @Test
    void poll_orderOfRegistration_isTheOrderReported() throws Exception {
        try (Pair first = connectedPair(AddressFamily.AF_INET); Pair second = connectedPair(AddressFamily.AF_INET)) {
            Poll poll = new Poll();
            poll.register(second.client(), POLLIN);
            poll.register(first.client(), POLLOUT);
            poll.modify(second.client(), POLLOUT);
            assertThat(poll.poll(Duration.ZERO)).containsExactly(new PollEvent(second.client(), POLLOUT),
                    new PollEvent(first.client(), POLLOUT));
            poll.unregister(second.client());
            poll.register(second.client(), POLLOUT);
            assertThat(poll.poll(Duration.ZERO)).containsExactly(new PollEvent(first.client(), POLLOUT),
                    new PollEvent(second.client(), POLLOUT));
        }
    }

    @Test
    void register_eventsOutsideAShort_throwsIllegalArgument() throws Exception {
        try (Socket socket = Socket.socket(AddressFamily.AF_INET, SocketType.SOCK_STREAM)) {
            Poll poll = new Poll();
            assertThatThrownBy(() -> poll.register(socket, 0x10000))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("events: 0x10000 (expected: 0-0xffff)");
            assertThatThrownBy(() -> poll.register(socket, -1)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void modify_unregisteredSocket_failsWithEnoent() throws Exception {
        try (Socket socket = Socket.socket(AddressFamily.AF_INET, SocketType.SOCK_STREAM)) {
            assertThatThrownBy(() -> new Poll().modify(socket, POLLIN))
                    .isInstanceOfSatisfying(SocketErrnoException.class, e -> {
                        assertThat(e.errno()).isEqualTo(Errno.ENOENT);
                        assertThat(e.call()).isEqualTo("modify");
                    });
        }
    }

    @Test
    void unregister_unregisteredSocket_throwsNoSuchElement() throws Exception {
        try (Socket socket = Socket.socket(AddressFamily.AF_INET, SocketType.SOCK_STREAM)) {
            assertThatThrownBy(() -> new Poll().unregister(socket))
                    .isInstanceOf(NoSuchElementException.class)
                    .hasMessage("unregister: the socket is not registered");
        }
    }

    @Test
    void poll_negativeTimeout_throwsIllegalArgument() {
        assertThatThrownBy(() -> new Poll().poll(Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("timeout: PT-0.001S (expected: >= 0)");
    }

    /** As strace 6.1 names each of the 16 bits of {@code short events}. */
    @Test
    void names_asStraceNamesThem() {
        assertThat(Poll.names(0)).isEqualTo("0");
        assertThat(Poll.names(0xffff)).isEqualTo("POLLIN|POLLPRI|POLLOUT|POLLERR|POLLHUP|POLLNVAL|POLLRDNORM|POLLRDBAND"
                + "|POLLWRNORM|POLLWRBAND|POLLMSG|POLLREMOVE|POLLRDHUP|POLL_BUSY_LOOP|0x4800");
        assertThat(Poll.names(0x800)).isEqualTo("0x800 /* POLL??? */");
    }

    @Test
    void pollEvent_toString_namesTheEvents() throws Exception {
        try (Socket socket = Socket.socket(AddressFamily.AF_INET, SocketType.SOCK_STREAM)) {
            assertThat(new PollEvent(socket, POLLIN | POLLOUT | Poll.POLLRDHUP | 0x4000).toString())
                    .isEqualTo("PollEvent[socket=" + socket + ", revents=POLLIN|POLLOUT|POLLRDHUP|0x4000]");
        }
    }
}
