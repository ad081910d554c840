package dev.sockit.cli.nc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sockit.cli.SockitProcess;
import dev.sockit.cli.Spawned;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * Connect mode over TCP against a peer the test drives: data both ways, the events of
 * {@code -v} and {@code --json}, every exit status (0, 1 refused and unknown host, 3 connect
 * timeout and retries giving up, 4 idle), source address and port, line shaping, the taps.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
@Execution(ExecutionMode.CONCURRENT)
class NetcatConnectTest {
    private static final Duration EXIT = Duration.ofSeconds(20);
    private static final String TS = "\"ts\":\"\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z\"";

    @TempDir
    Path temp;

    @Test
    void connect_dataBothWays_exit0WithVerboseEventsAndSummary() throws Exception {
        try (TestServer server = TestServer.start(); Spawned sockit = Spawned.sockit("-v", "127.0.0.1", server.portText())) {
            server.accept();
            sockit.write("ping\n");
            assertThat(new String(server.readExactly(5), StandardCharsets.UTF_8)).isEqualTo("ping\n");
            server.write("pong\n");
            sockit.awaitStdout(out -> out.equals("pong\n"));
            sockit.closeStdin();
            assertThat(server.readToEof()).isEmpty();
            server.closeClient();

            assertThat(sockit.awaitExit(EXIT)).isZero();
            assertThat(sockit.stderr()).contains("sockit: connected to 127.0.0.1:" + server.port() + " (tcp)\n")
                    .containsPattern("sockit: closed 127.0.0.1:" + server.port() + " \\(tcp, eof\\): 5 bytes sent, 5 bytes received in \\d+\\.\\d\\d seconds\n")
                    .containsPattern("(?m)^sockit: 5 bytes sent, 5 bytes received in \\d+\\.\\d\\d seconds$");
        }
    }

    @Test
    void connect_json_everyStderrLineIsAnEventWithItsFields() throws Exception {
        try (TestServer server = TestServer.start(); Spawned sockit = Spawned.sockit("--json", "127.0.0.1", server.portText())) {
            server.accept();
            sockit.write("abc");
            sockit.closeStdin();
            assertThat(server.readTextToEof()).isEqualTo("abc");
            server.write("defgh");
            server.closeClient();

            assertThat(sockit.awaitExit(EXIT)).isZero();
            List<String> lines = sockit.stderr().lines().toList();
            assertThat(lines).hasSize(2);
            assertThat(lines.get(0)).matches("\\{\"event\":\"connected\"," + TS + ",\"proto\":\"tcp\",\"addr\":\"127.0.0.1\",\"port\":" + server.port() + "}");
            assertThat(lines.get(1)).matches("\\{\"event\":\"closed\"," + TS + ",\"proto\":\"tcp\",\"addr\":\"127.0.0.1\",\"port\":"
                    + server.port() + ",\"bytes_sent\":3,\"bytes_received\":5,\"duration_ms\":\\d+,\"reason\":\"eof\"}");
        }
    }

    @Test
    void connect_refused_exit1WithErrnoOneLine() throws Exception {
        int port = Ports.freeTcp();
        SockitProcess.Result result = SockitProcess.run("127.0.0.1", Integer.toString(port));

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stderr()).isEqualTo("sockit: connect 127.0.0.1:" + port + ": ECONNREFUSED (111): Connection refused\n");
    }

    @Test
    void connect_refusedWithJson_errorEventAndExit1() throws Exception {
        int port = Ports.freeTcp();
        SockitProcess.Result result = SockitProcess.run("--json", "127.0.0.1", Integer.toString(port));

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stderr().strip()).matches("\\{\"event\":\"error\"," + TS
                + ",\"message\":\"connect 127.0.0.1:" + port + ": ECONNREFUSED \\(111\\): Connection refused\",\"exit_status\":1}");
    }

    @Test
    void connect_unknownHost_exit1NamingTheLookup() throws Exception {
        SockitProcess.Result result = SockitProcess.run("nosuchhost.invalid", "80");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stderr()).startsWith("sockit: getaddrinfo(\"nosuchhost.invalid\"").contains("EAI_").hasLineCount(1);
    }

    @Test
    void connect_listenerWithFullBacklog_exit3AfterW() throws Exception {
        try (FullBacklog full = FullBacklog.start()) {
            SockitProcess.Result result = SockitProcess.run("-w", "1s", "127.0.0.1", Integer.toString(full.port()));

            assertThat(result.exitCode()).isEqualTo(3);
            assertThat(result.stderr()).contains("ETIMEDOUT (110)").hasLineCount(1);
        }
    }

    @Test
    void connect_waitForPortGivingUp_exit3() throws Exception {
        int port = Ports.freeTcp();
        SockitProcess.Result result = SockitProcess.run("--wait-for-port", "-w", "700ms", "--retry-interval", "100ms", "127.0.0.1", Integer.toString(port));

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.stderr()).startsWith("sockit: gave up connecting to 127.0.0.1 " + port + " after ")
                .contains("ECONNREFUSED").hasLineCount(1);
    }

    @Test
    void connect_retryGivingUp_exit3AfterNPlusOneAttempts() throws Exception {
        int port = Ports.freeTcp();
        SockitProcess.Result result = SockitProcess.run("--retry", "2", "--retry-interval", "50ms", "127.0.0.1", Integer.toString(port));

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.stderr()).startsWith("sockit: gave up connecting to 127.0.0.1 " + port + " after 3 attempts: connect");
    }

    @Test
    void connect_waitForPort_connectsOnceTheServerIsUp() throws Exception {
        int port = Ports.freeTcp();
        try (Spawned sockit = Spawned.sockit("--wait-for-port", "-w", "15s", "--retry-interval", "100ms", "127.0.0.1", Integer.toString(port))) {
            sockit.write("late hello\n").closeStdin();
            try (ServerSocket listener = new ServerSocket()) {
                listener.setReuseAddress(true);
                listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
                listener.setSoTimeout(20_000);
                try (Socket client = listener.accept()) {
                    client.setSoTimeout(20_000);
                    assertThat(new String(client.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("late hello\n");
                }
            }
            assertThat(sockit.awaitExit(EXIT)).isZero();
        }
    }

    @Test
    void connect_idle_exit4AfterWritingWhatCame() throws Exception {
        try (TestServer server = TestServer.start(); Spawned sockit = Spawned.sockit("-i", "1s", "127.0.0.1", server.portText())) {
            server.accept();
            server.write("before idle\n");

            assertThat(sockit.awaitExit(EXIT)).isEqualTo(4);
            assertThat(sockit.stdout()).isEqualTo("before idle\n");
            assertThat(sockit.stderr()).isEqualTo("sockit: idle for 1s (-i)\n");
        }
    }

    @Test
    void connect_sourceAddressAndPort_peerSeesThem() throws Exception {
        int sourcePort = Ports.freeTcp();
        try (TestServer server = TestServer.start();
                Spawned sockit = Spawned.sockit("-s", "127.0.0.2", "-p", Integer.toString(sourcePort), "127.0.0.1", server.portText())) {
            Socket client = server.accept();
            sockit.closeStdin();
            server.readToEof();
            server.closeClient();

            assertThat(client.getInetAddress().getHostAddress()).isEqualTo("127.0.0.2");
            assertThat(client.getPort()).isEqualTo(sourcePort);
            assertThat(sockit.awaitExit(EXIT)).isZero();
        }
    }

    @Test
    void connect_ipv6Loopback() throws Exception {
        try (TestServer server = TestServer.start(InetAddress.getByName("::1"), 50);
                Spawned sockit = Spawned.sockit("-6", "-v", "::1", server.portText())) {
            server.accept();
            sockit.write("six").closeStdin();
            assertThat(server.readTextToEof()).isEqualTo("six");
            server.closeClient();
            assertThat(sockit.awaitExit(EXIT)).isZero();
            assertThat(sockit.stderr()).contains("connected to [::1]:" + server.port() + " (tcp)");
        }
    }

    @Test
    void connect_crlf_lineEndsSentAsCrLf() throws Exception {
        try (TestServer server = TestServer.start(); Spawned sockit = Spawned.sockit("-C", "127.0.0.1", server.portText())) {
            server.accept();
            sockit.write("a\nb\r\nc").closeStdin();
            assertThat(server.readTextToEof()).isEqualTo("a\r\nb\r\nc");
            server.closeClient();
            assertThat(sockit.awaitExit(EXIT)).isZero();
        }
    }

    @Test
    void connect_lineDelay_linesWrittenTogetherLeaveSpaced() throws Exception {
        Path dump = temp.resolve("lines.hex");
        try (TestServer server = TestServer.start();
                Spawned sockit = Spawned.sockit("-d", "300ms", "-x", dump.toString(), "127.0.0.1", server.portText())) {
            server.accept();
            sockit.write("one\ntwo\nthree\n").closeStdin();
            assertThat(server.readTextToEof()).isEqualTo("one\ntwo\nthree\n");
            server.closeClient();
            assertThat(sockit.awaitExit(EXIT)).isZero();
        }

        // The dump's timestamps are taken as each line leaves, so they show the spacing
        // whatever the scheduler did to the reading side.
        List<Instant> sent = SentTimes.of(dump);
        assertThat(sent).hasSize(3);
        assertThat(Duration.between(sent.get(0), sent.get(1))).isGreaterThanOrEqualTo(Duration.ofMillis(299));
        assertThat(Duration.between(sent.get(1), sent.get(2))).isGreaterThanOrEqualTo(Duration.ofMillis(299));
    }

    @Test
    void connect_receiveLimit_stopsAfterNLines() throws Exception {
        try (TestServer server = TestServer.start(); Spawned sockit = Spawned.sockit("-W", "2", "--no-stdin", "127.0.0.1", server.portText())) {
            server.accept();
            server.write("a\nb\nc\nd\n");

            assertThat(sockit.awaitExit(EXIT)).isZero();
            assertThat(sockit.stdout()).isEqualTo("a\nb\n");
        }
    }

    @Test
    void connect_sendOnly_dropsWhatArrives() throws Exception {
        try (TestServer server = TestServer.start(); Spawned sockit = Spawned.sockit("--send-only", "-v", "127.0.0.1", server.portText())) {
            server.accept();
            server.write("ignored\n");
            sockit.write("sent\n").closeStdin();
            assertThat(server.readTextToEof()).isEqualTo("sent\n");
            server.closeClient();

            assertThat(sockit.awaitExit(EXIT)).isZero();
            assertThat(sockit.stdout()).isEmpty();
            assertThat(sockit.stderr()).contains("5 bytes sent, 8 bytes received");
        }
    }

    @Test
    void connect_recvOnly_neverReadsStdinNorHalfCloses() throws Exception {
        try (TestServer server = TestServer.start(); Spawned sockit = Spawned.sockit("--recv-only", "127.0.0.1", server.portText())) {
            server.accept();
            sockit.write("not sent\n").closeStdin();
            assertThat(server.eofWithin(Duration.ofMillis(500))).isFalse();
            server.write("only in\n");
            server.shutdownOutput();
            assertThat(server.readToEof()).isEmpty();

            assertThat(sockit.awaitExit(EXIT)).isZero();
            assertThat(sockit.stdout()).isEqualTo("only in\n");
        }
    }

    @Test
    void connect_socketOptions_acceptedAndDataFlows() throws Exception {
        try (TestServer server = TestServer.start();
                Spawned sockit = Spawned.sockit("-I", "65536", "-O", "65536", "-T", "lowdelay", "-b", "127.0.0.1", server.portText())) {
            server.accept();
            sockit.write("tuned").closeStdin();
            assertThat(server.readTextToEof()).isEqualTo("tuned");
            server.closeClient();
            assertThat(sockit.awaitExit(EXIT)).isZero();
        }
    }

    @Test
    void connect_socketDebug_setWithCapNetAdmin_elseExit1WithEacces() throws Exception {
        try (TestServer server = TestServer.start(); Spawned sockit = Spawned.sockit("-D", "127.0.0.1", server.portText())) {
            if (hasCapNetAdmin()) {
                server.accept();
                sockit.closeStdin();
                assertThat(server.readTextToEof()).isEmpty();
                server.closeClient();
                assertThat(sockit.awaitExit(EXIT)).isZero();
            } else {
                assertThat(sockit.awaitExit(EXIT)).isEqualTo(1);
                assertThat(sockit.stderr()).startsWith("sockit: setsockopt").contains("EACCES (13)").hasLineCount(1);
            }
        }
    }

    /** Linux lets only CAP_NET_ADMIN (bit 12 of the effective capabilities) turn SO_DEBUG on, as for nc -D. */
    private static boolean hasCapNetAdmin() throws IOException {
        String capEff = Files.readAllLines(Path.of("/proc/self/status")).stream()
                .filter(line -> line.startsWith("CapEff:")).findFirst().orElseThrow().substring(7).trim();
        return (Long.parseUnsignedLong(capEff, 16) & (1L << 12)) != 0;
    }

    @Test
    void connect_sessionLogAndHexDump_recordBothDirections() throws Exception {
        Path log = temp.resolve("session.log");
        Path dump = temp.resolve("session.hex");
        for (int run = 0; run < 2; run++) {
            try (TestServer server = TestServer.start();
                    Spawned sockit = Spawned.sockit("-o", log.toString(), "-x", dump.toString(), "--append-output", "127.0.0.1", server.portText())) {
                server.accept();
                sockit.write("hello\n").closeStdin();
                assertThat(server.readTextToEof()).isEqualTo("hello\n");
                server.write("world, 17 bytes!\n");
                server.closeClient();
                assertThat(sockit.awaitExit(EXIT)).isZero();
            }
        }

        assertThat(Files.readString(log)).isEqualTo("hello\nworld, 17 bytes!\n".repeat(2));
        List<String> lines = Files.readAllLines(dump);
        assertThat(lines).hasSize(10);
        assertThat(lines.get(0)).matches("> \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z sent 6 bytes");
        assertThat(lines.get(1)).isEqualTo("> 00000000  68 65 6c 6c 6f 0a                                 |hello.|");
        assertThat(lines.get(2)).matches("< \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z received 17 bytes");
        assertThat(lines.get(3)).isEqualTo("< 00000000  77 6f 72 6c 64 2c 20 31  37 20 62 79 74 65 73 21  |world, 17 bytes!|");
        assertThat(lines.get(4)).isEqualTo("< 00000010  0a                                                |.|");
        assertThat(lines.subList(5, 10)).hasSize(5);
    }

    @Test
    void connect_sessionLogWriteFails_reportedAtCloseWithExit1() throws Exception {
        try (TestServer server = TestServer.start(); Spawned sockit = Spawned.sockit("-o", "/dev/full", "127.0.0.1", server.portText())) {
            server.accept();
            sockit.write("data").closeStdin();
            assertThat(server.readTextToEof()).isEqualTo("data");
            server.closeClient();

            assertThat(sockit.awaitExit(EXIT)).isEqualTo(1);
            assertThat(sockit.stderr()).startsWith("sockit: /dev/full: write failed").hasLineCount(1);
        }
    }

    @Test
    void connect_peerResets_exit1() throws Exception {
        try (TestServer server = TestServer.start(); Spawned sockit = Spawned.sockit("127.0.0.1", server.portText())) {
            server.accept();
            sockit.write("x");
            assertThat(server.readExactly(1)).hasSize(1);
            server.reset();

            assertThat(sockit.awaitExit(EXIT)).isEqualTo(1);
            assertThat(sockit.stderr()).contains("ECONNRESET").hasLineCount(1);
        }
    }
}
