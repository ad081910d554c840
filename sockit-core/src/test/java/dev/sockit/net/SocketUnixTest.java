package dev.sockit.net;

import static dev.sockit.net.SocketFixtures.connectedPair;
import static dev.sockit.net.SocketFixtures.recvExactly;
import static dev.sockit.net.SocketFixtures.sendAll;
import static dev.sockit.net.SocketFixtures.unixPath;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sockit.addr.AddressFamily;
import dev.sockit.addr.SocketType;
import dev.sockit.addr.UnixSockAddr;
import dev.sockit.net.SocketFixtures.Mode;
import dev.sockit.net.SocketFixtures.Pair;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** AF_UNIX stream sockets and socketpair. */
class SocketUnixTest {

    @ParameterizedTest
    @EnumSource(Mode.class)
    void unixStream_echoAndHalfClose_workAsOverTcp(Mode mode) throws Exception {
        try (Pair pair = connectedPair(AddressFamily.AF_UNIX)) {
            mode.apply(pair.client());
            mode.apply(pair.server());
            sendAll(pair.client(), ascii("over a path"));
            pair.client().shutdown(Socket.SHUT_WR);

            assertThat(recvExactly(pair.server(), 100)).asString(StandardCharsets.US_ASCII).isEqualTo("over a path");
            sendAll(pair.server(), ascii("back"));
            assertThat(recvExactly(pair.client(), 4)).asString(StandardCharsets.US_ASCII).isEqualTo("back");
        }
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void socketpair_bothEnds_talkBothWays_andAreUnnamed(Mode mode) throws Exception {
        SocketPair pair = Socket.socketpair();
        try (Socket first = pair.first(); Socket second = pair.second()) {
            mode.apply(first);
            mode.apply(second);
            sendAll(first, ascii("ping"));
            assertThat(recvExactly(second, 4)).asString(StandardCharsets.US_ASCII).isEqualTo("ping");
            sendAll(second, ascii("pong"));
            assertThat(recvExactly(first, 4)).asString(StandardCharsets.US_ASCII).isEqualTo("pong");

            assertThat(first.getsockname()).isEqualTo(UnixSockAddr.UNNAMED);
            assertThat(second.getpeername()).isEqualTo(UnixSockAddr.UNNAMED);
            assertThat(first.family()).isEqualTo(AddressFamily.AF_UNIX);
            assertThat(first.proto()).isZero();
            assertThat(first.fileno()).isGreaterThan(2);
            assertThat(first.toString()).matches("<socket fd=\\d+, family=AF_UNIX, type=SOCK_STREAM, proto=0>");
        }
    }

    @Test
    void bind_createsThePath_andListenKeepsIt() throws Exception {
        UnixSockAddr path = unixPath();
        try (Socket listener = Socket.socket(AddressFamily.AF_UNIX, SocketType.SOCK_STREAM)) {
            listener.bind(path);
            assertThat(Files.exists(Path.of(path.path()))).isTrue();

            listener.listen(1);

            assertThat(listener.getsockname()).isEqualTo(path);
            assertThat(listener.toString()).endsWith(", laddr=" + path.path() + ">");
            try (Socket client = Socket.socket(AddressFamily.AF_UNIX, SocketType.SOCK_STREAM)) {
                client.connect(path);
                assertThat(client.getpeername()).isEqualTo(path);
                assertThat(listener.accept().address()).isEqualTo(UnixSockAddr.UNNAMED);
            }
        }
    }

    @Test
    void socket_unixDatagram_failsWithEsocktnosupport_namingWhatTheJdkLacks() {
        assertThatThrownBy(() -> Socket.socket(AddressFamily.AF_UNIX, SocketType.SOCK_DGRAM))
                .isExactlyInstanceOf(SocketErrnoException.class)
                .hasMessage("socket AF_UNIX SOCK_DGRAM: ESOCKTNOSUPPORT (94): Socket type not supported: "
                        + "the JDK has no UNIX datagram sockets")
                .extracting(e -> ((SocketError) e).errno()).isEqualTo(Errno.ESOCKTNOSUPPORT);
    }

    @Test
    void unixSockAddr_pathLongerThanSunPathOrWithNul_isRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> new UnixSockAddr("/tmp/" + "x".repeat(104)))
                .withMessage("path: 109 bytes (expected: 0-108)");
        assertThatIllegalArgumentException().isThrownBy(() -> new UnixSockAddr("\0abstract"))
                .withMessageContaining("abstract-namespace");
        assertThat(new UnixSockAddr("/tmp/" + "x".repeat(103)).family()).isEqualTo(AddressFamily.AF_UNIX);
    }

    @Test
    void bind_pathLongerThanTheJdkTakes_failsWithEinval_sayingSo() throws Exception {
        try (Socket socket = Socket.socket(AddressFamily.AF_UNIX, SocketType.SOCK_STREAM)) {
            assertThatThrownBy(() -> socket.bind(new UnixSockAddr("/tmp/" + "x".repeat(102))))
                    .hasMessageEndingWith("the JDK takes UNIX paths of at most 106 bytes")
                    .extracting(e -> ((SocketError) e).errno()).isEqualTo(Errno.EINVAL);
        }
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
