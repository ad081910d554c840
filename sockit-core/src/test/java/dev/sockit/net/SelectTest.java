package dev.sockit.net;

import static dev.sockit.net.SocketFixtures.PATIENCE;
import static dev.sockit.net.SocketFixtures.connectedPair;
import static dev.sockit.net.SocketFixtures.withResetConnection;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sockit.addr.AddressFamily;
import dev.sockit.addr.SocketType;
import dev.sockit.net.SocketFixtures.Pair;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link Select}'s contract beyond what {@link SelectOracleTest} compares with Linux: timeouts,
 * waking, arguments, and a reset's error staying for the calls after select.
 */
class SelectTest {
    private static final byte[] HELLO = "hello, select".getBytes(StandardCharsets.US_ASCII);
    private static final Duration SHORT = Duration.ofMillis(50);

    @Test
    void select_zeroTimeoutAndNothingReady_returnsEmpty() throws Exception {
        try (Pair pair = connectedPair(AddressFamily.AF_INET)) {
            Selected selected = Select.select(List.of(pair.client()), List.of(), List.of(pair.client()), Duration.ZERO);
            assertThat(selected.isEmpty()).isTrue();
            assertThat(selected).isEqualTo(new Selected(List.of(), List.of(), List.of()));
        }
    }

    @Test
    void select_finiteTimeoutAndNothingReady_returnsEmptyOnceItPasses() throws Exception {
        try (Pair pair = connectedPair(AddressFamily.AF_INET6)) {
            assertThat(Select.select(List.of(pair.client()), List.of(), List.of(), SHORT).isEmpty()).isTrue();
        }
    }

    @Test
    void select_threeEmptyLists_waitsOutTheTimeout() throws Exception {
        assertThat(Select.select(List.of(), List.of(), List.of(), SHORT).isEmpty()).isTrue();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("dev.sockit.net.PollTest#sourcesAndFamilies")
    void select_withoutTimeout_isWokenByDataSentFromAnotherThread(Readiness.Source source, AddressFamily family)
            throws Exception {
        try (Pair pair = connectedPair(family); Pair idle = connectedPair(family)) {
            CountDownLatch selecting = new CountDownLatch(1);
            CompletableFuture<Selected> found = CompletableFuture.supplyAsync(() -> {
                selecting.countDown();
                try {
                    return Select.select(List.of(idle.client(), pair.client()), List.of(), List.of(),
                            Deadline.never(), source);
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            assertThat(selecting.await(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();
            pair.server().sendall(HELLO, 0);
            assertThat(found.get(PATIENCE.toSeconds(), TimeUnit.SECONDS))
                    .isEqualTo(new Selected(List.of(pair.client()), List.of(), List.of()));
            assertThat(pair.client().recv(100, 0)).isEqualTo(HELLO);
        }
    }

    @ParameterizedTest
    @EnumSource(Readiness.Source.class)
    void select_blockingListenerAndNonBlockingStream_bothReported(Readiness.Source source) throws Exception {
        try (Socket listener = Socket.createServer(SocketFixtures.loopback(AddressFamily.AF_INET), 1, false, false);
                Socket client = Socket.socket(AddressFamily.AF_INET, SocketType.SOCK_STREAM)) {
            client.connect(listener.getsockname());
            client.setblocking(false);
            Selected selected = Select.select(List.of(listener, client), List.of(listener, client), List.of(),
                    Readiness.deadline(PATIENCE), source);
            assertThat(selected.read()).containsExactly(listener);
            assertThat(selected.write()).containsExactly(client);
            assertThat(listener.blocking()).isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(Readiness.Source.class)
    void select_resetConnection_leavesTheErrorForTheNextRecv(Readiness.Source source) throws Exception {
        try (Pair pair = withResetConnection(AddressFamily.AF_INET)) {
            Socket client = pair.client();
            Selected selected = Select.select(List.of(client), List.of(), List.of(), Readiness.deadline(PATIENCE),
                    source);
            assertThat(selected.read()).containsExactly(client);
            assertThatThrownBy(() -> client.recv(10, 0))
                    .isInstanceOfSatisfying(SocketErrnoException.class,
                            e -> assertThat(e.errno()).isEqualTo(Errno.ECONNRESET));
            assertThat(client.recv(10, 0)).isEmpty();
        }
    }

    @Test
    void select_closedSocket_failsWithEbadf() throws Exception {
        Socket socket = Socket.socket(AddressFamily.AF_INET, SocketType.SOCK_DGRAM);
        socket.close();
        assertThatThrownBy(() -> Select.select(List.of(), List.of(socket), List.of(), Duration.ZERO))
                .isInstanceOfSatisfying(SocketErrnoException.class, e -> {
                    assertThat(e.errno()).isEqualTo(Errno.EBADF);
                    assertThat(e.call()).isEqualTo("select");
                });
    }

    @Test
    void select_nullSocket_throwsNullPointer() {
        List<Socket> withNull = new ArrayList<>(Arrays.asList((Socket) null));
        assertThatThrownBy(() -> Select.select(withNull, List.of(), List.of(), Duration.ZERO))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("read: a null socket");
    }

    @Test
    void select_negativeTimeout_throwsIllegalArgument() {
        assertThatThrownBy(() -> Select.select(List.of(), List.of(), List.of(), Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("timeout: PT-1S (expected: >= 0)");
    }

    @Test
    void selected_lists_cannotBeModified() throws Exception {
        try (Pair pair = connectedPair(AddressFamily.AF_INET)) {
            Selected selected = Select.select(List.of(), List.of(pair.client()), List.of(), Duration.ZERO);
            assertThatThrownBy(() -> selected.write().clear()).isInstanceOf(UnsupportedOperationException.class);
        }
    }
}
