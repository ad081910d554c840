package dev.sockit.net;

import static dev.sockit.net.SocketFixtures.PATIENCE;
import static dev.sockit.net.SocketFixtures.closedPort;
import static dev.sockit.net.SocketFixtures.eventually;
import static dev.sockit.net.SocketFixtures.loopback;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sockit.addr.AddressFamily;
import dev.sockit.addr.SocketType;
import dev.sockit.net.SocketFixtures.Mode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** UDP over loopback, each body run over IPv4/IPv6 × blocking/non-blocking/timeout mode. */
class SocketDatagramTest {
    private Socket a;
    private Socket b;
    private Socket c;

    private void open(AddressFamily family, Mode mode) throws IOException {
        a = Socket.socket(family, SocketType.SOCK_DGRAM);
        b = Socket.socket(family, SocketType.SOCK_DGRAM);
        c = Socket.socket(family, SocketType.SOCK_DGRAM);
        for (Socket socket : new Socket[] {a, b, c}) {
            socket.bind(loopback(family));
            mode.apply(socket);
        }
    }

    @AfterEach
    void close() throws IOException {
        for (Socket socket : new Socket[] {a, b, c}) {
            if (socket != null) {
                socket.close();
            }
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("dev.sockit.net.SocketFixtures#matrix")
    void sendtoRecvfrom_oneDatagram_arrivesWholeWithItsSender(AddressFamily family, Mode mode) throws Exception {
        open(family, mode);
        assertThat(a.sendto(ascii("datagram"), 0, b.getsockname())).isEqualTo(8);

        Datagram received = eventually(() -> b.recvfrom(100, 0));

        assertThat(received.data()).asString(StandardCharsets.US_ASCII).isEqualTo("datagram");
        assertThat(received.address()).isEqualTo(a.getsockname());
        assertThat(received.truncated()).isFalse();
        assertThat(b.type()).isEqualTo(SocketType.SOCK_DGRAM);
        assertThat(b.proto()).isEqualTo(17);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("dev.sockit.net.SocketFixtures#matrix")
    void recvfrom_datagramLongerThanAsked_isCutAndSaysSo_andTheRestIsGone(AddressFamily family, Mode mode)
            throws Exception {
        open(family, mode);
        a.sendto(ascii("abcdef"), 0, b.getsockname());
        a.sendto(ascii("ghijkl"), 0, b.getsockname());
        a.sendto(ascii("mn"), 0, b.getsockname());

        Datagram first = eventually(() -> b.recvfrom(3, 0));
        ByteBuffer buffer = ByteBuffer.allocate(4);
        RecvFrom second = eventually(() -> b.recvfromInto(buffer, Socket.MSG_TRUNC));
        Datagram third = eventually(() -> b.recvfrom(3, 0));

        assertThat(first.data()).asString(StandardCharsets.US_ASCII).isEqualTo("abc");
        assertThat(first.truncated()).isTrue();
        assertThat(second.n()).isEqualTo(6);
        assertThat(second.truncated()).isTrue();
        assertThat(buffer.flip()).isEqualTo(ByteBuffer.wrap(ascii("ghij")));
        assertThat(third.data()).asString(StandardCharsets.US_ASCII).isEqualTo("mn");
        assertThat(third.truncated()).isFalse();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("dev.sockit.net.SocketFixtures#matrix")
    void recvPeek_keepsTheDatagram_forTheNextReceive(AddressFamily family, Mode mode) throws Exception {
        open(family, mode);
        a.sendto(ascii("peeked"), 0, b.getsockname());
        c.sendto(ascii("next"), 0, b.getsockname());

        byte[] peeked = eventually(() -> b.recv(4, Socket.MSG_PEEK));
        Datagram again = b.recvfrom(100, Socket.MSG_PEEK);
        Datagram taken = b.recvfrom(100, 0);
        Datagram next = eventually(() -> b.recvfrom(100, 0));

        assertThat(peeked).asString(StandardCharsets.US_ASCII).isEqualTo("peek");
        assertThat(again).isEqualTo(taken);
        assertThat(taken.data()).asString(StandardCharsets.US_ASCII).isEqualTo("peeked");
        assertThat(taken.address()).isEqualTo(a.getsockname());
        assertThat(next.address()).isEqualTo(c.getsockname());
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("dev.sockit.net.SocketFixtures#matrix")
    void connect_again_changesTheDefaultPeer_andWhomDatagramsComeFrom(AddressFamily family, Mode mode)
            throws Exception {
        open(family, mode);
        a.connect(b.getsockname());
        a.send(ascii("to b"), 0);
        assertThat(a.getpeername()).isEqualTo(b.getsockname());
        assertThat(eventually(() -> b.recv(10, 0))).asString(StandardCharsets.US_ASCII).isEqualTo("to b");

        a.connect(c.getsockname());
        a.send(ascii("to c"), 0);
        b.sendto(ascii("from b"), 0, a.getsockname());
        c.sendto(ascii("from c"), 0, a.getsockname());

        assertThat(a.getpeername()).isEqualTo(c.getsockname());
        assertThat(eventually(() -> c.recv(10, 0))).asString(StandardCharsets.US_ASCII).isEqualTo("to c");
        assertThat(eventually(() -> a.recvfrom(10, 0)).address()).isEqualTo(c.getsockname());
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("dev.sockit.net.SocketFixtures#matrix")
    void recv_connectedToAClosedPort_failsWithEconnrefused(AddressFamily family, Mode mode) throws Exception {
        open(family, mode);
        a.connect(closedPort(family));
        a.send(ascii("anyone?"), 0);

        assertThatThrownBy(() -> eventually(() -> a.recv(10, 0)))
                .isInstanceOf(ConnectionRefusedException.class)
                .extracting(e -> ((SocketError) e).errno()).isEqualTo(Errno.ECONNREFUSED);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("dev.sockit.net.SocketFixtures#matrix")
    void send_emptyDatagram_arrivesEmpty(AddressFamily family, Mode mode) throws Exception {
        open(family, mode);
        assertThat(a.sendto(new byte[0], 0, b.getsockname())).isZero();

        Datagram empty = eventually(() -> b.recvfrom(10, 0));

        assertThat(empty.data()).isEmpty();
        assertThat(empty.address()).isEqualTo(a.getsockname());
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("dev.sockit.net.SocketFixtures#matrix")
    void sendto_connectedSocketToAnotherAddress_isRefusedWithEisconn(AddressFamily family, Mode mode)
            throws Exception {
        open(family, mode);
        a.connect(b.getsockname());

        assertThatThrownBy(() -> a.sendto(ascii("x"), 0, c.getsockname()))
                .isInstanceOf(SocketErrnoException.class)
                .extracting(e -> ((SocketError) e).errno()).isEqualTo(Errno.EISCONN);
    }

    @ParameterizedTest
    @MethodSource("dev.sockit.net.SocketFixtures#inetFamilies")
    void connect_whileAnotherThreadWaitsInRecv_changesThePeerAtOnce(AddressFamily family) throws Exception {
        open(family, Mode.BLOCKING);
        a.connect(b.getsockname());
        CompletableFuture<Datagram> waiting = new CompletableFuture<>();
        Thread receiver = Thread.ofPlatform().start(() -> {
            try {
                waiting.complete(a.recvfrom(100, 0));
            } catch (IOException e) {
                waiting.completeExceptionally(e);
            }
        });
        SocketFixtures.awaitBlocked(receiver);

        a.connect(c.getsockname());
        c.sendto(ascii("from the new peer"), 0, a.getsockname());

        Datagram received = waiting.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        assertThat(received.address()).isEqualTo(c.getsockname());
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
