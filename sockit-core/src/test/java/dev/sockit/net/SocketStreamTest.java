package dev.sockit.net;

import static dev.sockit.net.SocketFixtures.PATIENCE;
import static dev.sockit.net.SocketFixtures.connectedPair;
import static dev.sockit.net.SocketFixtures.eventually;
import static dev.sockit.net.SocketFixtures.pattern;
import static dev.sockit.net.SocketFixtures.recvExactly;
import static dev.sockit.net.SocketFixtures.sendAll;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sockit.addr.AddressFamily;
import dev.sockit.addr.InetSockAddr;
import dev.sockit.addr.SocketType;
import dev.sockit.net.SocketFixtures.Mode;
import dev.sockit.net.SocketFixtures.Pair;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** TCP over loopback, each body run over IPv4/IPv6 × blocking/non-blocking/timeout mode. */
class SocketStreamTest {

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("dev.sockit.net.SocketFixtures#matrix")
    void sendRecv_echoExchange_bytesComeBackInOrder(AddressFamily family, Mode mode) throws Exception {
        try (Pair pair = connectedPair(family)) {
            mode.apply(pair.client());
            mode.apply(pair.server());
            for (int round = 0; round < 5; round++) {
                byte[] request = ("ping " + round).getBytes(StandardCharsets.US_ASCII);
                sendAll(pair.client(), request);
                byte[] echoed = recvExactly(pair.server(), request.length);
                sendAll(pair.server(), echoed);
                assertThat(recvExactly(pair.client(), request.length)).isEqualTo(request);
            }
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("dev.sockit.net.SocketFixtures#matrix")
    void sendall_moreThanTheSocketBuffers_arrivesWholeWhileThePeerReads(AddressFamily family, Mode mode)
            throws Exception {
        byte[] payload = pattern(4 << 20);
        try (Pair pair = connectedPair(family)) {
            mode.apply(pair.client());
            CompletableFuture<byte[]> received = CompletableFuture.supplyAsync(() -> {
                try {
                    return recvExactly(pair.server(), payload.length);
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            sendAll(pair.client(), payload);
            assertThat(received.get(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isEqualTo(payload);
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("dev.sockit.net.SocketFixtures#matrix")
    void shutdownWr_peerReadsEndOfStream_andCanStillSendBack(AddressFamily family, Mode mode) throws Exception {
        try (Pair pair = connectedPair(family)) {
            mode.apply(pair.client());
            mode.apply(pair.server());
            sendAll(pair.client(), "last words".getBytes(StandardCharsets.US_ASCII));
            pair.client().shutdown(Socket.SHUT_WR);

            assertThat(new String(recvExactly(pair.server(), 100), StandardCharsets.US_ASCII)).isEqualTo("last words");
            assertThat(eventually(() -> pair.server().recv(10, 0))).isEmpty();
            assertThat(eventually(() -> pair.server().recv(10, 0))).isEmpty();
            assertThatThrownBy(() -> pair.client().send(new byte[1], 0))
                    .isInstanceOf(SocketErrnoException.class)
                    .extracting(e -> ((SocketError) e).errno()).isEqualTo(Errno.EPIPE);

            sendAll(pair.server(), "reply".getBytes(StandardCharsets.US_ASCII));
            pair.server().shutdown(Socket.SHUT_WR);
            assertThat(new String(recvExactly(pair.client(), 100), StandardCharsets.US_ASCII)).isEqualTo("reply");
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("dev.sockit.net.SocketFixtures#matrix")
    void recvPeek_leavesTheBytes_forTheNextRecv(AddressFamily family, Mode mode) throws Exception {
        try (Pair pair = connectedPair(family)) {
            mode.apply(pair.client());
            sendAll(pair.server(), "hello".getBytes(StandardCharsets.US_ASCII));
            pair.server().shutdown(Socket.SHUT_WR);

            assertThat(eventually(() -> pair.client().recv(3, Socket.MSG_PEEK))).hasSizeBetween(1, 3);
            assertThat(eventually(() -> pair.client().recv(5, Socket.MSG_PEEK | Socket.MSG_WAITALL)))
                    .asString(StandardCharsets.US_ASCII).isEqualTo("hello");
            assertThat(pair.client().recv(2, 0)).asString(StandardCharsets.US_ASCII).isEqualTo("he");
            assertThat(pair.client().recv(10, Socket.MSG_PEEK)).asString(StandardCharsets.US_ASCII).isEqualTo("llo");
            assertThat(pair.client().recv(10, Socket.MSG_DONTWAIT)).asString(StandardCharsets.US_ASCII).isEqualTo("llo");
            assertThat(pair.client().recv(10, 0)).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("dev.sockit.net.SocketFixtures#matrix")
    void recv_afterAShortPeek_returnsEverythingAvailable(AddressFamily family, Mode mode) throws Exception {
        try (Pair pair = connectedPair(family)) {
            Poll poll = new Poll();
            mode.apply(pair.client());
            sendAll(pair.server(), "h".getBytes(StandardCharsets.US_ASCII));
            assertThat(eventually(() -> pair.client().recv(1, Socket.MSG_PEEK))).asString(StandardCharsets.US_ASCII).isEqualTo("h");
            sendAll(pair.server(), "ello".getBytes(StandardCharsets.US_ASCII));
            pair.server().shutdown(Socket.SHUT_WR);
            poll.register(pair.client(), Poll.POLLRDHUP);
            assertThat(poll.poll(PATIENCE)).isNotEmpty();

            assertThat(pair.client().recv(10, 0)).asString(StandardCharsets.US_ASCII).isEqualTo("hello");
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("dev.sockit.net.SocketFixtures#matrix")
    void recvWaitall_bytesInTwoSends_returnsAllOfThem(AddressFamily family, Mode mode) throws Exception {
        try (Pair pair = connectedPair(family)) {
            mode.apply(pair.client());
            sendAll(pair.server(), "abc".getBytes(StandardCharsets.US_ASCII));
            CompletableFuture<Void> later = CompletableFuture.runAsync(() -> {
                try {
                    sendAll(pair.server(), "def".getBytes(StandardCharsets.US_ASCII));
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            byte[] all = mode == Mode.NON_BLOCKING
                    ? recvExactly(pair.client(), 6)
                    : pair.client().recv(6, Socket.MSG_WAITALL);
            assertThat(all).asString(StandardCharsets.US_ASCII).isEqualTo("abcdef");
            later.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("dev.sockit.net.SocketFixtures#matrix")
    void recvDontwait_nothingThere_failsWithEagainInEveryMode(AddressFamily family, Mode mode) throws Exception {
        try (Pair pair = connectedPair(family)) {
            mode.apply(pair.client());
            assertThatThrownBy(() -> pair.client().recv(10, Socket.MSG_DONTWAIT))
                    .isInstanceOf(SocketErrnoException.class)
                    .extracting(e -> ((SocketError) e).errno()).isEqualTo(Errno.EAGAIN);
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("dev.sockit.net.SocketFixtures#matrix")
    void recvInto_andRecvfromInto_fillTheBufferFromItsPosition(AddressFamily family, Mode mode) throws Exception {
        try (Pair pair = connectedPair(family)) {
            mode.apply(pair.client());
            sendAll(pair.server(), "0123456789".getBytes(StandardCharsets.US_ASCII));
            ByteBuffer buffer = ByteBuffer.allocate(8).position(2).limit(6);

            int n = eventually(() -> pair.client().recvInto(buffer, Socket.MSG_WAITALL));
            RecvFrom from = eventually(() -> pair.client().recvfromInto(ByteBuffer.allocate(6), 0));

            assertThat(n).isEqualTo(4);
            assertThat(buffer.position()).isEqualTo(6);
            assertThat(new String(buffer.array(), 2, 4, StandardCharsets.US_ASCII)).isEqualTo("0123");
            assertThat(from.n()).isBetween(1, 6);
            assertThat(from.truncated()).isFalse();
            assertThat(from.address()).isEqualTo(pair.client().getpeername());
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("dev.sockit.net.SocketFixtures#matrix")
    void oneThreadReads_whileAnotherWrites_onTheSameSocket(AddressFamily family, Mode mode) throws Exception {
        byte[] payload = pattern(1 << 20);
        try (Pair pair = connectedPair(family)) {
            mode.apply(pair.client());
            mode.apply(pair.server());
            CompletableFuture<Void> echo = CompletableFuture.runAsync(() -> {
                try {
                    byte[] chunk;
                    while ((chunk = eventually(() -> pair.server().recv(65536, 0))).length > 0) {
                        sendAll(pair.server(), chunk);
                    }
                    pair.server().shutdown(Socket.SHUT_WR);
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            CompletableFuture<byte[]> reader = CompletableFuture.supplyAsync(() -> {
                try {
                    return recvExactly(pair.client(), payload.length + 1);
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            sendAll(pair.client(), payload);
            pair.client().shutdown(Socket.SHUT_WR);

            assertThat(reader.get(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isEqualTo(payload);
            echo.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("dev.sockit.net.SocketFixtures#matrix")
    void streams_readAndWriteThroughTheSocket_andClosingThemLeavesItOpen(AddressFamily family, Mode mode)
            throws Exception {
        try (Pair pair = connectedPair(family)) {
            if (mode == Mode.NON_BLOCKING) {
                return;
            }
            mode.apply(pair.client());
            mode.apply(pair.server());
            try (OutputStream out = pair.client().outputStream()) {
                out.write("streamed".getBytes(StandardCharsets.US_ASCII));
            }
            pair.client().shutdown(Socket.SHUT_WR);
            try (InputStream in = pair.server().inputStream()) {
                assertThat(in.readAllBytes()).asString(StandardCharsets.US_ASCII).isEqualTo("streamed");
            }
            pair.server().send("still open".getBytes(StandardCharsets.US_ASCII), 0);
            assertThat(recvExactly(pair.client(), 10)).asString(StandardCharsets.US_ASCII).isEqualTo("still open");
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("dev.sockit.net.SocketFixtures#matrix")
    void names_ofBothEnds_mirrorEachOther(AddressFamily family, Mode mode) throws Exception {
        try (Pair pair = connectedPair(family)) {
            mode.apply(pair.client());
            InetSockAddr clientName = (InetSockAddr) pair.client().getsockname();
            InetSockAddr serverName = (InetSockAddr) pair.server().getsockname();

            assertThat(pair.client().getpeername()).isEqualTo(serverName);
            assertThat(pair.server().getpeername()).isEqualTo(clientName);
            assertThat(clientName.address().isLoopback()).isTrue();
            assertThat(clientName.family()).isEqualTo(family);
            assertThat(pair.client().fileno()).isGreaterThan(2);
            assertThat(pair.client().family()).isEqualTo(family);
            assertThat(pair.client().type()).isEqualTo(SocketType.SOCK_STREAM);
            assertThat(pair.client().proto()).isEqualTo(6);
        }
    }
}
