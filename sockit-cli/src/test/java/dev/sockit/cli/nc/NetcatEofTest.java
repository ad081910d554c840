package dev.sockit.cli.nc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sockit.cli.SockitProcess;
import dev.sockit.cli.Spawned;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * Every connect-mode row of the README's end-of-stream table, one test each: what sockit
 * does when its standard input ends first, when the peer's FIN comes first (with input
 * waiting, idle, or {@code --keep-stdin}), with {@code -N}, {@code --no-shutdown} and
 * {@code -q}, and the UDP linger.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
@Execution(ExecutionMode.CONCURRENT)
class NetcatEofTest {
    private static final Duration EXIT = Duration.ofSeconds(20);

    @TempDir
    Path temp;

    @Test
    void tcp_stdinEof_halfClosesAndKeepsReadingUntilThePeerCloses() throws Exception {
        stdinEofHalfCloses();
    }

    @Test
    void tcp_stdinEofWithN_sameAsWithout() throws Exception {
        stdinEofHalfCloses("-N");
    }

    private void stdinEofHalfCloses(String... flags) throws Exception {
        try (TestServer server = TestServer.start(); Spawned sockit = Spawned.sockit(args(flags, "127.0.0.1", server.portText()))) {
            server.accept();
            sockit.write("request").closeStdin();
            assertThat(server.readTextToEof()).isEqualTo("request");
            server.write("reply after your FIN\n");
            server.closeClient();

            assertThat(sockit.awaitExit(EXIT)).isZero();
            assertThat(sockit.stdout()).isEqualTo("reply after your FIN\n");
        }
    }

    @Test
    void tcp_stdinEofWithNoShutdown_sendsNoFin() throws Exception {
        try (TestServer server = TestServer.start(); Spawned sockit = Spawned.sockit("--no-shutdown", "127.0.0.1", server.portText())) {
            server.accept();
            sockit.write("request").closeStdin();
            assertThat(server.eofWithin(Duration.ofMillis(700))).isFalse();
            server.write("no FIN came\n");
            server.closeClient();

            assertThat(sockit.awaitExit(EXIT)).isZero();
            assertThat(sockit.stdout()).isEqualTo("no FIN came\n");
        }
    }

    @Test
    void tcp_stdinEofWithQ_quitsThatLongAfterWhileThePeerStaysOpen() throws Exception {
        try (TestServer server = TestServer.start(); Spawned sockit = Spawned.sockit("-q", "500ms", "127.0.0.1", server.portText())) {
            server.accept();
            server.write("said before\n");
            sockit.write("bye").closeStdin();
            assertThat(server.readTextToEof()).isEqualTo("bye");

            assertThat(sockit.awaitExit(EXIT)).isZero();
            assertThat(sockit.stdout()).isEqualTo("said before\n");
        }
    }

    @Test
    void tcp_peerFinFirstWithStdinAFile_sendsTheWholeFile() throws Exception {
        byte[] data = new byte[3 << 20];
        new Random(42).nextBytes(data);
        Path file = Files.write(temp.resolve("input"), data);
        Path stdout = temp.resolve("stdout");
        try (TestServer server = TestServer.start()) {
            Process sockit = new ProcessBuilder(SockitProcess.command("127.0.0.1", server.portText()))
                    .redirectInput(file.toFile()).redirectOutput(stdout.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            try {
                server.accept();
                server.write("FIN follows\n");
                server.shutdownOutput();
                byte[] got = server.readToEof();

                assertThat(sha256(got)).isEqualTo(sha256(data));
                assertThat(sockit.waitFor(20, TimeUnit.SECONDS)).isTrue();
                assertThat(sockit.exitValue()).isZero();
                assertThat(Files.readString(stdout)).isEqualTo("FIN follows\n");
            } finally {
                sockit.destroyForcibly();
            }
        }
    }

    @Test
    void tcp_peerFinFirstWithInputWaitingInAPipe_sendsItThenExitsWhenIdle() throws Exception {
        int port = Ports.freeTcp();
        byte[] waiting = new byte[48 << 10];
        new Random(7).nextBytes(waiting);
        try (Spawned sockit = Spawned.sockit("--wait-for-port", "--retry-interval", "50ms", "127.0.0.1", Integer.toString(port))) {
            sockit.stdin().write(waiting);
            sockit.stdin().flush();
            try (ServerSocket listener = new ServerSocket()) {
                listener.setReuseAddress(true);
                listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
                listener.setSoTimeout(20_000);
                try (Socket client = listener.accept()) {
                    client.setSoTimeout(20_000);
                    client.getOutputStream().write("FIN first\n".getBytes());
                    client.shutdownOutput();
                    byte[] got = client.getInputStream().readAllBytes();

                    assertThat(sha256(got)).isEqualTo(sha256(waiting));
                }
            }
            assertThat(sockit.awaitExit(EXIT)).isZero();
            assertThat(sockit.isAlive()).isFalse();
            assertThat(sockit.stdout()).isEqualTo("FIN first\n");
        }
    }

    @Test
    void tcp_peerFinFirstWithStdinIdle_exitsAfterWritingAllReceived() throws Exception {
        try (TestServer server = TestServer.start(); Spawned sockit = Spawned.sockit("127.0.0.1", server.portText())) {
            server.accept();
            server.write("all of it\n");
            server.shutdownOutput();

            assertThat(sockit.awaitExit(EXIT)).isZero();
            assertThat(sockit.stdout()).isEqualTo("all of it\n");
            assertThat(server.readToEof()).isEmpty();
        }
    }

    @Test
    void tcp_peerFinFirstWithKeepStdin_waitsForStdinEofSendingWhatItGives() throws Exception {
        try (TestServer server = TestServer.start(); Spawned sockit = Spawned.sockit("--keep-stdin", "127.0.0.1", server.portText())) {
            server.accept();
            server.write("bye\n");
            server.shutdownOutput();
            sockit.awaitStdout(out -> out.equals("bye\n"));
            assertThat(server.eofWithin(Duration.ofMillis(300))).isFalse();
            sockit.write("late line\n").closeStdin();

            assertThat(server.readTextToEof()).isEqualTo("late line\n");
            assertThat(sockit.awaitExit(EXIT)).isZero();
        }
    }

    @Test
    void udp_stdinEof_keepsReceivingRepliesWhileEachRestartsTheLinger() throws Exception {
        try (UdpPeer peer = UdpPeer.start(); Spawned sockit = Spawned.sockit("-u", "-q", "1500ms", "127.0.0.1", peer.portText())) {
            sockit.write("query\n").closeStdin();
            assertThat(peer.receive()).isEqualTo("query\n");
            for (int i = 1; i <= 4; i++) {
                peer.reply("reply " + i + "\n");
                int replies = i;
                sockit.awaitStdout(out -> out.lines().count() == replies);
                // Spaced wider than half the linger: four replies outlast one linger only if each restarts it.
                Thread.sleep(600);
            }

            assertThat(sockit.awaitExit(EXIT)).isZero();
            assertThat(sockit.stdout()).isEqualTo("reply 1\nreply 2\nreply 3\nreply 4\n");
        }
    }

    @Test
    void udp_stdinEofWithDefaultLinger_exits0AfterTheReply() throws Exception {
        try (UdpPeer peer = UdpPeer.start(); Spawned sockit = Spawned.sockit("-u", "-v", "127.0.0.1", peer.portText())) {
            sockit.write("q\n").closeStdin();
            assertThat(peer.receive()).isEqualTo("q\n");
            peer.reply("answer\n");

            assertThat(sockit.awaitExit(EXIT)).isZero();
            assertThat(sockit.stdout()).isEqualTo("answer\n");
            assertThat(sockit.stderr()).contains("(udp, eof): 2 bytes sent, 7 bytes received");
        }
    }

    @Test
    void udp_idleTimeoutAfterStdinEof_isTheLingerNotAnError() throws Exception {
        try (UdpPeer peer = UdpPeer.start(); Spawned sockit = Spawned.sockit("-u", "-i", "500ms", "127.0.0.1", peer.portText())) {
            sockit.write("q\n").closeStdin();
            assertThat(peer.receive()).isEqualTo("q\n");
            peer.reply("a\n");

            assertThat(sockit.awaitExit(EXIT)).isZero();
            assertThat(sockit.stdout()).isEqualTo("a\n");
        }
    }

    @Test
    void udp_idleBeforeStdinEof_exit4() throws Exception {
        try (UdpPeer peer = UdpPeer.start(); Spawned sockit = Spawned.sockit("-u", "-i", "500ms", "127.0.0.1", peer.portText())) {
            sockit.write("q\n");
            assertThat(peer.receive()).isEqualTo("q\n");
            peer.reply("a\n");

            assertThat(sockit.awaitExit(EXIT)).isEqualTo(4);
            assertThat(sockit.stdout()).isEqualTo("a\n");
        }
    }

    @Test
    void udp_receiveLimit_stopsAfterNDatagrams() throws Exception {
        try (UdpPeer peer = UdpPeer.start(); Spawned sockit = Spawned.sockit("-u", "-W", "2", "127.0.0.1", peer.portText())) {
            sockit.write("q\n");
            assertThat(peer.receive()).isEqualTo("q\n");
            peer.reply("one");
            peer.reply("two");
            peer.reply("three");

            assertThat(sockit.awaitExit(EXIT)).isZero();
            assertThat(sockit.stdout()).startsWith("onetwo").doesNotContain("three");
        }
    }

    @Test
    void udp_portClosed_exit1WithConnectionRefused() throws Exception {
        int port = Ports.freeUdp();
        try (Spawned sockit = Spawned.sockit("-u", "127.0.0.1", Integer.toString(port))) {
            sockit.write("anyone?\n");

            assertThat(sockit.awaitExit(EXIT)).isEqualTo(1);
            assertThat(sockit.stderr()).contains("ECONNREFUSED (111): Connection refused").hasLineCount(1);
        }
    }

    private static String[] args(String[] flags, String... rest) {
        String[] all = new String[flags.length + rest.length];
        System.arraycopy(flags, 0, all, 0, flags.length);
        System.arraycopy(rest, 0, all, flags.length, rest.length);
        return all;
    }

    static String sha256(byte[] data) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    }
}
