package dev.sockit.net;

import static dev.sockit.net.SocketFixtures.PATIENCE;
import static dev.sockit.net.SocketFixtures.connectedPair;
import static dev.sockit.net.SocketFixtures.fullListener;
import static dev.sockit.net.SocketFixtures.loopback;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sockit.addr.AddressFamily;
import dev.sockit.addr.SocketType;
import dev.sockit.net.SocketFixtures.FullListener;
import dev.sockit.net.SocketFixtures.Pair;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Timeout mode, SO_RCVTIMEO / SO_SNDTIMEO, and the mode accessors: which error each timeout gives. */
class SocketTimeoutTest {
    private static final Duration SHORT = Duration.ofMillis(50);

    @ParameterizedTest
    @MethodSource("dev.sockit.net.SocketFixtures#inetFamilies")
    void recv_timeoutMode_nothingArrives_failsWithSocketTimedOutEagain(AddressFamily family) throws Exception {
        try (Pair pair = connectedPair(family)) {
            pair.client().settimeout(SHORT);

            assertThatThrownBy(() -> pair.client().recv(1, 0))
                    .isInstanceOf(SocketTimedOutException.class)
                    .hasMessageContaining("timed out")
                    .extracting(e -> ((SocketError) e).errno()).isEqualTo(Errno.EAGAIN);
        }
    }

    @ParameterizedTest
    @MethodSource("dev.sockit.net.SocketFixtures#inetFamilies")
    void accept_timeoutMode_nobodyConnects_failsWithSocketTimedOutEagain(AddressFamily family) throws Exception {
        try (Socket listener = Socket.createServer(loopback(family), 1, false, false)) {
            listener.settimeout(SHORT);

            assertThatThrownBy(listener::accept)
                    .isInstanceOf(SocketTimedOutException.class)
                    .extracting(e -> ((SocketError) e).errno()).isEqualTo(Errno.EAGAIN);
        }
    }

    @ParameterizedTest
    @MethodSource("dev.sockit.net.SocketFixtures#inetFamilies")
    void connect_timeoutMode_synDropped_failsWithEtimedout_andTheAttemptStaysPending(AddressFamily family)
            throws Exception {
        try (FullListener full = fullListener(family);
                Socket client = Socket.socket(family, SocketType.SOCK_STREAM)) {
            client.settimeout(SHORT);

            assertThatThrownBy(() -> client.connect(full.address()))
                    .isInstanceOf(SocketTimedOutException.class)
                    .extracting(e -> ((SocketError) e).errno()).isEqualTo(Errno.ETIMEDOUT);
            client.setblocking(false);
            assertThat(client.connectEx(full.address())).isEqualTo(Errno.EALREADY.number());
        }
    }

    @ParameterizedTest
    @MethodSource("dev.sockit.net.SocketFixtures#inetFamilies")
    void sendall_timeoutMode_peerNeverReads_failsWithSocketTimedOutEagain(AddressFamily family) throws Exception {
        try (Pair pair = connectedPair(family)) {
            pair.client().setSendBufferSize(4096);
            pair.server().setReceiveBufferSize(4096);
            pair.client().settimeout(SHORT);
            ByteBuffer plenty = ByteBuffer.allocate(16 << 20);

            assertThatThrownBy(() -> pair.client().sendall(plenty, 0))
                    .isInstanceOf(SocketTimedOutException.class)
                    .extracting(e -> ((SocketError) e).errno()).isEqualTo(Errno.EAGAIN);
            assertThat(plenty.position()).isPositive().isLessThan(plenty.capacity());
        }
    }

    @ParameterizedTest
    @MethodSource("dev.sockit.net.SocketFixtures#inetFamilies")
    void send_timeoutMode_bufferFillsAfterSomeBytes_returnsTheCountSent(AddressFamily family) throws Exception {
        try (Pair pair = connectedPair(family)) {
            pair.client().setSendBufferSize(4096);
            pair.client().settimeout(SHORT);

            int sent = pair.client().send(ByteBuffer.allocate(16 << 20), 0);

            assertThat(sent).isPositive().isLessThan(16 << 20);
        }
    }

    @ParameterizedTest
    @MethodSource("dev.sockit.net.SocketFixtures#inetFamilies")
    void recv_blockingWithSoRcvtimeo_failsWithPlainEagain_asLinux(AddressFamily family) throws Exception {
        try (Pair pair = connectedPair(family)) {
            pair.client().setReceiveTimeout(SHORT);

            assertThatThrownBy(() -> pair.client().recv(1, 0))
                    .isExactlyInstanceOf(SocketErrnoException.class)
                    .extracting(e -> ((SocketError) e).errno()).isEqualTo(Errno.EAGAIN);
            assertThat(pair.client().receiveTimeout()).isEqualTo(SHORT);
            assertThat(pair.client().getsockopt(SockOpt.SOL_SOCKET, SockOpt.SO_RCVTIMEO)).isEqualTo(50);
        }
    }

    @ParameterizedTest
    @MethodSource("dev.sockit.net.SocketFixtures#inetFamilies")
    void connect_blockingWithSoSndtimeo_synDropped_failsWithEinprogress_asLinux(AddressFamily family)
            throws Exception {
        try (FullListener full = fullListener(family);
                Socket client = Socket.socket(family, SocketType.SOCK_STREAM)) {
            client.setSendTimeout(SHORT);

            assertThatThrownBy(() -> client.connect(full.address()))
                    .isExactlyInstanceOf(SocketErrnoException.class)
                    .extracting(e -> ((SocketError) e).errno()).isEqualTo(Errno.EINPROGRESS);
        }
    }

    @Test
    void modes_setAndRead_asPythonShowsThem() throws Exception {
        try (Socket socket = Socket.socket(AddressFamily.AF_INET, SocketType.SOCK_STREAM)) {
            assertThat(socket.timeout()).isEmpty();
            assertThat(socket.blocking()).isTrue();

            socket.settimeout(Duration.ofMillis(1500));
            assertThat(socket.timeout()).contains(Duration.ofMillis(1500));
            assertThat(socket.blocking()).isTrue();

            socket.setblocking(false);
            assertThat(socket.timeout()).contains(Duration.ZERO);
            assertThat(socket.blocking()).isFalse();

            socket.settimeout(Duration.ZERO);
            assertThat(socket.blocking()).isFalse();

            socket.setblocking(true);
            assertThat(socket.timeout()).isEmpty();

            assertThatIllegalArgumentException().isThrownBy(() -> socket.settimeout(Duration.ofSeconds(-1)))
                    .withMessage("timeout: PT-1S (expected: >= 0)");
            socket.settimeout(Duration.ofSeconds(Long.MAX_VALUE));
            assertThat(socket.timeout()).contains(Duration.ofNanos(Long.MAX_VALUE));
        }
    }

    @Test
    void accepted_fromATimeoutModeListener_isInBlockingMode_asPython() throws Exception {
        try (Socket listener = Socket.createServer(loopback(AddressFamily.AF_INET), 1, false, false);
                Socket client = Socket.createConnection(
                        (dev.sockit.addr.InetSockAddr) listener.getsockname(), PATIENCE, Optional.empty())) {
            listener.settimeout(PATIENCE);
            try (Socket accepted = listener.accept().socket()) {
                assertThat(accepted.timeout()).isEmpty();
                assertThat(client.timeout()).contains(PATIENCE);
            }
        }
    }
}
